-- Joint monitoring (issue 16): perception surveys with their design columns and the responses
-- imported from KoboToolbox or ODK Central, and scorecards per security unit with their
-- indicators and measurements. A survey and a scorecard belong to the organisation that keeps
-- them (a CSO); the unit a scorecard watches is an organisation on Tandem.
CREATE TABLE surveys (
    id             TEXT PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES orgs(id),
    title          TEXT NOT NULL,
    weight_column  TEXT NOT NULL,
    strata_column  TEXT,
    cluster_column TEXT,
    fielded_on     TEXT,
    -- The union of the imported files' header rows, in order, as a JSON array.
    columns        TEXT NOT NULL,
    created_by     TEXT NOT NULL REFERENCES users(id),
    created_at     TEXT NOT NULL
);
CREATE INDEX surveys_by_org ON surveys (org_id, created_at);

-- One row per response: the answers as a JSON object of column to text (blank cells left out).
-- The submission key (Kobo's _uuid, ODK's meta/instanceID) makes a second import of the same
-- export add only what is new; a file without one has NULL here, which never clashes.
CREATE TABLE survey_responses (
    survey_id  TEXT NOT NULL REFERENCES surveys(id),
    seq        BIGINT NOT NULL,
    submission TEXT,
    answers    TEXT NOT NULL,
    PRIMARY KEY (survey_id, seq)
);
CREATE UNIQUE INDEX survey_responses_submission ON survey_responses (survey_id, submission);

CREATE TABLE scorecards (
    id           TEXT PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES orgs(id),
    unit_org     TEXT NOT NULL REFERENCES orgs(id),
    area_code    TEXT NOT NULL REFERENCES areas(code),
    published_at TEXT,
    created_by   TEXT NOT NULL REFERENCES users(id),
    created_at   TEXT NOT NULL,
    UNIQUE (org_id, unit_org)
);

CREATE TABLE indicators (
    id             TEXT PRIMARY KEY,
    scorecard_id   TEXT NOT NULL REFERENCES scorecards(id),
    name           TEXT NOT NULL,
    definition     TEXT NOT NULL,
    measure        TEXT NOT NULL,
    direction      TEXT NOT NULL,
    disaggregation TEXT,
    baseline       REAL,
    target         REAL,
    frequency      TEXT NOT NULL,
    -- NULL for an indicator whose measurements are recorded; else what Tandem computes.
    computed       TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX indicators_by_scorecard ON indicators (scorecard_id, created_at);

CREATE TABLE measurements (
    id           TEXT PRIMARY KEY,
    indicator_id TEXT NOT NULL REFERENCES indicators(id),
    measured_on  TEXT NOT NULL,
    value        REAL NOT NULL,
    ci_low       REAL,
    ci_high      REAL,
    source       TEXT NOT NULL,
    evidence     TEXT,
    survey_id    TEXT REFERENCES surveys(id),
    recorded_org TEXT NOT NULL REFERENCES orgs(id),
    recorded_by  TEXT NOT NULL REFERENCES users(id),
    created_at   TEXT NOT NULL
);
CREATE INDEX measurements_by_indicator ON measurements (indicator_id, measured_on);
