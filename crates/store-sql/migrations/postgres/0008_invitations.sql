-- Invitations to join an organisation: nobody becomes a member without saying yes (issue 12).
-- The link's secret is kept only as its SHA-256. An invitation is answered once: accepted,
-- declined or withdrawn; answered ones stay for the record.
CREATE TABLE invitations (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES orgs(id),
    email       TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('member','coordinator','admin')),
    token_hash  TEXT NOT NULL UNIQUE,
    invited_by  TEXT NOT NULL REFERENCES users(id),
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','accepted','declined','withdrawn')),
    answered_at TIMESTAMPTZ
);
CREATE INDEX invitations_org ON invitations(org_id, status);
CREATE INDEX invitations_email ON invitations(email, status);
