-- reports(org_id, week) is the prefix of reports_org_week_cat, which serves every query it
-- served: one index fewer to keep up with every report written (a million-row import pays for
-- each).
DROP INDEX reports_org_week;
