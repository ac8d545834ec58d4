-- Every saved change raises a plan's revision, so an edit made against an older one (a window
-- that has not seen a change made by the CLI) can be refused instead of overwriting it.
ALTER TABLE plans ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
