-- Indexes for search, in one statement, every achievement a bulk load
-- stored (ids from ?1 on), as the insert trigger of schema/0001-init.sql
-- would have one by one.
INSERT INTO achievement_fts (rowid, title, note, project, orgs, evidence, witnesses)
SELECT * FROM achievement_search WHERE id >= ?;
