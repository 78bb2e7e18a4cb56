#!/usr/bin/env bash
# Coverage-guided fuzzing of the parsers that read outside input (cargo-fuzz + libFuzzer): each
# target runs SECONDS_PER_TARGET (default 600), two at a time on two cores, starting from the
# seeds in fuzz/seeds/ and the corpus grown by earlier runs (fuzz/corpus/, not committed).
# Prints, per target, executions, coverage and corpus size; a crash leaves its input in
# fuzz/artifacts/TARGET/ and fails the script.
#   bench/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# Built without a sanitizer (-s none), on the stable compiler: Tandem has no unsafe code, so what
# matters is panics and broken invariants, and libFuzzer runs several times faster without
# AddressSanitizer (which would need nightly).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
secs=${1:-600}
shift || true
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv_reports openrosa geojson sms methodology index_csv scrub keyfile)
cargo fuzz build -s none -O
mkdir -p ../bench/out/fuzz
run() {
  local t=$1
  mkdir -p "corpus/$t"
  local rc=0
  cargo fuzz run "$t" "corpus/$t" "seeds/$t" -s none -O -- \
    -max_total_time="$secs" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
    >"../bench/out/fuzz/$t.log" 2>&1 || rc=$?
  echo "$rc" >"../bench/out/fuzz/$t.rc"
}
summary() {
  local t=$1 log=../bench/out/fuzz/$1.log status=ok
  local execs cov corpus
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  # A run that did not finish with libFuzzer's final statistics (a cargo error, a missing
  # directory, the kernel's OOM killer) is a failure, not a quiet "ok".
  [ "$(cat "../bench/out/fuzz/$t.rc" 2>/dev/null || echo missing)" = 0 ] && [ "$execs" != '?' ] || status=FAILED
  grep -q 'SUMMARY: libFuzzer\|panicked at\|deadly signal' "$log" && status=CRASH
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo '?')
  corpus=$(find "corpus/$t" -type f | wc -l)
  printf '%-12s %12s %8s %8s  %s\n' "$t" "$execs" "$cov" "$corpus" "$status"
  [ $status = ok ]
}
# Two at a time: one per core.
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  run "${targets[i]}" &
  [ $((i + 1)) -lt ${#targets[@]} ] && run "${targets[i + 1]}" &
  wait || true
done
failed=0
printf '%-12s %12s %8s %8s  %s\n' target executions coverage corpus result
for t in "${targets[@]}"; do summary "$t" || failed=1; done
[ $failed = 0 ] || echo "see bench/out/fuzz/TARGET.log; crash inputs are in fuzz/artifacts/, each becomes a regression test"
exit $failed
