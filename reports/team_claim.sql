-- team: one achievement of an over-claim, ?1 its id in the team database:
-- its id in its person's log, title, share, attributed value and unit.
SELECT c.packet_id, f.title, f.share, f.attributed, coalesce(f.unit, '')
FROM achievement_facts AS f
JOIN claim AS c ON c.achievement_id = f.id
WHERE f.id = ?1;
