-- Public statistics, frozen once published (issue 14): a period's master table (counts and the
-- k it was protected with), stored the first time anyone asks for it, never recomputed. Two
-- editions of one quarter would tell, by difference, what came in between.
CREATE TABLE public_releases (
    dataset     TEXT NOT NULL,
    period      TEXT NOT NULL,
    k           INTEGER NOT NULL,
    master      TEXT NOT NULL,
    released_at TEXT NOT NULL,
    PRIMARY KEY (dataset, period)
);
CREATE INDEX violations_verified ON violations(verified_at, occurred_on);
