-- Breadth: achievements touching two or more orgs, and achievements
-- touching none (?1: the achievements in the period, from overview.sql).
-- An org named twice in one achievement, in whatever case, counts once.
-- Read from achievement_org_by_achievement in its order, so that no sort
-- is needed.
-- The distinct orgs are counted by by_org.sql, which lists them.
WITH per_achievement AS (
    SELECT count(DISTINCT name COLLATE NOCASE) AS orgs FROM report_org GROUP BY achievement_id
)
SELECT coalesce(sum(orgs >= 2), 0),
       ?1 - count(*)
FROM per_achievement;
