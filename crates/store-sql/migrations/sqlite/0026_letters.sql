-- Letters of recognition and invitation (issue 17): issued by an organisation to a CSO, signed
-- (Ed25519, under a key derived from the key file) over the exact text of
-- tandem_domain::letter::payload, which the names and dates here rebuild. Dates are YYYY-MM-DD.
CREATE TABLE letters (
    id             TEXT PRIMARY KEY,
    issuer_org     TEXT NOT NULL REFERENCES orgs(id),
    recipient_org  TEXT NOT NULL REFERENCES orgs(id),
    -- The organisations' names as the letter was signed with them.
    issuer_name    TEXT NOT NULL,
    recipient_name TEXT NOT NULL,
    kind           TEXT NOT NULL,
    purpose        TEXT NOT NULL,
    addressee      TEXT NOT NULL,
    issued_on      TEXT NOT NULL,
    valid_until    TEXT NOT NULL,
    key_id         TEXT NOT NULL,
    -- Hex.
    signature      TEXT NOT NULL,
    created_by     TEXT NOT NULL REFERENCES users(id),
    created_at     TEXT NOT NULL,
    revoked_at     TEXT
);
CREATE INDEX letters_by_issuer ON letters (issuer_org, created_at);
CREATE INDEX letters_by_recipient ON letters (recipient_org, created_at);
