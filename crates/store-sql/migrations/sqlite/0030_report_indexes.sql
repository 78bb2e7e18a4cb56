-- reports(org_id, week) is the prefix of reports_org_week_cat, which serves every query it
-- served: one index fewer to keep up with every report written (a million-row import pays for
-- each).
DROP INDEX reports_org_week;
-- The threshold rule reads one category's severe reports at a time (the full run goes category
-- by category): the category first, then the severity range.
DROP INDEX reports_org_severity;
CREATE INDEX reports_org_cat_severity ON reports(org_id, category, severity, week);
