#!/usr/bin/env python3
"""Validates an HXL CSV file with the reference library (libhxl): the hashtag row must parse, and
the export's key columns must hold what they promise. Exits non-zero, printing each problem,
when the file does not pass. Used by the integration tests of the prevention index and of the
observatory's violation export.

    python3 scripts/hxl_check.py export.csv [index|violations]
"""
import sys

import hxl

HEAD = ["#valid_tag", "#valid_required", "#valid_datatype", "#valid_value+min", "#valid_value+max", "#valid_value+regex"]
SCHEMAS = {
    "index": [
        HEAD,
        ["#country+code", "true", "", "", "", "^[A-Z]{3}$"],
        ["#country+name", "true", "", "", "", ""],
        ["#indicator+score", "", "number", "0", "100", ""],
        ["#indicator+rank", "", "number", "1", "", ""],
        ["#meta+edition", "true", "", "", "", "^[0-9]{4}H[12]$"],
    ],
    "violations": [
        HEAD,
        ["#event+id", "true", "", "", "", ""],
        ["#date+occurred", "true", "date", "", "", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"],
        ["#loc+code", "true", "", "", "", ""],
        ["#event+type+code", "true", "", "", "", "^[a-z][a-z0-9_]+$"],
        ["#org+perpetrator+name", "true", "", "", "", ""],
        ["#affected+total", "true", "number", "1", "", ""],
        ["#meta+date_precision", "true", "", "", "", "^(exact|month|year|unknown)$"],
        ["#status", "true", "", "", "", "^(documented|verified|referred|responded|remedied|closed)$"],
    ],
}


def main(path, kind="index"):
    problems = []
    schema = hxl.schema(SCHEMAS[kind], callback=problems.append)
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
    sys.exit(main(*sys.argv[1:3]))
