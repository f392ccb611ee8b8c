-- team: the team period's achievements for the team totals: id, tag,
-- unit ('' for none), value and attributed value, by tag and unit.
SELECT f.id, f.tag, coalesce(f.unit, ''), f.value, f.attributed
FROM team_period AS t
JOIN achievement_facts AS f ON f.id = t.id
ORDER BY f.tag, coalesce(f.unit, ''), f.id;
