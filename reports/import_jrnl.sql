-- import --from jrnl: one row per item of the 'entries' array of ?1, in
-- file order: the item's JSON type, then for each key of jrnl's that
-- impactlog reads (title, body, date, time, tags, starred, uuid) its JSON
-- type (NULL when the key is missing) and its value; then, for an array of
-- tags, the position (from 0) and type of its first item that is not a
-- string of one line, and its items joined by U+001F.  One json_each walks
-- the file (the tags' own json_each reads one small entry each).
SELECT e.type,
       CASE WHEN e.type = 'object' THEN json_type(e.value, '$.title') END,
       CASE WHEN e.type = 'object' THEN json_extract(e.value, '$.title') END,
       CASE WHEN e.type = 'object' THEN json_type(e.value, '$.body') END,
       CASE WHEN e.type = 'object' THEN json_extract(e.value, '$.body') END,
       CASE WHEN e.type = 'object' THEN json_type(e.value, '$.date') END,
       CASE WHEN e.type = 'object' THEN json_extract(e.value, '$.date') END,
       CASE WHEN e.type = 'object' THEN json_type(e.value, '$.time') END,
       CASE WHEN e.type = 'object' THEN json_extract(e.value, '$.time') END,
       CASE WHEN e.type = 'object' THEN json_type(e.value, '$.tags') END,
       CASE WHEN e.type = 'object' THEN json_extract(e.value, '$.tags') END,
       CASE WHEN e.type = 'object' THEN json_type(e.value, '$.starred') END,
       CASE WHEN e.type = 'object' THEN json_extract(e.value, '$.starred') END,
       CASE WHEN e.type = 'object' THEN json_type(e.value, '$.uuid') END,
       CASE WHEN e.type = 'object' THEN json_extract(e.value, '$.uuid') END,
       CASE WHEN e.type = 'object' AND json_type(e.value, '$.tags') = 'array' THEN
            (SELECT t.key FROM json_each(e.value, '$.tags') AS t
             WHERE t.type != 'text' OR instr(t.value, char(31)) > 0
             ORDER BY t.key LIMIT 1)
       END,
       CASE WHEN e.type = 'object' AND json_type(e.value, '$.tags') = 'array' THEN
            (SELECT t.type FROM json_each(e.value, '$.tags') AS t
             WHERE t.type != 'text' OR instr(t.value, char(31)) > 0
             ORDER BY t.key LIMIT 1)
       END,
       CASE WHEN e.type = 'object' AND json_type(e.value, '$.tags') = 'array' THEN
            (SELECT group_concat(t.value, char(31)) FROM json_each(e.value, '$.tags') AS t)
       END
FROM json_each(?1, '$.entries') AS e;
