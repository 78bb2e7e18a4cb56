#!/usr/bin/env bash
# The long API fuzzing run: schemathesis against /api/v1/openapi.json with many examples per
# operation (default 100, above 10,000 requests in all) on a release build. The short run in the
# test command uses 15. Writes bench/out/schemathesis.{json,har,log} (the run report, every
# request and response, the console) and prints the requests sent and the statuses received.
#   bench/schemathesis.sh [EXAMPLES_PER_OPERATION] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
examples=${1:-100}
seed=${2:-$(date +%s)}
command -v schemathesis >/dev/null 2>&1 || python3 -m pip install --quiet schemathesis
cargo build --release --locked -q -p tandem-cli
mkdir -p bench/out
echo "schemathesis $(schemathesis --version | tail -1), $examples examples per operation, seed $seed"
TANDEM_BIN=target/release/tandem ST_REPORT_DIR=bench/out \
  scripts/schemathesis.sh "$examples" "$seed" 2>&1 | tee bench/out/schemathesis.log | grep -A12 '^Test cases:\|^Warnings:'
python3 - <<'PY'
import collections, json
entries = [e for f in ("schemathesis", "schemathesis-members")
           for e in json.load(open(f"bench/out/{f}.har"))["log"]["entries"]]
statuses = collections.Counter(e["response"]["status"] for e in entries)
print(f"requests sent: {len(entries)}")
print("statuses:", ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items())))
print(f"5xx: {sum(n for s, n in statuses.items() if s >= 500)}")
PY
