#!/usr/bin/env python3
"""Validates an HXL CSV file with the reference library (libhxl): the hashtag row must parse, and
the index export's key columns must hold what they promise. Exits non-zero, printing each
problem, when the file does not pass. Used by the integration tests of the prevention index.

    python3 scripts/hxl_check.py export.csv
"""
import sys

import hxl

SCHEMA = [
    ["#valid_tag", "#valid_required", "#valid_datatype", "#valid_value+min", "#valid_value+max", "#valid_value+regex"],
    ["#country+code", "true", "", "", "", "^[A-Z]{3}$"],
    ["#country+name", "true", "", "", "", ""],
    ["#indicator+score", "", "number", "0", "100", ""],
    ["#indicator+rank", "", "number", "1", "", ""],
    ["#meta+edition", "true", "", "", "", "^[0-9]{4}H[12]$"],
]


def main(path):
    problems = []
    schema = hxl.schema(SCHEMA, callback=problems.append)
    data = hxl.data(path, hxl.InputOptions(allow_local=True))
    tags = [c.display_tag for c in data.columns]
    if not tags or not all(t.startswith("#") for t in tags):
        print("the second row is not a full row of HXL hashtags:", tags)
        return 1
    ok = schema.validate(data)
    rows = sum(1 for _ in hxl.data(path, hxl.InputOptions(allow_local=True)))
    for p in problems:
        print(p)
    print(f"{rows} rows, {len(tags)} columns, {len(problems)} problems")
    return 0 if ok and not problems and rows > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
