-- Breadth: distinct orgs touched, achievements touching two or more orgs,
-- and achievements touching none.  An org named twice in one achievement
-- counts once.  Read from achievement_org alone, in its primary key's
-- order, so that no sort is needed.
WITH per_achievement AS (
    SELECT o.achievement_id, count(DISTINCT o.name) AS orgs
    FROM achievement_org AS o
    JOIN selected AS s ON s.id = o.achievement_id
    GROUP BY o.achievement_id
)
SELECT (SELECT count(DISTINCT o.name)
        FROM achievement_org AS o
        JOIN selected AS s ON s.id = o.achievement_id),
       coalesce(sum(orgs >= 2), 0),
       (SELECT count(*) FROM selected) - count(*)
FROM per_achievement;
