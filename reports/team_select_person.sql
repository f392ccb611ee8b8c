-- team: person ?1's achievements in the team's period into the (emptied)
-- table selected, which the report views of select_filtered.sql read, for
-- readiness to measure.
INSERT INTO selected (id)
SELECT c.achievement_id
FROM claim AS c
JOIN team_period AS t ON t.id = c.achievement_id
WHERE c.person_id = ?1;
