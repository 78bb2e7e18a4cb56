#!/usr/bin/env bash
# The report form and its submissions as tools nobody here wrote see them. A fresh demo server,
# a field team's access made with `tandem admin app-user`, then:
#  - ODK Validate (JavaRosa, the engine inside ODK Collect; shipped in PyPI's pyxform, needs a
#    Java runtime) must find the form the server hands out valid;
#  - Enketo's transformer (npm enketo-transformer, the engine of Enketo and KoboToolbox's web
#    forms) must turn it into a web form with every question;
#  - curl, as ODK Collect would, sends a filled form with a photo, sends it again after a "lost
#    answer", and the server must file one report;
#  - the same for the demo's survey served on phones: a field team made for it lists only its
#    form, ODK Validate and Enketo take it, and a filled form sent twice is one response.
#   scripts/odk.sh        (TANDEM_BIN: default target/debug/tandem)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${TANDEM_BIN:-target/debug/tandem}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
db="sqlite://$work/odk.db"
"$bin" demo --addr "127.0.0.1:$port" --database-url "$db" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  if ! kill -0 $server 2>/dev/null; then cat "$work/server.log"; exit 1; fi
  sleep 0.5
done
base="http://127.0.0.1:$port"
token=$(curl -fs -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"admin@kwpn.example","password":"tandem-demo-2026"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
org=$(curl -fs "$base/api/v1/me" -H "Authorization: Bearer $token" | python3 -c 'import sys,json; print(json.load(sys.stdin)["org"]["id"])')
team=$(TANDEM_PUBLIC_URL="$base" "$bin" admin app-user --database-url "$db" --org "$org" --name "ODK check" | tail -n 1)
key="$base/openrosa/key/$team"

curl -fs "$key/formList" -o "$work/list.xml"
url=$(python3 -c 'import re,sys; print(re.search(r"<downloadUrl>([^<]+)</downloadUrl>", open(sys.argv[1]).read()).group(1))' "$work/list.xml")
case "$url" in "$key"/*) ;; *) echo "downloadUrl $url is not on the server's address" >&2; exit 1 ;; esac
curl -fs "$url" -o "$work/form.xml"

jar=$(python3 -c 'import os, pyxform; print(os.path.join(os.path.dirname(pyxform.__file__), "validators", "odk_validate", "bin", "ODK_Validate.jar"))')
echo "ODK Validate: $jar"
java -jar "$jar" "$work/form.xml" | tee "$work/validate.txt"
grep -q "Xform is valid" "$work/validate.txt"

echo "Enketo transformer"
node e2e/enketo.mjs "$work/form.xml"

# A filled form with a photo, as ODK Collect sends it, then the same again.
today=$(date -u +%F)
cat >"$work/sub.xml" <<XML
<?xml version="1.0"?><data id="tandem_report" version="x"><area>MR0101</area><category>displacement</category><severity>2</severity><occurred>$today</occurred><description>Families arriving at the school
about thirty people</description><contact/><photo>school.jpg</photo><meta><instanceID>uuid:odk-check-1</instanceID></meta></data>
XML
head -c 200000 /dev/urandom >"$work/school.jpg"
submit() {
  curl -s -o /dev/null -w '%{http_code}' -H 'X-OpenRosa-Version: 1.0' \
    -F "xml_submission_file=@$work/sub.xml;type=text/xml" -F "school.jpg=@$work/school.jpg;type=image/jpeg" "$key/submission"
}
first=$(submit); again=$(submit)
echo "submission: $first, re-sent: $again"
[ "$first" = 201 ] && [ "$again" = 202 ]
count=$(curl -fs "$base/api/v1/reports?limit=200" -H "Authorization: Bearer $token" |
  python3 -c 'import sys,json; print(sum(1 for r in json.load(sys.stdin)["reports"] if r["description"].startswith("Families arriving at the school")))')
[ "$count" = 1 ] || { echo "expected one report, found $count" >&2; exit 1; }

# The survey the demo serves on phones, through a field team made for it.
survey=$(curl -fs "$base/api/v1/surveys" -H "Authorization: Bearer $token" |
  python3 -c 'import sys,json; print(next(s["id"] for s in json.load(sys.stdin)["surveys"] if s["questionnaire"]))')
steam=$(TANDEM_PUBLIC_URL="$base" "$bin" admin app-user --database-url "$db" --org "$org" --name "Survey check" --survey "$survey" | tail -n 1)
skey="$base/openrosa/key/$steam"
curl -fs "$skey/formList" -o "$work/slist.xml"
[ "$(grep -o '<xform>' "$work/slist.xml" | wc -l)" = 1 ] || { echo "the survey team should list one form" >&2; cat "$work/slist.xml"; exit 1; }
grep -q "<formID>tandem_survey_$survey</formID>" "$work/slist.xml"
surl=$(python3 -c 'import re,sys; print(re.search(r"<downloadUrl>([^<]+)</downloadUrl>", open(sys.argv[1]).read()).group(1))' "$work/slist.xml")
curl -fs "$surl" -o "$work/survey.xml"
java -jar "$jar" "$work/survey.xml" | tee "$work/svalidate.txt"
grep -q "Xform is valid" "$work/svalidate.txt"
node e2e/enketo.mjs "$work/survey.xml"
cat >"$work/ssub.xml" <<XML
<?xml version="1.0"?><data id="tandem_survey_$survey" version="x"><district>kumba</district><village>Ndola</village><gender>female</gender><age_band>25_34</age_band><trust_police>yes</trust_police><feel_safe_at_night>no</feel_safe_at_night><weight>1</weight><meta><instanceID>uuid:odk-survey-1</instanceID></meta></data>
XML
ssubmit() {
  curl -s -o /dev/null -w '%{http_code}' -H 'X-OpenRosa-Version: 1.0' -F "xml_submission_file=@$work/ssub.xml;type=text/xml" "$skey/submission"
}
first=$(ssubmit); again=$(ssubmit)
echo "survey submission: $first, re-sent: $again"
[ "$first" = 201 ] && [ "$again" = 202 ]
n=$(curl -fs "$base/api/v1/surveys/$survey" -H "Authorization: Bearer $token" | python3 -c 'import sys,json; print(json.load(sys.stdin)["responses"])')
[ "$n" = 1 ] || { echo "expected one survey response, found $n" >&2; exit 1; }
echo "ODK: both forms are valid, Enketo renders them, a re-sent report filed one report and a re-sent survey form one response"
