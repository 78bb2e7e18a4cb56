#!/usr/bin/env python3
"""The same counting and EARS C1/C2/C3 as Tandem's alert engine, in DuckDB SQL, over an
ACLED-style CSV, per admin2 area and category (no roll-up): the area is the admin2 P-code when the
file has that column, else the admin2 name (the admin1's when empty). Prints seconds and the
alarm counts.
Usage: bench/duckdb_ears.py FILE.csv"""
import csv, sys, time
import duckdb

# Weekly counts `counts (area, category, week, n)` to each week's C1, C2 and C3 in `c3`: one grid
# from the earliest week, each series dense up to its last week, as Tandem's engine counts.
# bench/duckdb_national.py runs the same over counts rolled up the area hierarchy.
EARS = """
w0 AS (SELECT min(week) AS w0 FROM counts),
series AS (SELECT area, category, max(week) AS wmax FROM counts GROUP BY ALL),
grid AS (SELECT s.area, s.category, g.week FROM series s, w0, generate_series(w0.w0, s.wmax) AS g(week)),
dense AS (
  SELECT g.area, g.category, g.week, coalesce(c.n, 0) AS n, g.week - (SELECT w0 FROM w0) AS t
  FROM grid g LEFT JOIN counts c USING (area, category, week)
),
stats AS (
  SELECT *, avg(n) OVER w1 AS m1, stddev_samp(n) OVER w1 AS s1, avg(n) OVER w2 AS m2, stddev_samp(n) OVER w2 AS s2
  FROM dense
  WINDOW w1 AS (PARTITION BY area, category ORDER BY week ROWS BETWEEN 7 PRECEDING AND 1 PRECEDING),
         w2 AS (PARTITION BY area, category ORDER BY week ROWS BETWEEN 9 PRECEDING AND 3 PRECEDING)
),
c AS (
  SELECT *, CASE WHEN t >= 7 THEN (n - m1) / greatest(s1, 0.2) END AS c1,
            CASE WHEN t >= 9 THEN (n - m2) / greatest(s2, 0.2) END AS c2
  FROM stats
),
c3 AS (
  SELECT *, CASE WHEN t >= 11 THEN greatest(c2 - 1, 0) + greatest(lag(c2, 1) OVER p - 1, 0) + greatest(lag(c2, 2) OVER p - 1, 0) END AS c3
  FROM c WINDOW p AS (PARTITION BY area, category ORDER BY week)
)
"""

SQL = """
WITH ev AS (
  SELECT CASE event_type WHEN 'Battles' THEN 'intercommunal_tension' WHEN 'Riots' THEN 'intercommunal_tension'
           WHEN 'Violence against civilians' THEN 'repression' WHEN 'Explosions/Remote violence' THEN 'crime'
           WHEN 'Protests' THEN 'service_grievance' END AS category,
         {area} AS area,
         date_diff('day', DATE '1970-01-05', CAST(event_date AS DATE)) // 7 AS week
  FROM read_csv('{file}', header = true, all_varchar = true)
  WHERE event_type <> 'Strategic developments'
),
counts AS (SELECT area, category, week, count(*) AS n FROM ev GROUP BY ALL),
""" + EARS + """SELECT count(*) FILTER (WHERE c1 > 3 AND n >= 2), count(*) FILTER (WHERE c2 > 3 AND n >= 2),
       count(*) FILTER (WHERE c3 > 2 AND n >= 2), count(*) FILTER (WHERE n > 0)
FROM c3
"""


def main():
    with open(sys.argv[1], newline="") as f:
        header = next(csv.reader(f))
    area = "coalesce(nullif(admin2_pcode, ''), admin1_pcode)" if "admin2_pcode" in header else "coalesce(nullif(admin2, ''), admin1)"
    t = time.perf_counter()
    con = duckdb.connect()
    c1, c2, c3, cells = con.execute(SQL.format(file=sys.argv[1], area=area)).fetchone()
    print(f"duckdb seconds {time.perf_counter() - t:.3f} cells {cells} c1 {c1} c2 {c2} c3 {c3}")


if __name__ == "__main__":
    main()
