-- The rubric in use, when `rubric import` replaced the built-in one: the
-- CSV it was read from, kept whole so that `rubric --format csv` gives it
-- back and a backup carries it.  No row: the built-in rubric.
CREATE TABLE rubric (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    csv         TEXT NOT NULL,
    imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
