-- team: the achievements of the packet ?1, ?2 being their path,
-- in one walk: a row per member of each entry, and per item of a member
-- that is an array.  Columns: the entry's index and JSON type; the
-- member's node id (a member's rows share it), key, JSON type and value,
-- and for a number the number as written (what -> gives), so that it
-- reads back exactly; the item's JSON type and value.  An entry that is
-- not an object, or has no members, has one row with the rest NULL.
SELECT e.key, e.type,
       m.id, m.key, m.type, m.value,
       CASE WHEN m.type IN ('integer', 'real') THEN e.value -> m.fullkey END,
       l.type, l.value
FROM json_each(?1, ?2) AS e
LEFT JOIN json_each(CASE WHEN e.type = 'object' THEN e.value END) AS m
LEFT JOIN json_each(CASE WHEN m.type = 'array' THEN m.value END) AS l;
