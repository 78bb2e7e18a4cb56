#!/usr/bin/env bash
# GET /dashboard over an organisation holding about 1,000,000 reports (an ACLED-style event file
# imported as reports), at about 100 requests/s, measured with wrk: p99 is the figure.
#   bench/dashboard.sh                 builds the database (a few minutes), then 30 s of load
#   DB_DIR=/tmp/dash bench/dashboard.sh   reuses a database built before in DB_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
command -v wrk >/dev/null || { echo "installing wrk from Debian packages" >&2; apt-get install -y -qq wrk >&2; }
cargo build --release -q -p tandem-cli
BIN=$PWD/target/release/tandem
DB_DIR=${DB_DIR:-$(mktemp -d)}
db="sqlite://$DB_DIR/d.db"
if [ ! -f "$DB_DIR/d.db" ]; then
  python3 bench/gen_acled.py "$DB_DIR/events.csv" 1000000
  "$BIN" demo --no-serve --database-url "$db" >/dev/null 2>&1
  org=$("$BIN" admin list-orgs --database-url "$db" | grep 'Lakes Region' | cut -f1)
  /usr/bin/time -f "import: %e s, %M KiB" "$BIN" import events --org "$org" --format acled "$DB_DIR/events.csv" --database-url "$db"
fi
TANDEM_SECURE_COOKIES=false TANDEM_LOG_LEVEL=warn "$BIN" serve --addr 127.0.0.1:18083 --database-url "$db" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
for _ in $(seq 100); do curl -fs http://127.0.0.1:18083/healthz >/dev/null 2>&1 && break; sleep 0.1; done
TOKEN=$(curl -fs -X POST http://127.0.0.1:18083/api/v1/auth/login -H 'content-type: application/json' \
  -d '{"email":"member@lakesnet.example","password":"tandem-demo-2026"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
export TOKEN
reports=$(python3 -c "import sqlite3; print(sqlite3.connect('$DB_DIR/d.db').execute('select count(*) from reports').fetchone()[0])")
echo "reports in the database: $reports"
curl -fs -o /dev/null -w "one dashboard: %{time_total} s, %{size_download} bytes\n" -H "authorization: Bearer $TOKEN" http://127.0.0.1:18083/dashboard
DELAY_MS=100 wrk -t2 -c10 -d"$DURATION" --latency -s bench/dashboard.lua http://127.0.0.1:18083/dashboard
