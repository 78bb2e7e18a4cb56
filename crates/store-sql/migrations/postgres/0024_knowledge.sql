-- The knowledge bank (issue 17): case studies and good practices, in markdown, public. Those
-- Tandem ships have no organisation; an organisation's own name it as their author. The search
-- vector holds each text's folded words (tandem_domain::knowledge::search_text) weighted title
-- A, summary B, body C, so that it and SQLite's FTS5 see the same words.
CREATE TABLE case_studies (
    id          TEXT PRIMARY KEY,
    org_id      TEXT REFERENCES orgs(id),
    title       TEXT NOT NULL,
    summary     TEXT NOT NULL,
    body        TEXT NOT NULL,
    language    TEXT NOT NULL,
    region      TEXT NOT NULL,
    actors      TEXT NOT NULL,
    activities  TEXT NOT NULL,
    tags        TEXT NOT NULL,
    -- Its words weighted by field (tandem_domain::knowledge::weighted_length), for relevance.
    search_length DOUBLE PRECISION NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    search      tsvector
);
CREATE INDEX case_studies_by_title ON case_studies (title);
CREATE INDEX case_studies_search ON case_studies USING GIN (search);
