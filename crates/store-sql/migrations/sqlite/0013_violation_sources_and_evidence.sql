-- What identifies people in a violation (issue 14), sealed like reporter contacts: the victims'
-- names (kept only with their consent) and who the source is. The source's kind, how it knows and
-- how reliable it has been stay readable: they are what a verifier weighs.
ALTER TABLE violations ADD COLUMN victim_names TEXT;
ALTER TABLE violations ADD COLUMN victim_names_key TEXT;
ALTER TABLE violations ADD COLUMN source_kind TEXT;
ALTER TABLE violations ADD COLUMN source_knowledge TEXT;
ALTER TABLE violations ADD COLUMN source_reliability TEXT;
ALTER TABLE violations ADD COLUMN source_identity TEXT;
ALTER TABLE violations ADD COLUMN source_identity_key TEXT;

-- Evidence files: the bytes live in the storage folder as age files (encrypted to the
-- organisation's evidence identity, derived from key `key_id`); this row is their custody record.
-- No file name is kept: a name often says who is in the picture.
CREATE TABLE violation_evidence (
    org_id        TEXT NOT NULL REFERENCES orgs(id),
    id            TEXT NOT NULL,
    violation_id  TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('photo','document','audio','video')),
    content_type  TEXT NOT NULL,
    ext           TEXT NOT NULL,
    size          INTEGER NOT NULL,
    sha256        TEXT NOT NULL,
    key_id        TEXT NOT NULL,
    uploaded_by   TEXT,
    uploaded_at   TEXT NOT NULL,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, violation_id) REFERENCES violations(org_id, id)
);
CREATE INDEX violation_evidence_by_violation ON violation_evidence(org_id, violation_id, uploaded_at);
CREATE INDEX audit_events_subject ON audit_events(org_id, subject);
