-- team: the evidence items that achievements of two or more people, with
-- the same tag, have in common, compared without case (they are stored
-- trimmed): one row per item and achievement, by tag and item, with the
-- item as first written, whose the achievement is, and the group's shares
-- added up.  team.c makes outcomes and over-claims of them.
WITH item AS MATERIALIZED (
    SELECT t.id, c.person_id, a.tag, a.share, lower(e.name) AS key, min(e.name) AS name
    FROM team_period AS t
    JOIN claim AS c ON c.achievement_id = t.id
    JOIN achievement AS a ON a.id = t.id
    JOIN achievement_evidence AS e ON e.achievement_id = t.id
    GROUP BY t.id, lower(e.name)
),
shared AS MATERIALIZED (
    -- min(id) picks the name of the first achievement, which came first.
    SELECT tag, key, name, min(id), total(share) AS total_share
    FROM item
    GROUP BY tag, key
    HAVING count(DISTINCT person_id) >= 2
)
SELECT s.tag, s.key, s.name, s.total_share, i.id, i.person_id
FROM shared AS s
JOIN item AS i ON i.tag = s.tag AND i.key = s.key
ORDER BY s.tag, s.key, i.person_id, i.id;
