-- The knowledge bank (issue 17): case studies and good practices, in markdown, public. Those
-- Tandem ships have no organisation; an organisation's own name it as their author. The search
-- index holds each text's folded words (tandem_domain::knowledge::search_text), so that FTS5
-- and PostgreSQL's tsvector see the same words.
CREATE TABLE case_studies (
    id          TEXT PRIMARY KEY,
    org_id      TEXT REFERENCES orgs(id),
    title       TEXT NOT NULL,
    summary     TEXT NOT NULL,
    body        TEXT NOT NULL,
    language    TEXT NOT NULL,
    region      TEXT NOT NULL,
    -- JSON arrays of text.
    actors      TEXT NOT NULL,
    activities  TEXT NOT NULL,
    tags        TEXT NOT NULL,
    -- Its words weighted by field (tandem_domain::knowledge::weighted_length), for relevance.
    search_length REAL NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX case_studies_by_title ON case_studies (title);

CREATE VIRTUAL TABLE case_studies_fts USING fts5(
    id UNINDEXED, title, summary, body, tokenize = 'unicode61 remove_diacritics 0'
);
