-- Whether an alert was raised by imported event data alone (none of the organisation's own
-- reports among those observed): such alerts are listed apart from those of its own reports.
ALTER TABLE alerts ADD COLUMN from_event_data INTEGER NOT NULL DEFAULT 0;
-- The full run reconciles one category at a time: it reads that category's stored alerts.
CREATE INDEX alerts_org_category ON alerts(org_id, category, week);
