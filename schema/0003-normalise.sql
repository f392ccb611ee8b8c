-- Normalises what was stored before the field rules did, as they now do
-- for every new record (src/achievement.c, src/achievement_store.c):
--   - text without the white space around it, and a value that is only
--     white space no value;
--   - a unit that is an ISO currency code upper-case;
--   - one spelling per unit, project and org whatever its case: that of the
--     lowest id, the first logged; the spelling table keeps it for the
--     records to come.  An org named twice in one achievement is named once.
-- Nothing else is rewritten.  Text holding bidi controls or zero-width
-- characters and dates in the future, which the rules now refuse, are left
-- as they are: 'impactlog check' names them, to be changed with edit.

-- The white space trimmed, as src/achievement.c's space_at() reads it: ASCII's,
-- U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
-- A table of the main schema, dropped below: a temporary one would fix the
-- temporary storage, which import then sets (PRAGMA temp_store).
CREATE TABLE normalise_space AS
SELECT char(32, 9, 10, 11, 12, 13, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202,
                  8232, 8233, 8239, 8287, 12288) AS chars;

-- The achievements whose lists change, for the search index, whose own
-- triggers follow the achievement's title, note and project but not its
-- lists.  Re-indexing only these, not all, saves most of the time of this
-- migration (2.3 s of 4.2 s for 100k achievements).  Dropped below.
CREATE TABLE normalise_changed (id INTEGER PRIMARY KEY);
CREATE TRIGGER normalise_org_update AFTER UPDATE ON achievement_org BEGIN
    INSERT OR IGNORE INTO normalise_changed VALUES (old.achievement_id);
END;
CREATE TRIGGER normalise_org_delete AFTER DELETE ON achievement_org BEGIN
    INSERT OR IGNORE INTO normalise_changed VALUES (old.achievement_id);
END;
CREATE TRIGGER normalise_evidence_update AFTER UPDATE ON achievement_evidence BEGIN
    INSERT OR IGNORE INTO normalise_changed VALUES (old.achievement_id);
END;
CREATE TRIGGER normalise_evidence_delete AFTER DELETE ON achievement_evidence BEGIN
    INSERT OR IGNORE INTO normalise_changed VALUES (old.achievement_id);
END;
CREATE TRIGGER normalise_witness_update AFTER UPDATE ON achievement_witness BEGIN
    INSERT OR IGNORE INTO normalise_changed VALUES (old.achievement_id);
END;
CREATE TRIGGER normalise_witness_delete AFTER DELETE ON achievement_witness BEGIN
    INSERT OR IGNORE INTO normalise_changed VALUES (old.achievement_id);
END;

-- Text.  A title is required, so one that is only white space (which only
-- direct SQL could store) keeps it.  A unit that was only white space
-- becomes the tag's default, as il_achievement_check gives.
UPDATE achievement
SET title = trim(title, (SELECT chars FROM normalise_space))
WHERE title != trim(title, (SELECT chars FROM normalise_space))
  AND trim(title, (SELECT chars FROM normalise_space)) != '';

UPDATE achievement
SET unit = coalesce(nullif(trim(unit, (SELECT chars FROM normalise_space)), ''),
                    CASE tag WHEN 'prevented-loss' THEN 'USD'
                             WHEN 'user-growth' THEN 'users' END)
WHERE unit != trim(unit, (SELECT chars FROM normalise_space));

UPDATE achievement
SET project = nullif(trim(project, (SELECT chars FROM normalise_space)), '')
WHERE project != trim(project, (SELECT chars FROM normalise_space));

UPDATE achievement
SET note = nullif(trim(note, (SELECT chars FROM normalise_space)), '')
WHERE note != trim(note, (SELECT chars FROM normalise_space));

-- List items: an item that is only white space is no item.  The positions
-- of those after it keep their order.
DELETE FROM achievement_org
WHERE trim(name, (SELECT chars FROM normalise_space)) = '';
UPDATE achievement_org
SET name = trim(name, (SELECT chars FROM normalise_space))
WHERE name != trim(name, (SELECT chars FROM normalise_space));

DELETE FROM achievement_evidence
WHERE trim(name, (SELECT chars FROM normalise_space)) = '';
UPDATE achievement_evidence
SET name = trim(name, (SELECT chars FROM normalise_space))
WHERE name != trim(name, (SELECT chars FROM normalise_space));

DELETE FROM achievement_witness
WHERE trim(name, (SELECT chars FROM normalise_space)) = '';
UPDATE achievement_witness
SET name = trim(name, (SELECT chars FROM normalise_space))
WHERE name != trim(name, (SELECT chars FROM normalise_space));

UPDATE profile
SET name = nullif(trim(name, (SELECT chars FROM normalise_space)), ''),
    level = nullif(trim(level, (SELECT chars FROM normalise_space)), ''),
    track = nullif(trim(track, (SELECT chars FROM normalise_space)), ''),
    target_level = nullif(trim(target_level, (SELECT chars FROM normalise_space)), ''),
    manager = nullif(trim(manager, (SELECT chars FROM normalise_space)), '');

DROP TABLE normalise_space;

-- ISO 4217 currency codes upper-case, the codes of il_iso_currency() in
-- src/achievement.c as they were when this was written.
UPDATE achievement
SET unit = upper(unit)
WHERE length(unit) = 3 AND unit != upper(unit) AND upper(unit) IN (
    'AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD',
    'BDT', 'BGN', 'BHD', 'BIF', 'BMD', 'BND', 'BOB', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN',
    'BZD', 'CAD', 'CDF', 'CHF', 'CLP', 'CNY', 'COP', 'CRC', 'CUP', 'CVE', 'CZK', 'DJF',
    'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS',
    'GIP', 'GMD', 'GNF', 'GTQ', 'GYD', 'HKD', 'HNL', 'HTG', 'HUF', 'IDR', 'ILS', 'INR',
    'IQD', 'IRR', 'ISK', 'JMD', 'JOD', 'JPY', 'KES', 'KGS', 'KHR', 'KMF', 'KPW', 'KRW',
    'KWD', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'LYD', 'MAD', 'MDL', 'MGA',
    'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MYR', 'MZN', 'NAD',
    'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'OMR', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN',
    'PYG', 'QAR', 'RON', 'RSD', 'RUB', 'RWF', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD',
    'SHP', 'SLE', 'SLL', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS',
    'TMT', 'TND', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'UGX', 'USD', 'UYU', 'UZS',
    'VED', 'VES', 'VND', 'VUV', 'WST', 'XAF', 'XCD', 'XCG', 'XOF', 'XPF', 'YER', 'ZAR',
    'ZMW', 'ZWG', 'ZWL');

-- The spelling of each unit, project and org, by field (the CSV column's
-- name) and name compared case-insensitively.  Storage reads it to store a
-- new record's unit, project and orgs as first spelt; a spelling stays when
-- the records that gave it are deleted, so a name never changes case.
CREATE TABLE spelling (
    field TEXT NOT NULL CHECK (field IN ('unit', 'project', 'orgs')),
    name  TEXT NOT NULL COLLATE NOCASE CHECK (length(name) >= 1),
    PRIMARY KEY (field, name)
) WITHOUT ROWID;

INSERT INTO spelling (field, name)
SELECT 'unit', unit
FROM (SELECT unit, row_number() OVER (PARTITION BY unit COLLATE NOCASE ORDER BY id) AS n
      FROM achievement WHERE unit IS NOT NULL)
WHERE n = 1;

INSERT INTO spelling (field, name)
SELECT 'project', project
FROM (SELECT project,
             row_number() OVER (PARTITION BY project COLLATE NOCASE ORDER BY id) AS n
      FROM achievement WHERE project IS NOT NULL)
WHERE n = 1;

INSERT INTO spelling (field, name)
SELECT 'orgs', name
FROM (SELECT name,
             row_number() OVER (PARTITION BY name COLLATE NOCASE
                                ORDER BY achievement_id, position) AS n
      FROM achievement_org)
WHERE n = 1;

-- Every record in its field's spelling.  s.name is the left operand, so the
-- comparison is case-insensitive, and the primary key finds it.
UPDATE achievement
SET unit = (SELECT s.name FROM spelling AS s
            WHERE s.field = 'unit' AND s.name = achievement.unit)
WHERE unit IS NOT (SELECT s.name FROM spelling AS s
                   WHERE s.field = 'unit' AND s.name = achievement.unit);

UPDATE achievement
SET project = (SELECT s.name FROM spelling AS s
               WHERE s.field = 'project' AND s.name = achievement.project)
WHERE project IS NOT (SELECT s.name FROM spelling AS s
                      WHERE s.field = 'project' AND s.name = achievement.project);

UPDATE achievement_org
SET name = (SELECT s.name FROM spelling AS s
            WHERE s.field = 'orgs' AND s.name = achievement_org.name)
WHERE name IS NOT (SELECT s.name FROM spelling AS s
                   WHERE s.field = 'orgs' AND s.name = achievement_org.name);

-- An org named twice in one achievement, now in one spelling, is one org:
-- the first naming stays.
DELETE FROM achievement_org
WHERE EXISTS (SELECT 1 FROM achievement_org AS earlier
              WHERE earlier.achievement_id = achievement_org.achievement_id
                AND earlier.position < achievement_org.position
                AND earlier.name = achievement_org.name);

-- The search index of the achievements whose lists changed.
DELETE FROM achievement_fts WHERE rowid IN (SELECT id FROM normalise_changed);
INSERT INTO achievement_fts (rowid, title, note, project, orgs, evidence, witnesses)
SELECT * FROM achievement_search WHERE id IN (SELECT id FROM normalise_changed);

DROP TRIGGER normalise_org_update;
DROP TRIGGER normalise_org_delete;
DROP TRIGGER normalise_evidence_update;
DROP TRIGGER normalise_evidence_delete;
DROP TRIGGER normalise_witness_update;
DROP TRIGGER normalise_witness_delete;
DROP TABLE normalise_changed;
