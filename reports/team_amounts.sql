-- team: each person's attributed value per unit in the team's period,
-- largest first ('' for achievements valued without a unit).
SELECT c.person_id, coalesce(f.unit, ''), total(f.attributed) AS attributed
FROM team_period AS t
JOIN claim AS c ON c.achievement_id = t.id
JOIN achievement_facts AS f ON f.id = t.id
WHERE f.attributed IS NOT NULL
GROUP BY c.person_id, coalesce(f.unit, '')
ORDER BY c.person_id, attributed DESC, 2;
