-- Referral and answer (issue 14): a verified violation goes to the institution or organisation
-- concerned with what is asked and by when; its answer is recorded (by the organisation that
-- documented it, for now); it ends remedied or closed. One referral per violation.
ALTER TABLE violations ADD COLUMN referred_to_org TEXT REFERENCES orgs(id);
ALTER TABLE violations ADD COLUMN referred_to TEXT;
ALTER TABLE violations ADD COLUMN referral_ask TEXT;
ALTER TABLE violations ADD COLUMN referral_due_on TEXT;
ALTER TABLE violations ADD COLUMN referred_by TEXT;
ALTER TABLE violations ADD COLUMN referred_at TIMESTAMPTZ;
ALTER TABLE violations ADD COLUMN response TEXT;
ALTER TABLE violations ADD COLUMN responded_by TEXT;
ALTER TABLE violations ADD COLUMN responded_at TIMESTAMPTZ;
ALTER TABLE violations ADD COLUMN ended_by TEXT;
ALTER TABLE violations ADD COLUMN ended_at TIMESTAMPTZ;
CREATE INDEX violations_org_due ON violations(org_id, status, referral_due_on);
