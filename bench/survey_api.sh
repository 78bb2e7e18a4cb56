#!/usr/bin/env bash
# A perception survey end to end through the API, beside R's survey package on the same file:
# 100,000 Kobo-style responses (50 strata, 2,000 clusters) imported with POST
# /surveys/{id}/responses, then estimated overall and by gender; the server's peak memory from
# /proc. R reads the same file, builds the design and computes the same three estimates.
# Usage: bench/survey_api.sh [target/release/tandem]
set -euo pipefail
BIN=${1:-target/release/tandem}
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 - "$work/kobo.csv" <<'PY'
import random, sys
random.seed(1)
with open(sys.argv[1], "w") as f:
    f.write("_uuid;grp/stratum;grp/cluster;grp/gender;trust;weight\n")
    for i in range(100000):
        s = i % 50
        g = "female" if random.random() < 0.52 else "male"
        t = "yes" if random.random() < (0.4 if g == "female" else 0.55) else "no"
        f.write(f"u{i};{s};{s}-{(i // 50) % 40};{g};{t};{random.uniform(0.5, 3.0):.3f}\n")
PY
export TANDEM_DATABASE_URL="sqlite://$work/bench.db"
key="$work/k.key"
"$BIN" admin init-key --key-file "$key" >/dev/null
org=$("$BIN" admin create-org --name "Bench CSO" --kind civil_society --key-file "$key" | tail -1)
printf 'a long bench passphrase\n' | "$BIN" admin create-user --org "$org" --email b@bench.example --role coordinator --key-file "$key" >/dev/null
"$BIN" serve --addr 127.0.0.1:18090 --key-file "$key" >"$work/serve.log" 2>&1 &
pid=$!
sleep 3
api=http://127.0.0.1:18090/api/v1
tok=$(curl -s -X POST $api/auth/login -H 'content-type: application/json' \
  -d '{"email":"b@bench.example","password":"a long bench passphrase"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])')
sid=$(curl -s -X POST $api/surveys -H "authorization: Bearer $tok" -H 'content-type: application/json' \
  -d '{"title":"Bench survey","weight":"weight","strata":"stratum","cluster":"cluster"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
/usr/bin/time -f "tandem import: %e s" curl -s -o /dev/null -X POST "$api/surveys/$sid/responses" \
  -H "authorization: Bearer $tok" -H 'content-type: text/csv' --data-binary "@$work/kobo.csv"
/usr/bin/time -f "tandem estimate (all, by gender): %e s" curl -s -o /dev/null \
  "$api/surveys/$sid/estimates?question=trust&value=yes&by=gender" -H "authorization: Bearer $tok"
grep VmHWM "/proc/$pid/status" | sed 's/^/tandem server peak memory: /'
cat >"$work/r.R" <<RS
suppressMessages(library(survey))
t0 <- Sys.time()
d <- read.csv2("$work/kobo.csv", check.names = FALSE, colClasses = "character", dec = ".")
d\$w <- as.numeric(d\$weight); d\$s <- d[["grp/stratum"]]; d\$c <- d[["grp/cluster"]]
d\$g <- d[["grp/gender"]]; d\$y <- as.numeric(d\$trust == "yes")
des <- svydesign(ids = ~c, strata = ~s, weights = ~w, nest = TRUE, data = d)
for (x in list(des, subset(des, g == "female"), subset(des, g == "male"))) svyciprop(~I(y == 1), x)
cat("R read, design and three estimates:", format(as.numeric(Sys.time() - t0, units = "secs")), "s\n")
RS
/usr/bin/time -f "R peak memory: %M kB" Rscript "$work/r.R"
