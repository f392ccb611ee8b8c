-- status and remind: the newest achievement not in the trash, by its date
-- (the newest id among that day's), walking achievement_by_date from its
-- top; no row for a log with none.
SELECT id, date
FROM achievement
WHERE deleted_at IS NULL
ORDER BY date DESC, id DESC
LIMIT 1;
