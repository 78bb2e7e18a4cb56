#!/usr/bin/env bash
# The registry's public reads on the demo data, measured with wrk beside /healthz (the server's
# floor) in the same run, rounds interleaved, medians reported: the gap analysis, the 4W lines,
# the capacity page (map and all), the IATI export and a knowledge-bank search.
#   bench/registry.sh                    3 rounds of 10 s, 16 connections
#   ROUNDS=5 DURATION=20s bench/registry.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNS=${CONNS:-16}
command -v wrk >/dev/null || { echo "installing wrk from Debian packages" >&2; apt-get install -y -qq wrk >&2; }
if [ -z "${BIN:-}" ]; then
  cargo build --release -q -p tandem-cli
  BIN=$PWD/target/release/tandem
fi
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$work" && TANDEM_LOG_LEVEL=warn "$BIN" demo --addr "127.0.0.1:$port" --database-url "sqlite://$work/bench.db" >"$work/server.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true; pkill -f "$work/bench.db" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
base="http://127.0.0.1:$port"
paths=(/healthz /api/v1/registry/gaps "/api/v1/registry/gaps?area=MR0401" /api/v1/registry/capacity /registry/capacity /api/v1/grants/iati "/api/v1/case-studies?q=police%20training")
for r in $(seq "$ROUNDS"); do
  for p in "${paths[@]}"; do
    out=$(wrk -t2 -c"$CONNS" -d"$DURATION" --latency "$base$p")
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' <<<"$out")
    echo "round $r $p $rps $p99"
  done
done | tee "$work/out.txt"
awk '{rps[$3] = rps[$3] " " $4; p99[$3] = p99[$3] " " $5}
  function med(s,   a, n, i, j, t) { n = split(s, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }; return a[int((n + 1) / 2)] }
  END { h = med(rps["/healthz"]); for (p in rps) printf "%-40s %8.0f req/s  p99 %6.2f ms  %.3f of /healthz\n", p, med(rps[p]), med(p99[p]), med(rps[p]) / h }' "$work/out.txt" | sort
