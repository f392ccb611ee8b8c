-- Enabled-scale: how many, how many have a scale factor (value / baseline,
-- from achievement_facts), the median factor and the achievement with the
-- largest.
WITH scale AS (
    SELECT f.id, f.title, coalesce(f.unit, '') AS unit, f.scale_factor
    FROM achievement_facts AS f
    JOIN selected USING (id)
    WHERE f.tag = 'enabled-scale'
),
factors AS (
    SELECT scale_factor,
           row_number() OVER (ORDER BY scale_factor) AS position,
           count(*) OVER () AS total
    FROM scale
    WHERE scale_factor IS NOT NULL
),
largest AS (
    SELECT id, title, unit, scale_factor
    FROM scale
    WHERE scale_factor IS NOT NULL
    ORDER BY scale_factor DESC, id
    LIMIT 1
)
SELECT (SELECT count(*) FROM scale),
       (SELECT count(*) FROM factors),
       (SELECT avg(scale_factor) FROM factors
        WHERE position IN ((total + 1) / 2, (total + 2) / 2)),
       largest.id,
       largest.title,
       largest.unit,
       largest.scale_factor
FROM (SELECT 1) LEFT JOIN largest;
