#!/usr/bin/env bash
# SQL injection: sqlmap (PyPI) against every list and filter endpoint of the API, with signed-in
# tokens, on a demo database: query parameters, path parameters (the `*` marks), the JSON bodies
# of report filing, protected names and login, and the shared views a police liaison sees.
# Level 3 / risk 2: also the User-Agent and Referer headers, and OR-based payloads. Fails when
# sqlmap finds an injection point, does not reach its final verdict, meets any 5xx, or leaves the
# server dead. Only the login target accepts 401 and 429 as answers (any other target meeting a
# 401 has lost its token and fails). At login, every payload in the e-mail field is refused by
# the address parser (422) before any lookup or throttle; payloads in the password and headers
# meet the per-account sign-in throttle (429) after five tries, by design, and a password never
# reaches SQL (it is compared with its Argon2 hash in Rust).
#   bench/sqlmap.sh [TARGET...]   (writes bench/out/sqlmap/, prints one line per target)
# Environment: LEVEL (default 3), RISK (default 2), DB (sqlite or postgres; default sqlite).
set -euo pipefail
cd "$(dirname "$0")/.."
level=${LEVEL:-3}
risk=${RISK:-2}
command -v sqlmap >/dev/null 2>&1 || python3 -m pip install --quiet sqlmap
cargo build --release --locked -q -p tandem-cli
out=bench/out/sqlmap
rm -rf "$out" && mkdir -p "$out"
work=$(mktemp -d)
if [ "${DB:-sqlite}" = postgres ]; then
  base_url=${TANDEM_TEST_POSTGRES_URL:-$(scripts/postgres.sh)}
  db_name=tandem_sqlmap_$$
  psql "$base_url" -qc "CREATE DATABASE $db_name" >/dev/null
  url="${base_url%/*}/$db_name"
else
  url="sqlite://$work/sqlmap.db"
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
target/release/tandem admin init-key --key-file "$work/k" >/dev/null
target/release/tandem demo --addr "127.0.0.1:$port" --database-url "$url" --key-file "$work/k" >"$work/server.log" 2>&1 &
server=$!
cleanup() {
  kill $server 2>/dev/null || true
  [ -n "${db_name:-}" ] && { sleep 1; psql "$base_url" -qc "DROP DATABASE IF EXISTS $db_name" >/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
api="http://127.0.0.1:$port/api/v1"
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
login() {
  curl -fs -X POST "$api/auth/login" -H 'content-type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"tandem-demo-2026\"}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])'
}
admin=$(login admin@kwpn.example)
police=$(login member@police-kumba.example)
get() { curl -fs "$api$1" -H "Authorization: Bearer $admin"; }
report=$(get '/reports?limit=1' | python3 -c 'import sys,json; print(json.load(sys.stdin)["reports"][0]["id"])')
alert=$(get '/alerts?limit=1' | python3 -c 'import sys,json; print(json.load(sys.stdin)["alerts"][0]["id"])')
org=$(get '/me' | python3 -c 'import sys,json; d=json.load(sys.stdin); print(d["org"]["id"])')

# name | token | URL (with * marking path injection points) | POST body (JSON) or empty
targets=(
  "reports-filter|$admin|$api/reports?area=MR0101&category=crime&status=new&from=2026-01-01&to=2026-12-31&limit=10|"
  "alerts-filter|$admin|$api/alerts?status=open&overdue=true&limit=10|"
  "audit|$admin|$api/audit?limit=10|"
  "sms-inbox|$admin|$api/sms-inbox?limit=10|"
  "report-by-id|$admin|$api/reports/$report*|"
  "report-contact|$admin|$api/reports/$report*/contact|"
  "alert-by-id|$admin|$api/alerts/$alert*|"
  "org-by-id|$admin|$api/orgs/$org*|"
  "index-country|$admin|$api/index/editions/2026H2*/countries/XMR*|"
  "export-file|$admin|$api/export/reports.csv*|"
  "shared-aggregates|$police|$api/shared/aggregates?weeks=8|"
  "shared-records|$police|$api/shared/records?weeks=8|"
  "report-create|$admin|$api/reports|{\"area\":\"MR0101\",\"category\":\"crime\",\"severity\":2,\"occurred_at\":\"2026-03-02\",\"description\":\"Cattle taken\"}"
  "protected-name|$admin|$api/protected-names|{\"name\":\"Amina Bello\"}"
  "login|-|$api/auth/login|{\"email\":\"coordinator@kwpn.example\",\"password\":\"x\"}"
)
failed=0
total=0
printf '%-18s %9s  %s\n' target requests verdict
for t in "${targets[@]}"; do
  IFS='|' read -r name token target body <<<"$t"
  [ $# -eq 0 ] || [[ " $* " == *" $name "* ]] || continue
  args=(-u "$target" --batch --level "$level" --risk "$risk" --threads 4 --flush-session
        --output-dir "$out/$name" -t "$out/$name.traffic")
  [ "$name" = login ] && args+=(--ignore-code 401,429)
  [ "$token" != - ] && args+=(-H "Authorization: Bearer $token")
  [ -n "$body" ] && args+=(--data "$body")
  sqlmap "${args[@]}" >"$out/$name.log" 2>&1 || true
  requests=$(grep -c '^HTTP request \[#' "$out/$name.traffic" || true)
  total=$((total + requests))
  verdict="not injectable"
  if grep -q 'identified the following injection point\|is vulnerable' "$out/$name.log"; then
    verdict="INJECTABLE"; failed=1
  elif ! grep -q 'all tested parameters do not appear to be injectable' "$out/$name.log"; then
    verdict="sqlmap did not finish (see $out/$name.log)"; failed=1
  fi
  codes=$(grep -o '^HTTP response \[#[0-9]*\] ([0-9]*' "$out/$name.traffic" | grep -o '[0-9]*$' | sort | uniq -c |
    awk '{ printf "%s%s: %s", sep, $2, $1; sep = ", " }')
  if grep -q '^HTTP response \[#[0-9]*\] (5' "$out/$name.traffic"; then verdict="$verdict, 5xx answered"; failed=1; fi
  if ! kill -0 $server 2>/dev/null || ! curl -fs "http://127.0.0.1:$port/healthz" >/dev/null; then
    verdict="$verdict, SERVER DOWN"; failed=1
  fi
  printf '%-18s %9s  %s%s\n' "$name" "$requests" "$verdict" "${codes:+ ($codes)}"
done
echo "requests in all: $total"
exit $failed
