#!/usr/bin/env bash
# The IATI 2.03 activity schema, for the funding register's tests: taken from PyPI's pyIATI
# (which ships the standard's XSD files) into target/iati/2-03/, and xmllint (Debian's
# libxml2-utils) to validate against it. Prints the schema's path.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=target/iati/2-03
if [ ! -f "$dest/iati-activities-schema.xsd" ]; then
  tmp=$(mktemp -d)
  python3 -m pip download --quiet --no-deps --no-binary :all: pyIATI==0.4.1 -d "$tmp" >&2
  tar -xzf "$tmp"/pyIATI-0.4.1.tar.gz -C "$tmp" pyIATI-0.4.1/iati/resources/standard/2-03/schemas
  mkdir -p "$dest"
  cp "$tmp"/pyIATI-0.4.1/iati/resources/standard/2-03/schemas/*.xsd "$dest/"
  rm -rf "$tmp"
fi
echo "$PWD/$dest/iati-activities-schema.xsd"
