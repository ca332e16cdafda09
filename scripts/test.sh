#!/usr/bin/env bash
# Runs every test of the project: the proto lint (buf) and the whole Maven build with its tests.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/buf-lint.sh
# The intermediate-database connector is tested against a real PostgreSQL (installed and started
# locally by scripts/postgres.sh). Without one those tests are skipped, saying so — except under CI
# (CI=true or LINKAGE_REQUIRE_SERVICES=1), where a service that does not start stops the run.
if [[ -z "${LINKAGE_TEST_PG_URL:-}" ]]; then
  if url="$(./scripts/postgres.sh)" && [[ -n "$url" ]]; then
    LINKAGE_TEST_PG_URL="$url"
    export LINKAGE_TEST_PG_URL
  elif [[ "${CI:-}" == "true" || "${LINKAGE_REQUIRE_SERVICES:-}" == "1" ]]; then
    echo "PostgreSQL could not be started and CI requires it: stopping" >&2
    exit 1
  else
    echo "PostgreSQL could not be started: the intermediate-database tests will be skipped (locally only)" >&2
  fi
fi
./mvnw -B -ntp verify "$@"
