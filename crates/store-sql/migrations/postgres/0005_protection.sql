-- Protection: sharing agreements, the protected-names list, retention periods, and the key ids
-- of sealed values. Reporter contacts, SMS senders and protected names are stored encrypted
-- (XChaCha20-Poly1305) with the id of their key beside them; the keys live outside the database.

CREATE TABLE sharing_agreements (
    owner_org_id   TEXT NOT NULL REFERENCES orgs(id),
    id             TEXT NOT NULL,
    partner_org_id TEXT NOT NULL REFERENCES orgs(id),
    mode           TEXT NOT NULL CHECK (mode IN ('aggregates','records')),
    area_level     TEXT NOT NULL CHECK (area_level IN ('country','admin1','admin2','locality')),
    k              INTEGER NOT NULL CHECK (k >= 3),
    categories     TEXT NOT NULL DEFAULT '',
    kinds          TEXT NOT NULL,
    valid_from     TIMESTAMPTZ NOT NULL,
    valid_to       TIMESTAMPTZ,
    created_by     TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    revoked_at     TIMESTAMPTZ,
    revoked_by     TEXT,
    PRIMARY KEY (owner_org_id, id)
);
CREATE INDEX sharing_agreements_partner ON sharing_agreements(partner_org_id);

CREATE TABLE protected_names (
    org_id     TEXT NOT NULL REFERENCES orgs(id),
    id         TEXT NOT NULL,
    name       TEXT NOT NULL,
    name_key   TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, id)
);

CREATE TABLE retention (
    org_id         TEXT PRIMARY KEY REFERENCES orgs(id),
    contact_days   INTEGER NOT NULL,
    dismissed_days INTEGER NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

-- NULL key with a value: written before encryption existed; sealed at the next start.
ALTER TABLE reports ADD COLUMN contact_key TEXT;
ALTER TABLE sms_inbox ADD COLUMN sender_key TEXT;

-- Verified reports count in shared aggregates, also after they are closed.
ALTER TABLE reports ADD COLUMN verified_at TIMESTAMPTZ;
UPDATE reports SET verified_at = status_at WHERE status = 'verified';

CREATE INDEX alerts_assigned ON alerts(assigned_org_id) WHERE assigned_org_id IS NOT NULL;
