-- The secondary indexes of the achievement tables, with the CREATE INDEX
-- that builds each again: a bulk load into an empty database drops them
-- and builds them at its end.  Automatic indexes (primary keys, UNIQUE)
-- have no sql and stay.
SELECT name, sql
FROM sqlite_schema
WHERE type = 'index'
  AND sql IS NOT NULL
  AND tbl_name IN ('achievement', 'achievement_org', 'achievement_evidence',
                   'achievement_witness');
