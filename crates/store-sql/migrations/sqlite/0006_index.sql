-- The prevention index: platform-wide reference data (countries, indicator values, scorecard
-- answers, incident figures per country and year) and editions with every computed value.
-- An edition's results are kept as JSON documents: an edition is immutable once published, and
-- each document holds the inputs and intermediate values behind its numbers.

CREATE TABLE index_countries (
    iso3       TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    region     TEXT NOT NULL DEFAULT '',
    geometry   TEXT,
    updated_at TEXT NOT NULL
);

CREATE TABLE index_values (
    indicator   TEXT NOT NULL,
    iso3        TEXT NOT NULL,
    year        INTEGER NOT NULL,
    value       REAL NOT NULL,
    source      TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    PRIMARY KEY (indicator, iso3, year)
);

CREATE TABLE index_scorecard (
    item        TEXT NOT NULL,
    iso3        TEXT NOT NULL,
    year        INTEGER NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('yes','partial','no')),
    evidence    TEXT NOT NULL DEFAULT '[]',
    note        TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    PRIMARY KEY (item, iso3, year)
);

CREATE TABLE index_incidents (
    iso3        TEXT NOT NULL,
    year        INTEGER NOT NULL,
    incidents   INTEGER NOT NULL,
    fatalities  INTEGER NOT NULL,
    injuries    INTEGER NOT NULL,
    damage      INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (iso3, year)
);

CREATE TABLE index_editions (
    name                TEXT PRIMARY KEY,
    methodology_version TEXT NOT NULL,
    methodology         TEXT NOT NULL,
    methodology_sha256  TEXT NOT NULL,
    data_year           INTEGER NOT NULL,
    draws               INTEGER NOT NULL,
    seed                INTEGER NOT NULL,
    computed_at         TEXT NOT NULL,
    published_at        TEXT,
    summary             TEXT NOT NULL
);

CREATE TABLE index_results (
    edition TEXT NOT NULL REFERENCES index_editions(name),
    iso3    TEXT NOT NULL,
    rank    INTEGER,
    score   REAL,
    detail  TEXT NOT NULL,
    PRIMARY KEY (edition, iso3)
);
CREATE INDEX index_results_country ON index_results(iso3);
