-- The coordination wheel (issue 15): joint trainings recorded in a forum. Who took part is a
-- list of counts by organisation kind and gender, and the self-assessments are pairs of scores
-- (before, after), both kept as JSON: they are read and written whole, never queried apart.
CREATE TABLE forum_trainings (
    id           TEXT PRIMARY KEY,
    forum_id     TEXT NOT NULL REFERENCES forums(id),
    topic        TEXT NOT NULL,
    held_on      TEXT NOT NULL,
    trainer_org  TEXT NOT NULL REFERENCES orgs(id),
    participants TEXT NOT NULL,
    scores       TEXT NOT NULL,
    recorded_org TEXT NOT NULL REFERENCES orgs(id),
    recorded_by  TEXT NOT NULL REFERENCES users(id),
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX forum_trainings_by_forum ON forum_trainings (forum_id, held_on);
