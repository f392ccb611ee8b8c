-- Per tag and unit: count, total outcome (the team's) and total attributed
-- value (yours; risk-adjusted for prevented-loss), for the period and for
-- the previous cycle side by side.  attributed comes from achievement_facts.
WITH facts AS (
    SELECT 0 AS in_previous, f.tag, coalesce(f.unit, '') AS unit, f.value, f.attributed
    FROM achievement_facts AS f
    JOIN selected USING (id)
    UNION ALL
    SELECT 1, f.tag, coalesce(f.unit, ''), f.value, f.attributed
    FROM achievement_facts AS f
    JOIN previous USING (id)
)
SELECT tag,
       unit,
       count(*) FILTER (WHERE NOT in_previous) AS achievements,
       count(value) FILTER (WHERE NOT in_previous),
       coalesce(sum(value) FILTER (WHERE NOT in_previous), 0),
       coalesce(sum(attributed) FILTER (WHERE NOT in_previous), 0) AS attributed,
       count(*) FILTER (WHERE in_previous),
       count(value) FILTER (WHERE in_previous),
       coalesce(sum(value) FILTER (WHERE in_previous), 0),
       coalesce(sum(attributed) FILTER (WHERE in_previous), 0)
FROM facts
GROUP BY tag, unit
ORDER BY CASE tag WHEN 'prevented-loss' THEN 1 WHEN 'enabled-scale' THEN 2 ELSE 3 END,
         attributed DESC, achievements DESC, unit;
