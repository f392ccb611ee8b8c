-- check's search index check: one row, the message, only when the
-- full-text index (kept by the triggers of schema/0001-init.sql) holds
-- another number of entries than there are achievements.
SELECT format('%d achievements but %d search entries',
              (SELECT count(*) FROM achievement),
              (SELECT count(*) FROM achievement_fts))
WHERE (SELECT count(*) FROM achievement) != (SELECT count(*) FROM achievement_fts);
