-- Every questionnaire a survey has served, by version (issue 16): a form filled offline
-- against an earlier version is checked against the questions it was filled with, and still
-- lands after the questions change or stop being served.
CREATE TABLE survey_forms (
    survey_id     TEXT NOT NULL REFERENCES surveys(id),
    version       TEXT NOT NULL,
    questionnaire TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (survey_id, version)
);
