#!/usr/bin/env bash
# Fails if any file git tracks looks like a key: a file named tandem.key (or *.key outside the
# fuzz seeds), a Tandem key line whose key is not a plain test value, or a PEM private key.
# Encryption keys belong beside the database, never in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

bad=0
while IFS= read -r f; do
  case "$f" in
    fuzz/seeds/*) ;;
    *.key|*/tandem.key|tandem.key)
      echo "tracked key file: $f" >&2; bad=1 ;;
  esac
done < <(git ls-files)

# A key line's 64 hex digits are a test value only when they count up from 00 or repeat one byte.
is_test_key() {
  local hex=$1 counting="" i
  for i in $(seq 0 31); do counting+=$(printf '%02d' "$i"); done
  [ "$hex" = "$counting" ] && return 0
  [[ "$hex" =~ ^(([0-9a-f]{2}))\2{31}$ ]] && return 0
  return 1
}
while IFS=: read -r f line hex; do
  if ! is_test_key "$hex"; then
    echo "tracked key material: $f line $line" >&2; bad=1
  fi
done < <(git grep -nIoE 'tandem-key-v1 [^ ]+ [0-9a-fA-F]{64}' -- . | sed -E 's/^([^:]+):([0-9]+):tandem-key-v1 [^ ]+ /\1:\2:/')

if git grep -nIlE -- '-----BEGIN ([A-Z]+ )?PRIVATE KEY-----' -- . >/dev/null; then
  git grep -nIlE -- '-----BEGIN ([A-Z]+ )?PRIVATE KEY-----' -- . | sed 's/^/tracked private key: /' >&2
  bad=1
fi

if [ "$bad" -ne 0 ]; then
  echo "remove key material from the repository (and rotate any key that was committed)" >&2
  exit 1
fi
echo "no key material in tracked files"
