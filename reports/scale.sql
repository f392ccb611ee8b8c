-- Enabled-scale: how many, how many have a scale factor (value / baseline,
-- from achievement_facts), the median factor (as in loss.sql) and the
-- achievement with the largest.  factors is not materialized (reading it
-- again from achievement_live_by_tag is cheaper than copying it aside);
-- its count is, so that it runs once.
WITH factors AS NOT MATERIALIZED (
    SELECT id, scale_factor FROM report_facts
    WHERE tag = 'enabled-scale' AND scale_factor IS NOT NULL
),
counted AS MATERIALIZED (
    SELECT count(*) AS n FROM factors
),
largest AS (
    SELECT id, scale_factor FROM factors ORDER BY scale_factor DESC, id LIMIT 1
)
SELECT (SELECT count(*) FROM report_facts WHERE tag = 'enabled-scale'),
       (SELECT n FROM counted),
       (SELECT avg(scale_factor)
        FROM (SELECT scale_factor FROM factors ORDER BY scale_factor
              LIMIT 2 - (SELECT n FROM counted) % 2
              OFFSET ((SELECT n FROM counted) - 1) / 2)),
       l.id,
       f.title,
       coalesce(f.unit, ''),
       l.scale_factor
FROM (SELECT 1)
LEFT JOIN largest AS l
LEFT JOIN achievement_facts AS f ON f.id = l.id;
