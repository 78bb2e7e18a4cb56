-- Whether an alert was raised by imported event data alone (none of the organisation's own
-- reports among those observed): such alerts are listed apart from those of its own reports.
ALTER TABLE alerts ADD COLUMN from_event_data INTEGER NOT NULL DEFAULT 0;
-- The full run reconciles one category at a time: it reads that category's stored alerts.
CREATE INDEX alerts_org_category ON alerts(org_id, category, week);
-- Alerts of an organisation none of whose reports and violations is its own were raised by
-- imported event data alone. (Those of organisations with both are marked by the next run of
-- the engine over them: `tandem alerts run` after upgrading, docs/operations.md.)
UPDATE alerts SET from_event_data = 1
WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.org_id = alerts.org_id AND r.channel <> 'event_data')
  AND NOT EXISTS (SELECT 1 FROM violations v WHERE v.org_id = alerts.org_id AND v.signal_week IS NOT NULL)
  AND EXISTS (SELECT 1 FROM reports r WHERE r.org_id = alerts.org_id);
