#!/usr/bin/env bash
# This tree's release binary beside another revision's, in the same run, so that machine noise
# hits both alike: bench/me.sh (GET /api/v1/me as a share of a minimal axum handler, both
# backends) and bench/intake.sh (sustained durable report intake on SQLite), alternating the two
# binaries, ROUNDS times each. Prints each run's figures and, last, the medians side by side.
#   bench/ab.sh REV                 e.g. bench/ab.sh HEAD~5
#   ROUNDS=3 bench/ab.sh 3ccfe92
# The other revision is built once in a worktree under $TMPDIR with its own target directory
# (or give its binary as BASELINE_BIN; CURRENT_BIN likewise replaces this tree's build).
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: bench/ab.sh REV}
ROUNDS=${ROUNDS:-2}
base_dir=${TMPDIR:-/tmp}/tandem-ab-$(git rev-parse --short "$rev")
baseline_bin=${BASELINE_BIN:-$base_dir-target/release/tandem}
if [ ! -x "$baseline_bin" ]; then
  [ -d "$base_dir" ] || git worktree add -f "$base_dir" "$rev" >/dev/null
  (cd "$base_dir" && CARGO_TARGET_DIR="$base_dir-target" cargo build --release -q -p tandem-cli)
fi
current_bin=${CURRENT_BIN:-$PWD/target/release/tandem}
[ -n "${CURRENT_BIN:-}" ] || cargo build --release -q -p tandem-cli
declare -A bins=([baseline]="$baseline_bin" [current]="$current_bin")
declare -A v
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for round in $(seq "$ROUNDS"); do
  for which in baseline current; do
    echo "== round $round: $which (${bins[$which]})"
    BIN=${bins[$which]} bench/me.sh | tee -a "$out/me-$which"
    BIN=${bins[$which]} bench/intake.sh | grep -E '^Requests/sec|acknowledged' | tee -a "$out/intake-$which"
  done
done
# "median (min-max)" of the numbers on standard input.
summary() { sort -g | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.0f (%.0f-%.0f)", m, a[1], a[NR]}'; }
echo
printf '%-28s %-22s %-22s\n' "$ROUNDS rounds: median (range)" baseline current
for backend in sqlite postgres; do
  for which in baseline current; do
    v[$which]=$(awk -v b="$backend" '$1 == b && $2 == "ratio" {sub(/%/, "", $3); print $3}' "$out/me-$which" | summary)
  done
  printf '%-28s %-22s %-22s\n' "me, $backend, % of ceiling" "${v[baseline]}" "${v[current]}"
done
for which in baseline current; do
  v[$which]=$(awk '/^Requests\/sec:/ {print $2}' "$out/intake-$which" | summary)
done
printf '%-28s %-22s %-22s\n' "intake, reports/s" "${v[baseline]}" "${v[current]}"
