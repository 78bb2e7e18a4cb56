-- Early warning: areas, categories, reports, alerts, responses.
-- Areas and categories are platform-wide configuration (Citus: reference tables). Reports,
-- alerts, alert_reports and responses are owned by one organisation: org_id leads every key.

CREATE TABLE areas (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    level       TEXT NOT NULL CHECK (level IN ('country','admin1','admin2','locality')),
    parent_code TEXT REFERENCES areas(code),
    geometry    TEXT,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX areas_parent ON areas(parent_code);

CREATE TABLE categories (
    slug               TEXT PRIMARY KEY,
    name               TEXT NOT NULL,
    reference          TEXT NOT NULL,
    threshold_severity INTEGER NOT NULL DEFAULT 4,
    position           INTEGER NOT NULL DEFAULT 0
);
INSERT INTO categories (slug, name, reference, threshold_severity, position) VALUES
    ('hate_speech', 'Hate speech and incitement', 'hate_speech', 4, 1),
    ('repression', 'Repression and abuse by security actors', 'repression', 4, 2),
    ('intercommunal_tension', 'Intercommunal tension', 'intercommunal_tension', 4, 3),
    ('recruitment_activity', 'Recruitment activity', 'recruitment_activity', 4, 4),
    ('gbv', 'Gender-based violence', 'gbv', 4, 5),
    ('crime', 'Crime', 'crime', 4, 6),
    ('service_grievance', 'Service grievance', 'service_grievance', 4, 7),
    ('displacement', 'Displacement', 'displacement', 4, 8),
    ('peace_initiative', 'Positive or peace initiative', 'peace_initiative', 5, 9);

CREATE TABLE reports (
    org_id           TEXT NOT NULL REFERENCES orgs(id),
    id               TEXT NOT NULL,
    area_code        TEXT NOT NULL REFERENCES areas(code),
    category         TEXT NOT NULL REFERENCES categories(slug),
    severity         INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 4),
    occurred_at      TIMESTAMPTZ NOT NULL,
    week             BIGINT NOT NULL,
    description      TEXT NOT NULL,
    channel          TEXT NOT NULL,
    reporter_contact TEXT,
    status           TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','verified','dismissed','closed')),
    status_by        TEXT,
    status_at        TIMESTAMPTZ,
    created_by       TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, id)
);
CREATE INDEX reports_org_week ON reports(org_id, week);
CREATE INDEX reports_org_created ON reports(org_id, created_at);

CREATE TABLE alerts (
    org_id          TEXT NOT NULL REFERENCES orgs(id),
    id              TEXT NOT NULL,
    area_code       TEXT NOT NULL REFERENCES areas(code),
    category        TEXT NOT NULL,
    week            BIGINT NOT NULL,
    method          TEXT NOT NULL CHECK (method IN ('threshold','c1','c2','c3')),
    version         TEXT NOT NULL,
    observed        INTEGER NOT NULL,
    baseline_mean   DOUBLE PRECISION,
    baseline_sd     DOUBLE PRECISION,
    statistic       DOUBLE PRECISION,
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed','withdrawn')),
    assigned_org_id TEXT REFERENCES orgs(id),
    due_at          TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, area_code, category, week, method)
);
CREATE INDEX alerts_org_week ON alerts(org_id, week);

CREATE TABLE alert_reports (
    org_id    TEXT NOT NULL,
    alert_id  TEXT NOT NULL,
    report_id TEXT NOT NULL,
    PRIMARY KEY (org_id, alert_id, report_id)
);

CREATE TABLE responses (
    org_id            TEXT NOT NULL REFERENCES orgs(id),
    id                TEXT NOT NULL,
    alert_id          TEXT NOT NULL,
    responder_org_id  TEXT NOT NULL REFERENCES orgs(id),
    responder_user_id TEXT NOT NULL REFERENCES users(id),
    action            TEXT NOT NULL,
    outcome           TEXT NOT NULL,
    responded_at      TIMESTAMPTZ NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, id)
);
CREATE INDEX responses_alert ON responses(org_id, alert_id);
