-- The registry (issue 17): each organisation's profile and Better Peace self-assessment, the
-- endorsements organisations give one another, and the funding register. Lists are JSON arrays
-- of text; days are ISO dates as text, as in the forums' tables.
CREATE TABLE org_profiles (
    org_id         TEXT PRIMARY KEY REFERENCES orgs(id),
    mission        TEXT NOT NULL,
    areas          TEXT NOT NULL,
    activities     TEXT NOT NULL,
    constituencies TEXT NOT NULL,
    languages      TEXT NOT NULL,
    contact        TEXT NOT NULL,
    visibility     TEXT NOT NULL CHECK (visibility IN ('public', 'members', 'hidden')),
    assessment     TEXT NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE TABLE endorsements (
    id           TEXT PRIMARY KEY,
    endorser_org TEXT NOT NULL REFERENCES orgs(id),
    endorsed_org TEXT NOT NULL REFERENCES orgs(id),
    note         TEXT NOT NULL,
    given_by     TEXT NOT NULL REFERENCES users(id),
    given_at     TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ
);
-- One standing endorsement per pair; a revoked one stays as history.
CREATE UNIQUE INDEX endorsements_standing ON endorsements (endorser_org, endorsed_org) WHERE revoked_at IS NULL;
CREATE INDEX endorsements_of ON endorsements (endorsed_org);
CREATE TABLE grants (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES orgs(id),
    funder        TEXT NOT NULL,
    recipient     TEXT NOT NULL,
    recipient_org TEXT REFERENCES orgs(id),
    title         TEXT NOT NULL,
    band          TEXT NOT NULL,
    start_on      TEXT NOT NULL,
    end_on        TEXT NOT NULL,
    areas         TEXT NOT NULL,
    activities    TEXT NOT NULL,
    iati_id       TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
-- An IATI activity imported again replaces the organisation's earlier copy.
CREATE UNIQUE INDEX grants_by_iati ON grants (org_id, iati_id) WHERE iati_id <> '';
