-- Indexes for a million reports: the dashboard's weekly series read only the index (covering),
-- and the report list walks the newest reports first instead of sorting them all.
CREATE INDEX reports_org_week_cat ON reports(org_id, week, category, status);
CREATE INDEX reports_org_occurred ON reports(org_id, occurred_at);
