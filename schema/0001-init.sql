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
-- the user gave.
CREATE TABLE achievement_org (
    achievement_id INTEGER NOT NULL REFERENCES achievement (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL CHECK (length(name) >= 1),
    PRIMARY KEY (achievement_id, position)
) WITHOUT ROWID;
CREATE INDEX achievement_org_by_name ON achievement_org (name COLLATE NOCASE);

CREATE TABLE achievement_evidence (
    achievement_id INTEGER NOT NULL REFERENCES achievement (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL CHECK (length(name) >= 1),
    PRIMARY KEY (achievement_id, position)
) WITHOUT ROWID;

CREATE TABLE achievement_witness (
    achievement_id INTEGER NOT NULL REFERENCES achievement (id) ON DELETE CASCADE,
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
-- The rowid is the achievement id.
CREATE VIRTUAL TABLE achievement_fts USING fts5 (
    title, note, project, orgs, evidence, witnesses,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER achievement_fts_insert AFTER INSERT ON achievement BEGIN
    INSERT INTO achievement_fts (rowid, title, note, project, orgs, evidence, witnesses)
    VALUES (new.id, new.title, new.note, new.project, '', '', '');
END;

CREATE TRIGGER achievement_fts_update AFTER UPDATE OF title, note, project ON achievement
BEGIN
    UPDATE achievement_fts SET title = new.title, note = new.note, project = new.project
    WHERE rowid = new.id;
END;

CREATE TRIGGER achievement_fts_delete AFTER DELETE ON achievement BEGIN
    DELETE FROM achievement_fts WHERE rowid = old.id;
END;

CREATE TRIGGER achievement_org_fts_insert AFTER INSERT ON achievement_org BEGIN
    UPDATE achievement_fts SET orgs = orgs || ' ' || new.name WHERE rowid = new.achievement_id;
END;
CREATE TRIGGER achievement_org_fts_delete AFTER DELETE ON achievement_org BEGIN
    UPDATE achievement_fts
    SET orgs = (SELECT coalesce(group_concat(name, ' '), '') FROM achievement_org
                WHERE achievement_id = old.achievement_id)
    WHERE rowid = old.achievement_id;
END;

CREATE TRIGGER achievement_evidence_fts_insert AFTER INSERT ON achievement_evidence BEGIN
    UPDATE achievement_fts SET evidence = evidence || ' ' || new.name
    WHERE rowid = new.achievement_id;
END;
CREATE TRIGGER achievement_evidence_fts_delete AFTER DELETE ON achievement_evidence BEGIN
    UPDATE achievement_fts
    SET evidence = (SELECT coalesce(group_concat(name, ' '), '') FROM achievement_evidence
                    WHERE achievement_id = old.achievement_id)
    WHERE rowid = old.achievement_id;
END;

CREATE TRIGGER achievement_witness_fts_insert AFTER INSERT ON achievement_witness BEGIN
    UPDATE achievement_fts SET witnesses = witnesses || ' ' || new.name
    WHERE rowid = new.achievement_id;
END;
CREATE TRIGGER achievement_witness_fts_delete AFTER DELETE ON achievement_witness BEGIN
    UPDATE achievement_fts
    SET witnesses = (SELECT coalesce(group_concat(name, ' '), '') FROM achievement_witness
                     WHERE achievement_id = old.achievement_id)
    WHERE rowid = old.achievement_id;
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
