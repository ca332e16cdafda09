#!/usr/bin/env bash
# Runs every test of the project: the proto lint (buf) and the whole Maven build with its tests.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/buf-lint.sh
# The intermediate-database connector is tested against a real PostgreSQL (installed and started
# locally by scripts/postgres.sh); without one those tests are skipped, saying so.
if [[ -z "${LINKAGE_TEST_PG_URL:-}" ]]; then
  if url="$(./scripts/postgres.sh)"; then export LINKAGE_TEST_PG_URL="$url"; else
    echo "PostgreSQL could not be started: the intermediate-database tests will be skipped" >&2; fi
fi
./mvnw -B -ntp verify "$@"
