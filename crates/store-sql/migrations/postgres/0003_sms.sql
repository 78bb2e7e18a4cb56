-- SMS intake: gateways (one shared secret each, stored hashed) and the inbox of messages that
-- could not be parsed, kept for a coordinator to triage. Keywords for categories.
CREATE TABLE sms_gateways (
    org_id      TEXT NOT NULL REFERENCES orgs(id),
    id          TEXT NOT NULL,
    secret_hash TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, id)
);

CREATE TABLE sms_inbox (
    org_id      TEXT NOT NULL REFERENCES orgs(id),
    id          TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    sender      TEXT,
    body        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    PRIMARY KEY (org_id, id)
);

ALTER TABLE categories ADD COLUMN keywords TEXT NOT NULL DEFAULT '';
UPDATE categories SET keywords = 'HATE INCITE HAINE' WHERE slug = 'hate_speech';
UPDATE categories SET keywords = 'ABUSE REPRESSION ABUS' WHERE slug = 'repression';
UPDATE categories SET keywords = 'TENSION CLASH CONFLIT' WHERE slug = 'intercommunal_tension';
UPDATE categories SET keywords = 'RECRUIT RECRUTEMENT' WHERE slug = 'recruitment_activity';
UPDATE categories SET keywords = 'GBV VBG' WHERE slug = 'gbv';
UPDATE categories SET keywords = 'CRIME VOL THEFT' WHERE slug = 'crime';
UPDATE categories SET keywords = 'SERVICE WATER EAU HEALTH SANTE' WHERE slug = 'service_grievance';
UPDATE categories SET keywords = 'DISPLACED DEPLACES IDP' WHERE slug = 'displacement';
UPDATE categories SET keywords = 'PEACE PAIX' WHERE slug = 'peace_initiative';
