-- Verified violations count in the alert engine (issue 14), each in one ISO week fixed when it
-- is verified: the week of its date when that is exact (or unknown, kept as the day it was
-- documented), otherwise the week it was verified (`violation_signal::week`). NULL until then.
-- Weeks are counted from Monday 1970-01-05.
ALTER TABLE violations ADD COLUMN signal_week INTEGER;
UPDATE violations SET signal_week = CAST(
    (julianday(CASE WHEN date_precision IN ('exact', 'unknown') THEN occurred_on ELSE substr(verified_at, 1, 10) END)
     - julianday('1970-01-05')) / 7 AS INTEGER)
WHERE verified_at IS NOT NULL;
CREATE INDEX violations_signal ON violations(org_id, signal_week);
