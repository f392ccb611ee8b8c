-- By org: for each org, the achievements touching it (per tag) and their
-- attributed value per unit.  One row per (org, unit); the org's counts
-- repeat on each of its rows, as does the number of distinct orgs.
-- Largest orgs first.  The (achievement, org) pairs come without
-- duplicates and in id order from achievement_org_by_achievement, and each
-- finds its achievement's facts by id, close to the one before.
WITH touch AS (
    SELECT achievement_id AS id, name COLLATE NOCASE AS org
    FROM report_org
    GROUP BY achievement_id, name COLLATE NOCASE
),
-- Orgs compare without case: 'Payments' and 'payments' are one org,
-- shown as the earliest achievement spells it.
spelling AS (
    SELECT name COLLATE NOCASE AS org, name AS shown, min(achievement_id)
    FROM report_org
    GROUP BY name COLLATE NOCASE
),
per_unit AS (
    SELECT t.org,
           coalesce(f.unit, '') AS unit,
           count(*) AS achievements,
           sum(f.tag = 'prevented-loss') AS loss,
           sum(f.tag = 'enabled-scale') AS scale,
           sum(f.tag = 'user-growth') AS growth,
           sum(f.attributed) AS attributed
    FROM touch AS t
    JOIN achievement_facts AS f USING (id)
    GROUP BY t.org, unit
)
SELECT s.shown AS org,
       sum(achievements) OVER org_rows AS org_achievements,
       sum(loss) OVER org_rows,
       sum(scale) OVER org_rows,
       sum(growth) OVER org_rows,
       unit,
       attributed,
       (SELECT count(DISTINCT org) FROM per_unit)
FROM per_unit
JOIN spelling AS s USING (org)
WINDOW org_rows AS (PARTITION BY per_unit.org)
ORDER BY org_achievements DESC, org, attributed IS NULL, attributed DESC, unit;
