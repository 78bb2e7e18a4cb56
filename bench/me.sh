#!/usr/bin/env bash
# GET /api/v1/me with a bearer token, measured with wrk against a running `tandem serve`, beside
# the same request to a minimal axum handler (`tandem bench ceiling`) in the same run. Rounds are
# interleaved (ceiling, tandem, ceiling, tandem, ...) so machine noise hits both alike; the
# figures reported are medians over rounds.
#
#   bench/me.sh                 SQLite and PostgreSQL, 3 rounds of 10 s, 64 connections
#   ROUNDS=5 DURATION=20s CONNS=128 BACKENDS=sqlite bench/me.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
BACKENDS=${BACKENDS:-"sqlite postgres"}
command -v wrk >/dev/null || { echo "installing wrk from Debian packages" >&2; apt-get install -y -qq wrk >&2; }

# BIN: another build to measure (bench/ab.sh passes an earlier revision's); this tree's by default.
if [ -z "${BIN:-}" ]; then
  cargo build --release -q -p tandem-cli
  BIN=$PWD/target/release/tandem
fi
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

wait_up() { for _ in $(seq 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "server at $1 did not start" >&2; exit 1; }

# Runs wrk and prints "requests_per_second p99_ms".
measure() {
  local out
  out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$@")
  local rps p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' <<<"$out")
  echo "$rps $p99"
}

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

"$BIN" bench ceiling --addr 127.0.0.1:18089 >/dev/null &
pids+=($!)
wait_up http://127.0.0.1:18089/api/v1/me

printf '%-9s %-8s %12s %10s\n' backend target "requests/s" "p99 (ms)"
for backend in $BACKENDS; do
  case $backend in
    sqlite) db="sqlite://$work/bench.db" ;;
    postgres)
      server=$(scripts/postgres.sh)
      name="tandem_bench_$$"
      psql -q "$server" -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name"
      db="${server%/*}/$name" ;;
  esac
  "$BIN" demo --no-serve --database-url "$db" >/dev/null
  TANDEM_SECURE_COOKIES=false TANDEM_LOG_LEVEL=warn "$BIN" serve --addr 127.0.0.1:18080 --database-url "$db" >/dev/null 2>&1 &
  server_pid=$!
  pids+=($server_pid)
  wait_up http://127.0.0.1:18080/healthz
  token=$(curl -fs -X POST http://127.0.0.1:18080/api/v1/auth/login -H 'content-type: application/json' \
    -d '{"email":"member@kwpn.example","password":"tandem-demo-2026"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
  : >"$work/ceiling" ; : >"$work/tandem"
  for _ in $(seq "$ROUNDS"); do
    measure http://127.0.0.1:18089/api/v1/me >>"$work/ceiling"
    measure -H "Authorization: Bearer $token" http://127.0.0.1:18080/api/v1/me >>"$work/tandem"
  done
  c_rps=$(cut -d' ' -f1 "$work/ceiling" | median); c_p99=$(cut -d' ' -f2 "$work/ceiling" | median)
  t_rps=$(cut -d' ' -f1 "$work/tandem" | median); t_p99=$(cut -d' ' -f2 "$work/tandem" | median)
  printf '%-9s %-8s %12.0f %10.2f\n' "$backend" ceiling "$c_rps" "$c_p99"
  printf '%-9s %-8s %12.0f %10.2f\n' "$backend" tandem "$t_rps" "$t_p99"
  awk -v t="$t_rps" -v c="$c_rps" -v b="$backend" 'BEGIN {printf "%-9s ratio    %11.0f%%   (goal: at least 50%% of the ceiling)\n", b, 100*t/c}'
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
done
