#!/usr/bin/env python3
"""Writes an ACLED-style CSV of N events (default 1,000,000) over the demo country's districts,
three years of weeks, with a steady background and random flare-ups, seeded so every run writes
the same file. Usage: bench/gen_acled.py OUT.csv [N]"""
import csv, datetime, random, sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = random.Random(2026)
districts = [
    ("Lakeside", ["Kumba", "Port Amsel", "Mbala"]), ("Highlands", ["Tessin Hills", "Oku", "Bamenka"]),
    ("Coast", ["Limani", "Sandbar", "Ekona"]), ("Savannah", ["Nguri", "Dabo", "Red Plains"]),
]
places = [(a1, a2) for a1, a2s in districts for a2 in a2s]
types = ["Battles", "Riots", "Violence against civilians", "Explosions/Remote violence", "Protests", "Strategic developments"]
weights = [10, 15, 20, 5, 45, 5]
start = datetime.date(2023, 11, 20)
days = 3 * 364
# Flare-ups: (place index, event type, first day, length in days, extra weight)
flares = [(rng.randrange(len(places)), rng.choice(types[:5]), rng.randrange(days - 60), rng.randrange(14, 45)) for _ in range(40)]
with open(out, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["event_id_cnty", "event_date", "event_type", "sub_event_type", "country", "admin1", "admin2", "fatalities", "notes"])
    for i in range(n):
        if rng.random() < 0.08:
            p, t, d0, length = rng.choice(flares)
            day = d0 + rng.randrange(length)
        else:
            p, t, day = rng.randrange(len(places)), rng.choices(types, weights)[0], rng.randrange(days)
        a1, a2 = places[p]
        fat = 0 if rng.random() < 0.8 else rng.randrange(1, 15)
        w.writerow([f"MRN{i}", (start + datetime.timedelta(days=day)).isoformat(), t, "", "Marenia", a1, a2, fat, f"event {i}"])
