-- The coordination wheel (issue 15): a commitment's evidence may link to the record that shows
-- it was kept (a report, an alert, a referral), as the owner's page names it.
ALTER TABLE commitments ADD COLUMN evidence_link TEXT;
