-- The coordination wheel (issue 15): joint assessments and joint plans recorded in a forum, and
-- each civil-society organisation's periodic self-assessment of its five operating conditions.
-- The organisations that took part in an assessment and the commitments a plan links are lists
-- of ids kept as JSON: read and written whole with their record.
CREATE TABLE forum_assessments (
    id            TEXT PRIMARY KEY,
    forum_id      TEXT NOT NULL REFERENCES forums(id),
    title         TEXT NOT NULL,
    held_on       TEXT NOT NULL,
    drivers       TEXT NOT NULL,
    actors        TEXT,
    risks         TEXT,
    police_ethos  TEXT,
    police_conduct TEXT,
    baseline      TEXT,
    cso_role      TEXT,
    context       TEXT,
    took_part     TEXT NOT NULL,
    recorded_org  TEXT NOT NULL REFERENCES orgs(id),
    recorded_by   TEXT NOT NULL REFERENCES users(id),
    created_at    TEXT NOT NULL
);
CREATE INDEX forum_assessments_by_forum ON forum_assessments (forum_id, held_on);

CREATE TABLE forum_plans (
    id               TEXT PRIMARY KEY,
    forum_id         TEXT NOT NULL REFERENCES forums(id),
    title            TEXT NOT NULL,
    adopted_on       TEXT NOT NULL,
    goals            TEXT NOT NULL,
    theory_of_change TEXT NOT NULL,
    commitments      TEXT NOT NULL,
    recorded_org     TEXT NOT NULL REFERENCES orgs(id),
    recorded_by      TEXT NOT NULL REFERENCES users(id),
    created_at       TEXT NOT NULL
);
CREATE INDEX forum_plans_by_forum ON forum_plans (forum_id, adopted_on);

-- One row per self-assessment: the wheel reads each organisation's latest in the window.
CREATE TABLE cso_conditions (
    id           TEXT PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES orgs(id),
    assessed_on  TEXT NOT NULL,
    empowered    INTEGER NOT NULL,
    independent  INTEGER NOT NULL,
    distinct_    INTEGER NOT NULL,
    accepted     INTEGER NOT NULL,
    free         INTEGER NOT NULL,
    note         TEXT,
    recorded_by  TEXT NOT NULL REFERENCES users(id),
    created_at   TEXT NOT NULL
);
CREATE INDEX cso_conditions_by_org ON cso_conditions (org_id, assessed_on);
