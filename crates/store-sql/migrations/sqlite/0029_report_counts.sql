-- Counting (not dismissed) reports per organisation, category, week, area, channel and whether
-- verified: kept by the store with every insert, status change and erasure, in the same
-- transaction, so the alert engine reads counts and never the reports themselves. A row may
-- fall to zero; readers skip those.
CREATE TABLE report_counts (
    org_id    TEXT NOT NULL,
    category  TEXT NOT NULL,
    week      INTEGER NOT NULL,
    area_code TEXT NOT NULL,
    channel   TEXT NOT NULL,
    verified  INTEGER NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (org_id, category, week, area_code, channel, verified)
) WITHOUT ROWID;
INSERT INTO report_counts (org_id, category, week, area_code, channel, verified, n)
SELECT org_id, category, week, area_code, channel, CASE WHEN verified_at IS NOT NULL THEN 1 ELSE 0 END, COUNT(*)
FROM reports WHERE status <> 'dismissed'
GROUP BY org_id, category, week, area_code, channel, CASE WHEN verified_at IS NOT NULL THEN 1 ELSE 0 END;
-- The threshold rule reads only the reports at or above a severity.
CREATE INDEX reports_org_severity ON reports(org_id, severity, week);
