#!/usr/bin/env python3
"""The national-scale test data: 50 countries of 10 regions (admin1) of 10 districts (admin2),
5,000 districts in all, as three GeoJSON files, and an ACLED-style CSV of N events (default
1,000,000) over three years, matched by P-code. District names repeat across countries
("District 8-0"), so only the P-code tells them apart, as in real multi-country files.
Seeded: every run writes the same files.
Usage: bench/gen_national.py OUTDIR [N]
Writes OUTDIR/countries.geojson, OUTDIR/admin1.geojson, OUTDIR/admin2.geojson, OUTDIR/events.csv"""
import csv, datetime, json, os, random, sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
os.makedirs(out, exist_ok=True)
rng = random.Random(2026)
COUNTRIES, REGIONS, DISTRICTS = 50, 10, 10


def square(x, y, w, h):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]]}


def write(name, features):
    with open(os.path.join(out, name), "w") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f)


countries, admin1, admin2 = [], [], []
districts = []  # (country name, region name, district name, region code, district code)
for c in range(COUNTRIES):
    cx, cy = -20 + (c % 10) * 5.0, -10 + (c // 10) * 5.0
    ccode, cname = f"X{c:02d}", f"Country {c}"
    countries.append({"type": "Feature", "properties": {"code": ccode, "name": cname}, "geometry": square(cx, cy, 5, 5)})
    for r in range(REGIONS):
        rcode, rname = f"{ccode}R{r}", f"Region {r}"
        rx = cx + r * 0.5
        admin1.append({"type": "Feature", "properties": {"code": rcode, "name": rname, "parent": ccode},
                       "geometry": square(rx, cy, 0.5, 5)})
        for d in range(DISTRICTS):
            dcode, dname = f"{rcode}D{d}", f"District {r}-{d}"
            admin2.append({"type": "Feature", "properties": {"code": dcode, "name": dname, "parent": rcode},
                           "geometry": square(rx, cy + d * 0.5, 0.5, 0.5)})
            districts.append((cname, rname, dname, rcode, dcode))
write("countries.geojson", countries)
write("admin1.geojson", admin1)
write("admin2.geojson", admin2)

types = ["Battles", "Riots", "Violence against civilians", "Explosions/Remote violence", "Protests", "Strategic developments"]
weights = [10, 15, 20, 5, 45, 5]
start = datetime.date(2023, 11, 20)
days = 3 * 364
dates = [(start + datetime.timedelta(days=d)).isoformat() for d in range(days)]
# Flare-ups: (district, event type, first day, length in days)
flares = [(rng.randrange(len(districts)), rng.choice(types[:5]), rng.randrange(days - 60), rng.randrange(14, 45))
          for _ in range(2000)]
with open(os.path.join(out, "events.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["event_id_cnty", "event_date", "event_type", "sub_event_type", "country", "admin1", "admin1_pcode",
                "admin2", "admin2_pcode", "fatalities", "notes"])
    for i in range(n):
        if rng.random() < 0.08:
            p, t, d0, length = rng.choice(flares)
            day = d0 + rng.randrange(length)
        else:
            p, t, day = rng.randrange(len(districts)), rng.choices(types, weights)[0], rng.randrange(days)
        country, region, district, rcode, dcode = districts[p]
        fat = 0 if rng.random() < 0.8 else rng.randrange(1, 15)
        w.writerow([f"EV{i}", dates[day], t, "", country, region, rcode, district, dcode, fat, f"event {i}"])
