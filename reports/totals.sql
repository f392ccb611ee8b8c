-- Per tag and unit: count, total outcome (the team's) and total attributed
-- value (yours; risk-adjusted for prevented-loss), for the period and for
-- the previous cycle side by side.  attributed comes from achievement_facts.
-- Each side is grouped on its own, the period straight from
-- achievement_live_by_tag in its order; the sides then meet on (tag, unit).
WITH period AS (
    SELECT tag, unit, count(*) AS achievements, count(value) AS valued,
           sum(value) AS outcome, sum(attributed) AS attributed
    FROM report_facts
    GROUP BY tag, unit
),
before AS (
    SELECT f.tag, f.unit, count(*) AS achievements, count(f.value) AS valued,
           sum(f.value) AS outcome, sum(f.attributed) AS attributed
    FROM achievement_facts AS f
    JOIN previous USING (id)
    GROUP BY f.tag, f.unit
),
-- A unit is never '' (the schema checks), so grouping by unit is grouping
-- by the coalesce(unit, '') shown.
groups AS (
    SELECT tag, unit FROM period
    UNION
    SELECT tag, unit FROM before
)
SELECT g.tag,
       coalesce(g.unit, '') AS unit,
       coalesce(p.achievements, 0) AS achievements,
       coalesce(p.valued, 0),
       coalesce(p.outcome, 0),
       coalesce(p.attributed, 0) AS attributed,
       coalesce(b.achievements, 0),
       coalesce(b.valued, 0),
       coalesce(b.outcome, 0),
       coalesce(b.attributed, 0)
FROM groups AS g
LEFT JOIN period AS p ON p.tag = g.tag AND p.unit IS g.unit
LEFT JOIN before AS b ON b.tag = g.tag AND b.unit IS g.unit
ORDER BY CASE g.tag WHEN 'prevented-loss' THEN 1 WHEN 'enabled-scale' THEN 2 ELSE 3 END,
         attributed DESC, achievements DESC, unit;
