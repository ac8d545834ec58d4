-- A plan is one JSON document (the same serde model a plan file carries); the columns the
-- plan list needs are derived from it so they can never disagree with it.
CREATE TABLE plans (
    id               INTEGER PRIMARY KEY,
    document         TEXT NOT NULL CHECK (json_valid(document)),
    title            TEXT GENERATED ALWAYS AS (json_extract(document, '$.title')) VIRTUAL,
    institution_name TEXT GENERATED ALWAYS AS (json_extract(document, '$.profile.name')) VIRTUAL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX plans_by_updated_at ON plans (updated_at);

-- Facts about this store itself, e.g. whether the sample plan was ever offered.
CREATE TABLE store_facts (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
