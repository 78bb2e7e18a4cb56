#!/usr/bin/env bash
# From a 1,000,000-row ACLED-style CSV to the full set of weekly EARS alarms (C1, C2, C3) per
# admin2 area and category: Tandem beside DuckDB doing the same counting and baselines on the
# same file in the same run. Rounds alternate; both print seconds and alarm counts, which must
# agree (up to floating-point ties at a threshold).
#   bench/analytics.sh            1,000,000 rows, 5 rounds
#   ROWS=200000 ROUNDS=3 bench/analytics.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
ROUNDS=${ROUNDS:-5}
python3 -c "import duckdb" 2>/dev/null || { echo "installing duckdb from PyPI" >&2; pip install -q duckdb >&2; }
cargo build --release -q -p tandem-cli
BIN=$PWD/target/release/tandem
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv="$work/acled.csv"
python3 bench/gen_acled.py "$csv" "$ROWS"
"$BIN" demo --no-serve --database-url "sqlite://$work/areas.db" >/dev/null 2>&1
for i in $(seq "$ROUNDS"); do
  "$BIN" bench analytics --fast "$csv" --database-url "sqlite://$work/areas.db"
  "$BIN" bench analytics "$csv" --database-url "sqlite://$work/areas.db"
  python3 bench/duckdb_ears.py "$csv"
done | tee "$work/out.txt"
awk '/^tandem seconds/ && /parse\+count/ {f[++nf]=$3} /^tandem seconds/ && !/parse\+count/ {s[++ns]=$3} /^duckdb seconds/ {d[++nd]=$3}
  function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }; return a[int((n + 1) / 2)] }
  END { printf "median seconds: tandem bulk %.3f, tandem via importer %.3f, duckdb %.3f; duckdb/tandem bulk = %.2f\n", med(f, nf), med(s, ns), med(d, nd), med(d, nd) / med(f, nf) }' "$work/out.txt"
