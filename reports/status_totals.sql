-- status: per tag and unit, the cycle's count, how many had a value, and
-- their attributed value (from achievement_facts, through report_facts),
-- tags in report order and the largest amount first.  The report's
-- totals.sql also compares with the previous cycle, which a glance skips.
SELECT tag, coalesce(unit, ''), count(*), count(value), coalesce(sum(attributed), 0) AS attributed
FROM report_facts
GROUP BY tag, unit
ORDER BY CASE tag WHEN 'prevented-loss' THEN 1 WHEN 'enabled-scale' THEN 2 ELSE 3 END,
         attributed DESC, unit;
