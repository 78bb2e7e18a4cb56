#!/usr/bin/env python3
"""DuckDB beside `tandem import events` on the national file (bench/national.sh): loads the CSV
into a persistent table in a database file, then computes the alarms Tandem's engine raises on
the same events: threshold alerts (a district-week with a report of severity 4, i.e. 10 or more
fatalities) and EARS C1/C2/C3 on weekly counts rolled up district → region → country, one grid
from the earliest week. Prints seconds for each step and the alarm counts by method.
Usage: bench/duckdb_national.py DIR   (DIR from bench/gen_national.py; writes DIR/duck.db)"""
import json, os, sys, time
import duckdb

from duckdb_ears import EARS

d = sys.argv[1]
db = os.path.join(d, "duck.db")
for f in (db, db + ".wal"):
    if os.path.exists(f):
        os.remove(f)
t0 = time.perf_counter()
con = duckdb.connect(db)
# The regions' countries, from the same GeoJSON Tandem imports.
with open(os.path.join(d, "admin1.geojson")) as f:
    regions = [(x["properties"]["code"], x["properties"]["parent"]) for x in json.load(f)["features"]]
con.execute("CREATE TABLE regions (code VARCHAR PRIMARY KEY, country VARCHAR)")
con.executemany("INSERT INTO regions VALUES (?, ?)", regions)
con.execute(f"""CREATE TABLE events AS SELECT * FROM read_csv('{os.path.join(d, "events.csv")}', header = true,
  columns = {{'event_id_cnty': 'VARCHAR', 'event_date': 'DATE', 'event_type': 'VARCHAR', 'sub_event_type': 'VARCHAR',
             'country': 'VARCHAR', 'admin1': 'VARCHAR', 'admin1_pcode': 'VARCHAR', 'admin2': 'VARCHAR',
             'admin2_pcode': 'VARCHAR', 'fatalities': 'INTEGER', 'notes': 'VARCHAR'}})""")
con.execute("CHECKPOINT")
t1 = time.perf_counter()

SQL = """
WITH ev AS (
  SELECT CASE event_type WHEN 'Battles' THEN 'intercommunal_tension' WHEN 'Riots' THEN 'intercommunal_tension'
           WHEN 'Violence against civilians' THEN 'repression' WHEN 'Explosions/Remote violence' THEN 'crime'
           WHEN 'Protests' THEN 'service_grievance' END AS category,
         admin2_pcode AS a2, admin1_pcode AS a1, r.country AS a0, fatalities,
         date_diff('day', DATE '1970-01-05', event_date) // 7 AS week
  FROM events JOIN regions r ON r.code = admin1_pcode
  WHERE event_type <> 'Strategic developments'
),
threshold AS (SELECT count(DISTINCT (a2, category, week)) AS n FROM ev WHERE fatalities >= 10),
counts AS (
  SELECT area, category, week, count(*) AS n FROM (
    SELECT a2 AS area, category, week FROM ev UNION ALL
    SELECT a1, category, week FROM ev UNION ALL
    SELECT a0, category, week FROM ev)
  GROUP BY ALL
),
""" + EARS + """SELECT (SELECT n FROM threshold), count(*) FILTER (WHERE c1 > 3 AND n >= 2), count(*) FILTER (WHERE c2 > 3 AND n >= 2),
       count(*) FILTER (WHERE c3 > 2 AND n >= 2), (SELECT count(*) FROM events)
FROM c3
"""
th, c1, c2, c3, rows = con.execute(SQL).fetchone()
t2 = time.perf_counter()
print(f"duckdb load {t1 - t0:.3f} s, alarms {t2 - t1:.3f} s, total {t2 - t0:.3f} s; rows {rows}; "
      f"threshold {th} c1 {c1} c2 {c2} c3 {c3}")
