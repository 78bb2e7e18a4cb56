-- The human-rights observatory (issue 14): violations documented in the spirit of the HURIDOCS
-- Events Standard Formats. Victims are counts, never names; the perpetrator is an institution or
-- unit, never a private person. A violation is verified by a second coordinator (verified_by is
-- never documented_by: the service checks it, and the update that verifies repeats the check).
CREATE TABLE violation_acts (
    slug     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    rights   TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
INSERT INTO violation_acts (slug, name, rights, position) VALUES
    ('arbitrary_arrest', 'Arbitrary arrest or detention', 'liberty and security of person', 1),
    ('torture_ill_treatment', 'Torture or ill-treatment', 'freedom from torture', 2),
    ('extrajudicial_killing', 'Extrajudicial killing', 'life', 3),
    ('enforced_disappearance', 'Enforced disappearance', 'liberty; recognition before the law', 4),
    ('sexual_violence', 'Sexual violence', 'freedom from torture; security of person', 5),
    ('excessive_force', 'Excessive use of force', 'life; security of person', 6),
    ('extortion', 'Extortion', 'property; security of person', 7),
    ('destruction_of_property', 'Destruction of property', 'property; adequate housing', 8),
    ('restriction_of_assembly', 'Restriction of peaceful assembly', 'peaceful assembly; expression', 9),
    ('threat_to_defender', 'Threat against a human-rights defender or CSO staff', 'association; expression; security of person', 10),
    ('attack_on_defender', 'Attack on a human-rights defender or CSO staff', 'association; security of person', 11);

CREATE TABLE violations (
    org_id           TEXT NOT NULL REFERENCES orgs(id),
    id               TEXT NOT NULL,
    area_code        TEXT NOT NULL REFERENCES areas(code),
    occurred_on      TEXT NOT NULL,
    date_precision   TEXT NOT NULL CHECK (date_precision IN ('exact','month','year','unknown')),
    act              TEXT NOT NULL REFERENCES violation_acts(slug),
    institution      TEXT NOT NULL,
    institution_kind TEXT NOT NULL,
    unit             TEXT,
    victims_total    INTEGER NOT NULL CHECK (victims_total >= 1),
    victims_women    INTEGER,
    victims_men      INTEGER,
    victims_girls    INTEGER,
    victims_boys     INTEGER,
    description      TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'documented'
                     CHECK (status IN ('documented','verified','referred','responded','remedied','closed')),
    documented_by    TEXT,
    verified_by      TEXT,
    verified_at      TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, id)
);
CREATE INDEX violations_org_created ON violations(org_id, created_at);
CREATE INDEX violations_org_status ON violations(org_id, status);
