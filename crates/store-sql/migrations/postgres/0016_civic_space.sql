-- Civic space (issue 14). A threat or attack against a human-rights defender or CSO staff names
-- the organisation targeted. Each organisation's protection protocol review: when it was last
-- reviewed and when next; the protocol itself is never kept here.
ALTER TABLE violations ADD COLUMN targeted_org TEXT;
CREATE TABLE protocol_reviews (
    org_id         TEXT PRIMARY KEY REFERENCES orgs(id),
    reviewed_on    TEXT NOT NULL,
    next_review_on TEXT NOT NULL,
    reviewed_by    TEXT NOT NULL REFERENCES users(id),
    updated_at     TIMESTAMPTZ NOT NULL
);
