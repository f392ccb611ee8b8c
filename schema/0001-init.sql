-- The first schema: achievements, their list fields, the profile, and a
-- full-text index kept in step by triggers.  Applied inside one transaction;
-- PRAGMA user_version records how many schema files have been applied.

CREATE TABLE achievement (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE
                DEFAULT (lower(hex(randomblob(16))))
                CHECK (length(uid) BETWEEN 1 AND 64),
    date        TEXT NOT NULL CHECK (date(date) IS date),
    tag         TEXT NOT NULL
                CHECK (tag IN ('prevented-loss', 'enabled-scale', 'user-growth')),
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    value       REAL CHECK (value >= 0),
    unit        TEXT CHECK (length(unit) >= 1),
    baseline    REAL CHECK (baseline >= 0),
    share       REAL NOT NULL DEFAULT 100 CHECK (share BETWEEN 0 AND 100),
    team_size   INTEGER NOT NULL DEFAULT 1 CHECK (team_size >= 1),
    likelihood  REAL CHECK (likelihood BETWEEN 0 AND 100),
    lead_days   INTEGER CHECK (lead_days >= 0),
    confidence  TEXT NOT NULL DEFAULT 'estimated'
                CHECK (confidence IN ('measured', 'estimated', 'projected')),
    project     TEXT,
    note        TEXT,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    deleted_at  TEXT,
    -- Likelihood and lead days describe a loss that did not happen.
    CHECK (tag = 'prevented-loss' OR (likelihood IS NULL AND lead_days IS NULL))
);

CREATE INDEX achievement_by_date ON achievement (date DESC, id DESC);

-- Orgs, evidence and witnesses are ordered lists; position keeps the order
-- the user gave.  The foreign keys are checked at commit, so that a new
-- achievement's lists can be written before its row (see the search index).
CREATE TABLE achievement_org (
    achievement_id INTEGER NOT NULL REFERENCES achievement (id)
                   ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL CHECK (length(name) >= 1),
    PRIMARY KEY (achievement_id, position)
) WITHOUT ROWID;
CREATE INDEX achievement_org_by_name ON achievement_org (name COLLATE NOCASE);

CREATE TABLE achievement_evidence (
    achievement_id INTEGER NOT NULL REFERENCES achievement (id)
                   ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL CHECK (length(name) >= 1),
    PRIMARY KEY (achievement_id, position)
) WITHOUT ROWID;

CREATE TABLE achievement_witness (
    achievement_id INTEGER NOT NULL REFERENCES achievement (id)
                   ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL CHECK (length(name) >= 1),
    PRIMARY KEY (achievement_id, position)
) WITHOUT ROWID;

-- Who the reports are about: a single row.
CREATE TABLE profile (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    name         TEXT,
    level        TEXT,
    track        TEXT,
    target_level TEXT,
    manager      TEXT
);

-- Full-text search over title, note, project, orgs, evidence and witnesses.
-- The rowid is the achievement id.  The triggers on achievement keep it in
-- step, reading the lists from their tables, so writers put the lists in
-- place first: a new achievement's lists before its row, an edit's lists
-- before the update of its row (which always sets updated_at).  One index
-- write per achievement, where a trigger per list item would rewrite the
-- row once for every org, link and witness.  A bulk load (import) turns the
-- triggers off and indexes its rows in one statement at the end: FTS5
-- flushes its buffer at every statement that writes it, so one statement
-- for 100k rows is several times faster than 100k.
CREATE VIRTUAL TABLE achievement_fts USING fts5 (
    title, note, project, orgs, evidence, witnesses,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- What the index holds for each achievement, defined once for the triggers
-- and for bulk loads (il_achievement_bulk_end).
CREATE VIEW achievement_search AS
SELECT a.id, a.title, a.note, a.project,
       (SELECT group_concat(name, ' ') FROM achievement_org
        WHERE achievement_id = a.id) AS orgs,
       (SELECT group_concat(name, ' ') FROM achievement_evidence
        WHERE achievement_id = a.id) AS evidence,
       (SELECT group_concat(name, ' ') FROM achievement_witness
        WHERE achievement_id = a.id) AS witnesses
FROM achievement AS a;

CREATE TRIGGER achievement_fts_insert AFTER INSERT ON achievement BEGIN
    INSERT INTO achievement_fts (rowid, title, note, project, orgs, evidence, witnesses)
    SELECT * FROM achievement_search WHERE id = new.id;
END;

CREATE TRIGGER achievement_fts_update
AFTER UPDATE OF title, note, project, updated_at ON achievement BEGIN
    DELETE FROM achievement_fts WHERE rowid = new.id;
    INSERT INTO achievement_fts (rowid, title, note, project, orgs, evidence, witnesses)
    SELECT * FROM achievement_search WHERE id = new.id;
END;

CREATE TRIGGER achievement_fts_delete AFTER DELETE ON achievement BEGIN
    DELETE FROM achievement_fts WHERE rowid = old.id;
END;

-- Derived numbers, defined once: every command and report reads them here.
--   attributed   = value x share/100, and for prevented-loss x likelihood/100
--   scale_factor = value / baseline when both are set and baseline > 0
CREATE VIEW achievement_facts AS
SELECT a.*,
       CASE WHEN a.tag = 'prevented-loss' THEN coalesce(a.likelihood, 100) END
           AS effective_likelihood,
       a.value * a.share / 100.0
           * CASE WHEN a.tag = 'prevented-loss' THEN coalesce(a.likelihood, 100) / 100.0
                  ELSE 1 END
           AS attributed,
       CASE WHEN a.value IS NOT NULL AND a.baseline > 0 THEN a.value / a.baseline END
           AS scale_factor
FROM achievement AS a;
