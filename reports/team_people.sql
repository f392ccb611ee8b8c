-- team: one row per person, in the order their packets were named, with
-- what their achievements in the team's period (team_period) add up to:
-- count, per tag, with evidence, with a witness, touching two or more
-- orgs, claiming 100 % of a team of more than one, and distinct orgs.
-- Each list is counted once per achievement, grouped, rather than by a
-- lookup per achievement and list.
WITH mine AS MATERIALIZED (
    SELECT c.person_id, a.id, a.tag, a.share, a.team_size
    FROM team_period AS t
    JOIN claim AS c ON c.achievement_id = t.id
    JOIN achievement AS a ON a.id = t.id
),
orgs AS (
    SELECT achievement_id AS id, count(*) AS n FROM achievement_org GROUP BY achievement_id
),
counts AS (
    SELECT m.person_id,
           count(*) AS achievements,
           sum(m.tag = 'prevented-loss') AS loss,
           sum(m.tag = 'enabled-scale') AS scale,
           sum(m.tag = 'user-growth') AS growth,
           sum(m.id IN (SELECT achievement_id FROM achievement_evidence)) AS with_evidence,
           sum(m.id IN (SELECT achievement_id FROM achievement_witness)) AS with_witness,
           sum(coalesce(o.n, 0) >= 2) AS multi_org,
           sum(m.share = 100 AND m.team_size > 1) AS full_share
    FROM mine AS m
    LEFT JOIN orgs AS o ON o.id = m.id
    GROUP BY m.person_id
),
distinct_orgs AS (
    SELECT person_id, count(DISTINCT name COLLATE NOCASE) AS n
    FROM mine AS m
    JOIN achievement_org AS o ON o.achievement_id = m.id
    GROUP BY person_id
)
SELECT p.id, p.name, p.level, p.track, p.target_level, p.cycle, p.since, p.until, p.file,
       p.generated, p.redacted,
       coalesce(c.achievements, 0), coalesce(c.loss, 0), coalesce(c.scale, 0),
       coalesce(c.growth, 0), coalesce(c.with_evidence, 0), coalesce(c.with_witness, 0),
       coalesce(c.multi_org, 0), coalesce(c.full_share, 0), coalesce(d.n, 0)
FROM person AS p
LEFT JOIN counts AS c ON c.person_id = p.id
LEFT JOIN distinct_orgs AS d ON d.person_id = p.id
ORDER BY p.id;
