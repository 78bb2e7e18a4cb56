-- The referral directory (issue 17): services that need no police, public. Areas and languages
-- are JSON arrays of text; an area's listing serves every area within it.
CREATE TABLE services (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES orgs(id),
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    description TEXT NOT NULL,
    areas       TEXT NOT NULL,
    languages   TEXT NOT NULL,
    eligibility TEXT NOT NULL,
    contact     TEXT NOT NULL,
    hours       TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX services_by_kind ON services (kind, name);
