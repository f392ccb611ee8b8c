-- list's table: the achievements in the temporary table selected, newest
-- first, with the attributed value that achievement_facts defines.
SELECT a.id, a.date, a.tag, a.title, a.attributed, a.unit
FROM achievement_facts AS a
JOIN selected USING (id)
ORDER BY a.date DESC, a.id DESC;
