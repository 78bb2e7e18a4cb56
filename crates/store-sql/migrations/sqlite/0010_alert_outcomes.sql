-- Alerts have a life after they open: acknowledged by a coordinator, then closed with an outcome.
-- A closed alert stays closed when later reports change its figures (see plan_reconcile).
ALTER TABLE alerts ADD COLUMN acknowledged_at TEXT;
ALTER TABLE alerts ADD COLUMN acknowledged_by TEXT;
ALTER TABLE alerts ADD COLUMN closed_at TEXT;
ALTER TABLE alerts ADD COLUMN closed_by TEXT;
ALTER TABLE alerts ADD COLUMN outcome TEXT CHECK (outcome IS NULL OR outcome IN ('resolved','false_alarm','no_longer_relevant'));
