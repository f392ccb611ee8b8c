-- check's text check: the stored text that may hold a character the field
-- rules refuse (src/achievement.c), a bidi control or a zero-width one
-- (U+200B to U+200D, U+202A to U+202E, U+2066 to U+2069, U+FEFF), which a
-- database written before those rules, or by direct SQL, may hold.  The
-- GLOB only narrows the rows down: cmd_check.c applies the rule itself, so
-- that the check and the readers never disagree.  Columns: id, field (its
-- CSV column), text; in id order, the trash too.
WITH refused(pattern) AS (
    SELECT '*[' || char(0x200B) || '-' || char(0x200D) || char(0x202A) || '-' ||
           char(0x202E) || char(0x2066) || '-' || char(0x2069) || char(0xFEFF) || ']*'
),
texts(id, field, text) AS (
    SELECT id, 'title', title FROM achievement
    UNION ALL SELECT id, 'unit', unit FROM achievement
    UNION ALL SELECT id, 'project', project FROM achievement
    UNION ALL SELECT id, 'note', note FROM achievement
    UNION ALL SELECT achievement_id, 'orgs', name FROM achievement_org
    UNION ALL SELECT achievement_id, 'evidence', name FROM achievement_evidence
    UNION ALL SELECT achievement_id, 'witnesses', name FROM achievement_witness
)
SELECT id, field, text
FROM texts
WHERE text GLOB (SELECT pattern FROM refused)
ORDER BY id;
