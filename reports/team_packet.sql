-- team: the members of the JSON object ?1 at path ?2 ('$' for the packet
-- itself, '$' of its profile's JSON, ...), in document order: key, JSON
-- type and value (the JSON text of an object).  The achievements are read
-- apart (team_entries.sql), so their text is not copied here.  An array or
-- a lone value gives rows whose key is not text.
SELECT key, type, CASE WHEN key = 'achievements' THEN NULL ELSE value END
FROM json_each(?1, ?2);
