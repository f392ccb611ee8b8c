-- add --json: what the document ?1 is, before its members are read:
-- whether it is valid JSON, its type, and for an array its length and the
-- type of its first element.  json_type() raises an error on invalid
-- JSON: CASE keeps it away.
SELECT json_valid(?1),
       CASE WHEN json_valid(?1) THEN json_type(?1) END,
       CASE WHEN json_valid(?1) THEN json_array_length(?1) END,
       CASE WHEN json_valid(?1) THEN json_type(?1, '$[0]') END;
