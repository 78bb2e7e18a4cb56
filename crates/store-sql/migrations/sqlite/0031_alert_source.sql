-- Whether an alert was raised by imported event data alone (none of the organisation's own
-- reports among those observed): such alerts are listed apart from those of its own reports.
ALTER TABLE alerts ADD COLUMN from_event_data INTEGER NOT NULL DEFAULT 0;
