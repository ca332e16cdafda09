#!/usr/bin/env bash
# Runs every test of the project: the proto lint (buf) and the whole Maven build with its tests.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/buf-lint.sh
./mvnw -B -ntp verify "$@"
