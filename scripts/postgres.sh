#!/usr/bin/env bash
# Makes sure a throw-away PostgreSQL server is running for the test suite and prints its URL.
# Installs PostgreSQL from Debian packages when it is missing. The server keeps its data under
# $TANDEM_PG_DIR (default /tmp/tandem-test-pg), listens on 127.0.0.1:$TANDEM_PG_PORT (default
# 55432), trusts local connections and runs with fsync off: it is for tests, never for data.
set -euo pipefail

dir=${TANDEM_PG_DIR:-/tmp/tandem-test-pg}
port=${TANDEM_PG_PORT:-55432}

find_bin() {
  local b
  for b in /usr/lib/postgresql/*/bin/"$1"; do
    [ -x "$b" ] && { echo "$b"; return 0; }
  done
  command -v "$1" 2>/dev/null
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1; fi
}

initdb=$(find_bin initdb || true)
if [ -z "$initdb" ]; then
  echo "PostgreSQL is not installed; installing it from Debian packages..." >&2
  as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >&2
  initdb=$(find_bin initdb)
fi
pg_ctl=$(dirname "$initdb")/pg_ctl

# PostgreSQL refuses to run as root: run it as the 'postgres' system user in that case.
run() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  run "$initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! run "$pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  run "$pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$port/postgres"
