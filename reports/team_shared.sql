-- team: every evidence item of the team period's achievements, compared
-- without case (they are stored trimmed), by tag and item, then person
-- and achievement: tag, the item's key and name as written, the
-- achievement, whose it is, and its share.  team.c groups the rows: an
-- item two or more people have in common makes one outcome, and an
-- over-claim when their shares add up past 100 %.  One sort here costs
-- less than grouping in SQL twice.
SELECT a.tag, lower(e.name), e.name, t.id, c.person_id, a.share
FROM team_period AS t
JOIN claim AS c ON c.achievement_id = t.id
JOIN achievement AS a ON a.id = t.id
JOIN achievement_evidence AS e ON e.achievement_id = t.id
ORDER BY 1, 2, 5, 4;
