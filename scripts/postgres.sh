#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the intermediate-database connector's tests and prints its JDBC URL
# on stdout (everything else goes to stderr). Installs PostgreSQL with apt if initdb/pg_ctl are missing.
# Idempotent: a cluster already running on the port is reused.
#   LINKAGE_PG_DIR   data directory (default /tmp/linkage-pg)
#   LINKAGE_PG_PORT  port on 127.0.0.1 (default 55432)
# Usage: LINKAGE_TEST_PG_URL="$(./scripts/postgres.sh)" && export LINKAGE_TEST_PG_URL
#   (assign, then export: `export VAR="$(…)"` would hide a failure of this script)
set -euo pipefail
dir="${LINKAGE_PG_DIR:-/tmp/linkage-pg}"
port="${LINKAGE_PG_PORT:-55432}"
db=linkage; user=linkage; password=linkage

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  echo "postgres.sh: installing PostgreSQL" >&2
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq >&2
  $sudo_cmd apt-get install -y -qq --no-install-recommends postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

# initdb refuses to run as root: run the server as the 'postgres' account then.
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  as_owner=(runuser -u postgres --)
fi

if [[ ! -f "$dir/PG_VERSION" ]]; then
  mkdir -p "$dir"
  [[ ${#as_owner[@]} -gt 0 ]] && chown postgres "$dir"
  chmod 700 "$dir"
  "${as_owner[@]}" "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
fi

if ! "${as_owner[@]}" "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $dir" start >&2
fi

psql_cmd=(psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA)
if [[ "$("${psql_cmd[@]}" -d postgres -c "select 1 from pg_roles where rolname='$user'")" != 1 ]]; then
  "${psql_cmd[@]}" -d postgres -c "create role $user login password '$password'" >&2
fi
if [[ "$("${psql_cmd[@]}" -d postgres -c "select 1 from pg_database where datname='$db'")" != 1 ]]; then
  "${psql_cmd[@]}" -d postgres -c "create database $db owner $user" >&2
fi
echo "jdbc:postgresql://127.0.0.1:$port/$db?user=$user&password=$password"
