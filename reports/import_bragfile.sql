-- import --from bragfile: one row per item of the array ?1, in file order:
-- the item's JSON type, then for each key bragfile writes that impactlog
-- reads (id, title, description, tags, project, type, impact, created_at)
-- its JSON type (NULL when the key is missing) and its value.  One
-- json_each walks the file, so that a 10k-entry export reads in one pass;
-- json_type and json_extract read one small entry each.  An item that is
-- not an object has no keys: CASE keeps json_type away from its text.
SELECT e.type,
       CASE WHEN e.type = 'object' THEN json_type(e.value, '$.id') END,
       CASE WHEN e.type = 'object' THEN json_extract(e.value, '$.id') END,
       CASE WHEN e.type = 'object' THEN json_type(e.value, '$.title') END,
       CASE WHEN e.type = 'object' THEN json_extract(e.value, '$.title') END,
       CASE WHEN e.type = 'object' THEN json_type(e.value, '$.description') END,
       CASE WHEN e.type = 'object' THEN json_extract(e.value, '$.description') END,
       CASE WHEN e.type = 'object' THEN json_type(e.value, '$.tags') END,
       CASE WHEN e.type = 'object' THEN json_extract(e.value, '$.tags') END,
       CASE WHEN e.type = 'object' THEN json_type(e.value, '$.project') END,
       CASE WHEN e.type = 'object' THEN json_extract(e.value, '$.project') END,
       CASE WHEN e.type = 'object' THEN json_type(e.value, '$.type') END,
       CASE WHEN e.type = 'object' THEN json_extract(e.value, '$.type') END,
       CASE WHEN e.type = 'object' THEN json_type(e.value, '$.impact') END,
       CASE WHEN e.type = 'object' THEN json_extract(e.value, '$.impact') END,
       CASE WHEN e.type = 'object' THEN json_type(e.value, '$.created_at') END,
       CASE WHEN e.type = 'object' THEN json_extract(e.value, '$.created_at') END
FROM json_each(?1) AS e;
