-- One achievement's row, in the column order il_achievement_load reads;
-- its lists are read apart.
SELECT id, uid, date, tag, title, value, unit, baseline, share, team_size,
       likelihood, lead_days, confidence, project, note, deleted_at
FROM achievement
WHERE id = ?;
