-- Overview: how many achievements the period holds, the first and last
-- day logged (for the month chart of an open-ended period), and how many
-- the previous cycle held.  Temp tables: selected (the period), previous
-- (the previous cycle; empty without --cycle).
SELECT count(*),
       min(a.date),
       max(a.date),
       (SELECT count(*) FROM previous)
FROM achievement AS a
JOIN selected USING (id);
