-- The dashboard and the alerts page list one organisation's open alerts of one source, newest
-- week first: after a national import, 300,000 alerts of event data stand before the first of
-- its own reports' in the week order, and without this index each list walked them all.
CREATE INDEX alerts_org_status_source ON alerts(org_id, status, from_event_data, week);
