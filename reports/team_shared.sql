-- team: the evidence items that achievements of two or more people, with
-- the same tag, have in common, compared without case (they are stored
-- trimmed): one row per item and achievement, by tag and item, with the
-- item as first written, whose the achievement is, and the group's shares
-- added up.  team.c makes outcomes and over-claims of them.
WITH item AS (
    SELECT DISTINCT t.id, c.person_id, a.tag, a.share, lower(e.name) AS key
    FROM team_period AS t
    JOIN claim AS c ON c.achievement_id = t.id
    JOIN achievement AS a ON a.id = t.id
    JOIN achievement_evidence AS e ON e.achievement_id = t.id
),
shared AS (
    SELECT tag, key, total(share) AS total_share
    FROM item
    GROUP BY tag, key
    HAVING count(DISTINCT person_id) >= 2
)
SELECT s.tag, s.key,
       (SELECT e.name FROM achievement_evidence AS e JOIN item AS j ON j.id = e.achievement_id
        WHERE j.tag = s.tag AND j.key = s.key AND lower(e.name) = s.key
        ORDER BY e.achievement_id, e.position LIMIT 1),
       s.total_share, i.id, i.person_id
FROM shared AS s
JOIN item AS i ON i.tag = s.tag AND i.key = s.key
ORDER BY s.tag, s.key, i.person_id, i.id;
