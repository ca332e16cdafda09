#!/usr/bin/env bash
# Lints the gRPC contract with buf (installed from npm into .tools/, never globally).
set -euo pipefail
cd "$(dirname "$0")/.."
BUF_VERSION=1.75.0
buf=.tools/buf/node_modules/.bin/buf
if [[ ! -x "$buf" ]] || [[ "$("$buf" --version 2>/dev/null)" != "$BUF_VERSION" ]]; then
  npm install --silent --no-audit --no-fund --prefix .tools/buf "@bufbuild/buf@$BUF_VERSION" >/dev/null
fi
(cd api-proto/src/main/proto && "../../../../$buf" lint)
echo "buf lint: api-proto/src/main/proto is clean"
