#!/usr/bin/env bash
# National scale (issue 18), each beside DuckDB in the same run, with wall time and peak memory
# (GNU time's maximum resident set):
#   (a) a 1,000,000-row ACLED-style file over 5,000 districts of 50 countries, matched by P-code,
#       to stored reports and all alerts: `tandem import events` on SQLite and on PostgreSQL,
#       beside DuckDB loading the file into a persistent table and computing the same alarms;
#   (b) `tandem alerts run` over the million stored reports (SQLite, then PostgreSQL);
#   (c) the in-memory analytics path (`tandem bench analytics --fast`) beside DuckDB's query.
#   bench/national.sh                  1,000,000 rows
#   ROWS=10000000 bench/national.sh    the 10,000,000-row file (peak memory should not move)
#   DIR=/tmp/national bench/national.sh   keeps the files (and reuses generated ones)
#   NO_PG=1 bench/national.sh          SQLite only
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
python3 -c "import duckdb" 2>/dev/null || { echo "installing duckdb from PyPI" >&2; pip install -q duckdb >&2; }
cargo build --release -q -p tandem-cli
BIN=$PWD/target/release/tandem
DIR=${DIR:-$(mktemp -d)}
mkdir -p "$DIR"
if [ "$(cat "$DIR/rows" 2>/dev/null)" != "$ROWS" ]; then
  python3 bench/gen_national.py "$DIR" "$ROWS"
  echo "$ROWS" > "$DIR/rows"
fi
echo "file: $ROWS rows, $(du -m "$DIR/events.csv" | cut -f1) MB"
measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "$label: %e s, peak %M KiB" "$@"
}

setup() { # database url → prints the organisation's id
  local db=$1
  "$BIN" migrate --database-url "$db" >/dev/null
  "$BIN" import areas "$DIR/countries.geojson" --level country --code-property code --name-property name --database-url "$db" >/dev/null
  for l in admin1 admin2; do
    "$BIN" import areas "$DIR/$l.geojson" --level "$l" --code-property code --name-property name --parent-property parent --database-url "$db" >/dev/null
  done
  "$BIN" admin create-org --name "Regional Network" --kind international --database-url "$db" | tail -1
}

run_backend() { # name, database url
  local name=$1 db=$2 org
  org=$(setup "$db")
  measure "(a) tandem import events, $name" "$BIN" import events --org "$org" --format acled "$DIR/events.csv" --database-url "$db"
  measure "(b) tandem alerts run, $name" "$BIN" alerts run --org "$org" --database-url "$db"
}

rm -f "$DIR/t.db" "$DIR/t.db-wal" "$DIR/t.db-shm"
run_backend SQLite "sqlite://$DIR/t.db"
echo "SQLite file: $(du -m "$DIR/t.db" | cut -f1) MB"
if [ -z "${NO_PG:-}" ]; then
  base=$(scripts/postgres.sh | tail -1)
  psql -q "$base" -c "DROP DATABASE IF EXISTS tandem_national" -c "CREATE DATABASE tandem_national"
  run_backend PostgreSQL "${base%/*}/tandem_national"
fi
measure "(a) duckdb, load into a table and alarms" python3 bench/duckdb_national.py "$DIR"
measure "(c) tandem bench analytics --fast" "$BIN" bench analytics --fast "$DIR/events.csv" --database-url "sqlite://$DIR/t.db"
measure "(c) duckdb query" python3 bench/duckdb_ears.py "$DIR/events.csv"
