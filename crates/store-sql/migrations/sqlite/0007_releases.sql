-- Shared aggregates are released once per owner and week, after the week has closed and a grace
-- period for verification has passed; a release never changes afterwards, so that downloads of
-- the same week made at different times are the same (docs/disclosure-control.md). `master` is
-- the frozen table every partner's cut of the week is taken from.
CREATE TABLE shared_releases (
    owner_org_id TEXT NOT NULL REFERENCES orgs(id),
    week         INTEGER NOT NULL,
    k            INTEGER NOT NULL CHECK (k >= 3),
    master       TEXT NOT NULL,
    released_at  TEXT NOT NULL,
    PRIMARY KEY (owner_org_id, week)
);

-- The count an alert had when it was first assigned: what the assignee sees, frozen, so that
-- watching an assigned alert does not show each new report arrive.
ALTER TABLE alerts ADD COLUMN shared_count INTEGER;
