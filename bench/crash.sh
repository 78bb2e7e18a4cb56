#!/usr/bin/env bash
# Crash safety, the long run: 20 rounds (TANDEM_CRASH_ROUNDS) of "send reports from several
# clients, SIGKILL the server at a random moment, restart, check every acknowledged report is
# stored, the SQLite file passes integrity_check and the audit chain verifies", on SQLite and on
# PostgreSQL. Prints each round's figures; bench/out/crash.log keeps them.
#   bench/crash.sh [ROUNDS]
# A SIGKILL loses the process, not the operating system's page cache: this proves Tandem
# acknowledges only committed transactions and recovers cleanly; it does not test power loss
# (the test PostgreSQL runs with fsync off).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-20}
TANDEM_TEST_POSTGRES_URL=${TANDEM_TEST_POSTGRES_URL:-$(scripts/postgres.sh)}
export TANDEM_TEST_POSTGRES_URL
mkdir -p bench/out
TANDEM_CRASH_ROUNDS=$rounds cargo nextest run --locked -p tandem-cli --test api \
  --no-capture -E 'test(acknowledged_reports_survive_sigkill)' 2>&1 | tee bench/out/crash.log
echo
grep -c 'crash round' bench/out/crash.log | sed 's/^/rounds run: /'
awk '/crash round/ { for (i = 1; i <= NF; i++) { if ($(i+1) == "acknowledged,") a += $i; if ($(i+1) == "missing,") m += $i } }
     END { printf "acknowledged in all: %d, missing: %d\n", a, m }' bench/out/crash.log
