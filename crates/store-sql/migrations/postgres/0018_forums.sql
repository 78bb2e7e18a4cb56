-- The coordination wheel (issue 15), first part: forums, the standing dialogue mechanisms, with
-- their member organisations; meetings, whose attendance is aggregate counts by organisation
-- kind, gender and age band (no participant lists are kept); commitments agreed in them, owned by
-- one member organisation and confirmed done by another.
CREATE TABLE forums (
    id           TEXT PRIMARY KEY,
    convener_org TEXT NOT NULL REFERENCES orgs(id),
    name         TEXT NOT NULL,
    area_code    TEXT NOT NULL REFERENCES areas(code),
    kind         TEXT NOT NULL,
    cadence      TEXT NOT NULL,
    terms        TEXT,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE TABLE forum_members (
    forum_id  TEXT NOT NULL REFERENCES forums(id),
    org_id    TEXT NOT NULL REFERENCES orgs(id),
    joined_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (forum_id, org_id)
);
CREATE INDEX forum_members_by_org ON forum_members (org_id);
CREATE TABLE forum_meetings (
    id           TEXT PRIMARY KEY,
    forum_id     TEXT NOT NULL REFERENCES forums(id),
    held_on      TEXT NOT NULL,
    agenda       TEXT,
    minutes      TEXT,
    recorded_org TEXT NOT NULL REFERENCES orgs(id),
    recorded_by  TEXT NOT NULL REFERENCES users(id),
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX forum_meetings_by_forum ON forum_meetings (forum_id, held_on);
CREATE TABLE meeting_participants (
    meeting_id TEXT NOT NULL REFERENCES forum_meetings(id),
    org_kind   TEXT NOT NULL,
    gender     TEXT NOT NULL,
    age_band   TEXT NOT NULL,
    count      INTEGER NOT NULL CHECK (count >= 1),
    PRIMARY KEY (meeting_id, org_kind, gender, age_band)
);
CREATE TABLE commitments (
    id               TEXT PRIMARY KEY,
    forum_id         TEXT NOT NULL REFERENCES forums(id),
    meeting_id       TEXT REFERENCES forum_meetings(id),
    owner_org        TEXT NOT NULL REFERENCES orgs(id),
    text             TEXT NOT NULL,
    due_on           TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_progress','done','dropped')),
    evidence         TEXT,
    status_by        TEXT REFERENCES users(id),
    status_at        TIMESTAMPTZ,
    done_on          TEXT,
    confirmed_org    TEXT REFERENCES orgs(id),
    confirmed_by     TEXT REFERENCES users(id),
    confirmed_at     TIMESTAMPTZ,
    created_org      TEXT NOT NULL REFERENCES orgs(id),
    created_by       TEXT NOT NULL REFERENCES users(id),
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX commitments_by_forum ON commitments (forum_id, due_on);
CREATE INDEX commitments_by_owner ON commitments (owner_org, due_on);
