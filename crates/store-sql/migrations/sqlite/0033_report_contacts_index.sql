-- reports(org_id, created_at) served one query, the purge of contacts older than the retention
-- period, which reads only reports that still hold a contact. Indexing just those serves it as
-- well and keeps a million imported events (which have no contact) out of the index.
DROP INDEX reports_org_created;
CREATE INDEX reports_org_contacts ON reports(org_id, created_at) WHERE reporter_contact IS NOT NULL;
