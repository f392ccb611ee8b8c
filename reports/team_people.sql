-- team: one row per person, in the order their packets were named, with
-- what their achievements in the team's period (team_period) add up to:
-- count, per tag, with evidence, with a witness, touching two or more
-- orgs, claiming 100 % of a team of more than one, and distinct orgs.
WITH mine AS (
    SELECT c.person_id, f.*,
           (SELECT count(*) FROM achievement_org AS o WHERE o.achievement_id = f.id) AS orgs,
           EXISTS (SELECT 1 FROM achievement_evidence AS e WHERE e.achievement_id = f.id)
               AS with_evidence,
           EXISTS (SELECT 1 FROM achievement_witness AS w WHERE w.achievement_id = f.id)
               AS with_witness
    FROM team_period AS t
    JOIN claim AS c ON c.achievement_id = t.id
    JOIN achievement_facts AS f ON f.id = t.id
)
SELECT p.id, p.name, p.level, p.track, p.target_level, p.cycle, p.since, p.until, p.file,
       p.generated, p.redacted,
       count(m.id),
       coalesce(sum(m.tag = 'prevented-loss'), 0),
       coalesce(sum(m.tag = 'enabled-scale'), 0),
       coalesce(sum(m.tag = 'user-growth'), 0),
       coalesce(sum(m.with_evidence), 0),
       coalesce(sum(m.with_witness), 0),
       coalesce(sum(m.orgs >= 2), 0),
       coalesce(sum(m.share = 100 AND m.team_size > 1), 0),
       (SELECT count(DISTINCT o.name COLLATE NOCASE)
        FROM team_period AS t
        JOIN claim AS c ON c.achievement_id = t.id
        JOIN achievement_org AS o ON o.achievement_id = t.id
        WHERE c.person_id = p.id)
FROM person AS p
LEFT JOIN mine AS m ON m.person_id = p.id
GROUP BY p.id
ORDER BY p.id;
