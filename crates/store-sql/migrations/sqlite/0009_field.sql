-- Field collection (issue 12). App users: the token a phone carries for one organisation's
-- form, stored only as its SHA-256, good until revoked.
CREATE TABLE app_users (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES orgs(id),
    name       TEXT NOT NULL,
    form_id    TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_by TEXT REFERENCES users(id),
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX app_users_org ON app_users(org_id);

-- Each filled form once: a re-sent submission (same instanceID, same body) files no second
-- report; the same instanceID with another body is refused.
CREATE TABLE submissions (
    org_id      TEXT NOT NULL REFERENCES orgs(id),
    instance_id TEXT NOT NULL,
    body_sha256 TEXT NOT NULL,
    report_id   TEXT NOT NULL,
    app_user_id TEXT REFERENCES app_users(id),
    -- Whether its last part has come (a split upload's earlier parts say they are incomplete);
    -- once complete, re-sends add no files.
    complete    INTEGER NOT NULL DEFAULT 0,
    received_at TEXT NOT NULL,
    PRIMARY KEY (org_id, instance_id)
);

-- Files that came with a report, sealed (XChaCha20-Poly1305, bound to org and file id).
CREATE TABLE attachments (
    id           TEXT PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES orgs(id),
    report_id    TEXT NOT NULL,
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    key_id       TEXT NOT NULL,
    data         BLOB NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (org_id, report_id, name)
);
