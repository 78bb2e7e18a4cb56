#!/usr/bin/env bash
# Fuzzes the JSON API with schemathesis against its own OpenAPI document: a fresh demo database,
# a real `tandem` server, an administrator's token (also a platform administrator) and an SMS
# gateway's secret, every check
# except positive_data_acceptance (a schema-valid report for an area that does not exist is
# rightly refused), and POST /auth/logout left out (it would revoke the token under test).
# Values come from scripts/schemathesis.toml's dictionaries most of the time.
#   scripts/schemathesis.sh [EXAMPLES_PER_OPERATION] [SEED]
# Environment: TANDEM_BIN (default target/debug/tandem), ST_REPORT_DIR (where to write each
# pass's JSON run report and a HAR file of every request and response).
set -euo pipefail
cd "$(dirname "$0")/.."
examples=${1:-15}
seed=${2:-2026}
bin=${TANDEM_BIN:-target/debug/tandem}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" demo --addr "127.0.0.1:$port" --database-url "sqlite://$work/st.db" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  if ! kill -0 $server 2>/dev/null; then cat "$work/server.log"; exit 1; fi
  sleep 0.5
done
token=$(curl -fs -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"admin@kwpn.example","password":"tandem-demo-2026"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
# The SMS webhook authenticates gateways by their shared secret, not a token: register one for
# the administrator's organisation so the fuzzer reaches the message parser behind it.
org=$(curl -fs "http://127.0.0.1:$port/api/v1/me" -H "Authorization: Bearer $token" |
  python3 -c 'import sys,json; print(json.load(sys.stdin)["org"]["id"])')
sms_secret=$("$bin" admin sms-gateway --database-url "sqlite://$work/st.db" --org "$org" | tail -n 1)
# Two passes. Changing members' roles can demote the caller itself (allowed while another
# administrator remains, and the server rightly answers 403 from then on), so those two
# operations run last, on their own, and the first pass keeps an administrator's rights.
# The members pass also lists members, so that its stateful phase follows the links to real
# members' ids. (POST /members invites, and an invitation is not a member until accepted: it
# runs in the first pass, with the invitations' own operations.)
members=(--include-operation-id get_members
  --include-operation-id patch_members__user_id_ --include-operation-id delete_members__user_id_)
pass() {
  local name=$1
  shift
  local report=()
  [ -n "${ST_REPORT_DIR:-}" ] && report=(--report json,har --report-json-path "$ST_REPORT_DIR/$name.json"
    --report-har-path "$ST_REPORT_DIR/$name.har")
  schemathesis --config-file scripts/schemathesis.toml run "http://127.0.0.1:$port/api/v1/openapi.json" \
    -H "Authorization: Bearer $token" -H "X-Sms-Secret: $sms_secret" \
    --checks all --exclude-checks positive_data_acceptance \
    --max-examples "$examples" --seed "$seed" --workers 2 --no-color "${report[@]}" "$@"
}
status=0
pass schemathesis --exclude-operation-id post_auth_logout \
  --exclude-operation-id patch_members__user_id_ --exclude-operation-id delete_members__user_id_ || status=1
pass schemathesis-members "${members[@]}" || status=1
exit $status
