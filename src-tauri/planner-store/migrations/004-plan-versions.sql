-- Versions of a plan: immutable snapshots of its whole document, numbered from 1 per plan.
-- Deleting a plan deletes its versions; a version is never changed once written.
CREATE TABLE plan_versions (
    plan_id    INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    number     INTEGER NOT NULL CHECK (number >= 1),
    label      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    document   TEXT NOT NULL CHECK (json_valid(document)),
    PRIMARY KEY (plan_id, number)
);
CREATE TRIGGER plan_versions_never_change BEFORE UPDATE ON plan_versions
BEGIN
    SELECT RAISE(ABORT, 'a plan version never changes');
END;
