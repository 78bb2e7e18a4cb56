#!/usr/bin/env bash
# A 200 MB evidence file uploaded to a running `tandem serve` (multipart, as a page or curl sends
# it): the server's resident memory before and at its peak (VmHWM, read from /proc), and the
# upload's time beside Debian's `age` encrypting the same file on the same machine in the same
# run (the baseline: what streaming encryption costs without HTTP, multipart or the database).
# The stored file is then decrypted with `age` and compared byte for byte with the original.
#
#   bench/evidence.sh                  200 MB, SQLite
#   SIZE_MB=500 bench/evidence.sh      (raise TANDEM_MAX_EVIDENCE_MB to match; it is set here)
#   BIN=target/debug/tandem bench/evidence.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${SIZE_MB:-200}
command -v age >/dev/null || { echo "installing age from Debian packages" >&2; apt-get install -y -qq age >&2; }
if [ -z "${BIN:-}" ]; then
  cargo build --release -q -p tandem-cli
  BIN=$PWD/target/release/tandem
fi
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# A "video": an MP4 header, then random bytes (incompressible, as real video is).
{ printf '\0\0\0\x18ftypmp42\0\0\0\0mp42isom'; head -c $((SIZE_MB * 1024 * 1024 - 24)) /dev/urandom; } >"$work/video.mp4"
want=$(sha256sum "$work/video.mp4" | cut -d' ' -f1)

db="sqlite://$work/bench.db"
"$BIN" admin init-key --key-file "$work/key" >/dev/null
"$BIN" demo --no-serve --database-url "$db" --key-file "$work/key" >/dev/null
TANDEM_SECURE_COOKIES=false TANDEM_LOG_LEVEL=warn TANDEM_EVIDENCE_DIR="$work/evidence" \
  TANDEM_MAX_EVIDENCE_MB=$((SIZE_MB + 10)) \
  "$BIN" serve --addr 127.0.0.1:18090 --database-url "$db" --key-file "$work/key" >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 100); do curl -fs http://127.0.0.1:18090/healthz >/dev/null 2>&1 && break; sleep 0.1; done
login() {
  curl -fs -X POST http://127.0.0.1:18090/api/v1/auth/login -H 'content-type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"tandem-demo-2026\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
token=$(login coordinator@observatory.example)
violation=$(curl -fs "http://127.0.0.1:18090/api/v1/violations?limit=1" -H "authorization: Bearer $token" |
  sed -E 's/.*"violations":\[\{"id":"([^"]+)".*/\1/')
kb() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$pid/status"; }
# Warm the server (one small upload) so the baseline includes what every upload allocates once.
head -c 4096 "$work/video.mp4" >"$work/small.mp4"
curl -fs -o /dev/null -F "file=@$work/small.mp4" -H "authorization: Bearer $token" \
  "http://127.0.0.1:18090/api/v1/violations/$violation/evidence"
before=$(kb VmRSS)
start=$(date +%s.%N)
out=$(curl -fs -F "file=@$work/video.mp4" -H "authorization: Bearer $token" \
  "http://127.0.0.1:18090/api/v1/violations/$violation/evidence")
upload_s=$(echo "$(date +%s.%N) - $start" | bc)
peak=$(kb VmHWM)
got=$(sed -E 's/.*"sha256":"([^"]+)".*/\1/' <<<"$out")

# The baseline: Debian's age encrypting the same bytes to the same kind of recipient.
age-keygen -o "$work/base.key" 2>/dev/null
start=$(date +%s.%N)
age -r "$(age-keygen -y "$work/base.key")" -o "$work/base.age" "$work/video.mp4"
age_s=$(echo "$(date +%s.%N) - $start" | bc)

# The stored file opens with the standard tool and the identity `tandem admin evidence-identity` prints.
org=$("$BIN" admin list-orgs --database-url "$db" --key-file "$work/key" | awk -F'\t' '$4 == "Lakeside Human Rights Observatory" {print $1}')
"$BIN" admin evidence-identity --org "$org" --database-url "$db" --key-file "$work/key" >"$work/identity.txt"
stored=$(ls -S "$work/evidence/$org"/*.age | head -1)
back=$(age -d -i "$work/identity.txt" "$stored" | sha256sum | cut -d' ' -f1)

printf 'file                 %d MB\n' "$SIZE_MB"
printf 'server RSS before    %d MB\n' $((before / 1024))
printf 'server RSS peak      %d MB (growth %d MB; goal: under 50 MB)\n' $((peak / 1024)) $(((peak - before) / 1024))
printf 'upload               %.2f s (%.0f MB/s)\n' "$upload_s" "$(echo "$SIZE_MB / $upload_s" | bc -l)"
printf 'age alone            %.2f s (%.0f MB/s)\n' "$age_s" "$(echo "$SIZE_MB / $age_s" | bc -l)"
printf 'upload / age         %.2f\n' "$(echo "$upload_s / $age_s" | bc -l)"
[ "$got" = "$want" ] && echo "recorded SHA-256     matches the original" || { echo "recorded SHA-256 $got, original $want" >&2; exit 1; }
[ "$back" = "$want" ] && echo "age -d of the stored file: byte-identical" || { echo "age -d gave $back" >&2; exit 1; }
[ $(((peak - before) / 1024)) -lt 50 ] || { echo "memory grew by 50 MB or more" >&2; exit 1; }
