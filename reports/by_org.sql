-- By org: for each org, the achievements touching it (per tag) and their
-- attributed value per unit.  One row per (org, unit); the org's counts
-- repeat on each of its rows.  Largest orgs first.
WITH touch AS (
    SELECT DISTINCT o.achievement_id AS id, o.name AS org
    FROM achievement_org AS o
    JOIN selected AS s ON s.id = o.achievement_id
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
SELECT org,
       sum(achievements) OVER org_rows AS org_achievements,
       sum(loss) OVER org_rows,
       sum(scale) OVER org_rows,
       sum(growth) OVER org_rows,
       unit,
       attributed
FROM per_unit
WINDOW org_rows AS (PARTITION BY org)
ORDER BY org_achievements DESC, org, attributed IS NULL, attributed DESC, unit;
