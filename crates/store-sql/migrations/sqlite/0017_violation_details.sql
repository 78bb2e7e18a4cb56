-- The rest of the Events Standard Formats' act (issue 14): what kind of group the victims were,
-- how they were when the act ended, how the act was carried out, and how far the institution
-- was involved (its agents did it, it ordered it, it helped, or it failed to protect).
ALTER TABLE violations ADD COLUMN victims_group TEXT NOT NULL DEFAULT 'individuals'
    CHECK (victims_group IN ('individuals','family','community','organisation'));
ALTER TABLE violations ADD COLUMN victims_status TEXT
    CHECK (victims_status IN ('released','still_detained','injured','killed','missing','displaced','unharmed'));
ALTER TABLE violations ADD COLUMN method TEXT;
ALTER TABLE violations ADD COLUMN involvement TEXT NOT NULL DEFAULT 'perpetrator'
    CHECK (involvement IN ('perpetrator','ordered','complicit','failed_to_protect'));

-- Links from a violation to what is behind it or goes with it, in the same organisation: another
-- violation (the same event, or what followed), an early-warning report, an alert. A link is
-- one-way as stored and read both ways.
CREATE TABLE violation_links (
    org_id       TEXT NOT NULL REFERENCES orgs(id),
    violation_id TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('violation','report','alert')),
    target_id    TEXT NOT NULL,
    linked_by    TEXT,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (org_id, violation_id, kind, target_id),
    FOREIGN KEY (org_id, violation_id) REFERENCES violations(org_id, id)
);
CREATE INDEX violation_links_target ON violation_links(org_id, kind, target_id);
