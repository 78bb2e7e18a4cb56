#!/usr/bin/env bash
# Sustained report intake: POST /api/v1/reports on SQLite with durable commits (WAL, synchronous
# FULL), measured with wrk; then checks that every acknowledged report (201) is in the database.
#   bench/intake.sh                     20 s, 32 connections
#   DURATION=30s CONNS=64 bench/intake.sh
#   CONNS=20 DELAY_MS=20 bench/intake.sh   offered load of about 1,000 reports/s, for latency
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
CONNS=${CONNS:-32}
THREADS=${THREADS:-2}
command -v wrk >/dev/null || { echo "installing wrk from Debian packages" >&2; apt-get install -y -qq wrk >&2; }
# BIN: another build to measure (bench/ab.sh passes an earlier revision's); this tree's by default.
if [ -z "${BIN:-}" ]; then
  cargo build --release -q -p tandem-cli
  BIN=$PWD/target/release/tandem
fi
work=$(mktemp -d)
db="sqlite://$work/intake.db"
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
"$BIN" demo --no-serve --database-url "$db" >/dev/null 2>&1
TANDEM_SECURE_COOKIES=false TANDEM_LOG_LEVEL=warn "$BIN" serve --addr 127.0.0.1:18081 --database-url "$db" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 100); do curl -fs http://127.0.0.1:18081/healthz >/dev/null 2>&1 && break; sleep 0.1; done
TOKEN=$(curl -fs -X POST http://127.0.0.1:18081/api/v1/auth/login -H 'content-type: application/json' \
  -d '{"email":"member@youthdialogue.example","password":"tandem-demo-2026"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
export TOKEN
org=$(curl -fs http://127.0.0.1:18081/api/v1/me -H "authorization: Bearer $TOKEN" | sed -E 's/.*"org":\{"id":"([^"]+)".*/\1/')
before=$(python3 -c "import sqlite3,sys; print(sqlite3.connect('$work/intake.db').execute('select count(*) from reports where org_id=?', (sys.argv[1],)).fetchone()[0])" "$org")
out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s bench/intake.lua http://127.0.0.1:18081)
echo "$out"
kill -9 "$pid"; pid=
acked=$(awk '/^ACKED/ {print $2}' <<<"$out")
after=$(python3 -c "import sqlite3,sys; print(sqlite3.connect('$work/intake.db').execute('select count(*) from reports where org_id=?', (sys.argv[1],)).fetchone()[0])" "$org")
stored=$((after - before))
echo "acknowledged: $acked, stored after SIGKILL: $stored"
if [ "$stored" -lt "$acked" ]; then echo "LOST $((acked - stored)) acknowledged reports" >&2; exit 1; fi
