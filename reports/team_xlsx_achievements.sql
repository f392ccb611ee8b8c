-- team --xlsx: the Achievements sheet, as xlsx_achievements.sql gives a
-- report's (the same columns, from the same report_facts view, which here
-- stands over the team's period), with the id each person's own log gives
-- the achievement, then the Person column (team_label, from team.c) and
-- the row's id in the team database.  By person, in the packets' order,
-- then oldest first.  ?1 (redact) is unused: a packet is redacted or not
-- by its writer.
SELECT c.packet_id,
       f.date,
       f.tag,
       f.title,
       f.value,
       f.unit,
       f.baseline,
       f.share,
       f.team_size,
       f.likelihood,
       f.attributed,
       f.scale_factor,
       f.lead_days,
       f.confidence,
       (SELECT group_concat(name, '; ')
        FROM (SELECT name FROM achievement_org
              WHERE achievement_id = f.id ORDER BY position)),
       (SELECT group_concat(name, '; ')
        FROM (SELECT name FROM achievement_evidence
              WHERE achievement_id = f.id ORDER BY position)),
       (SELECT group_concat(name, char(31))
        FROM (SELECT name FROM achievement_witness
              WHERE achievement_id = f.id ORDER BY position)),
       CASE WHEN ?1 THEN NULL ELSE f.note END,
       f.project,
       (SELECT count(*) FROM achievement_org WHERE achievement_id = f.id),
       (SELECT count(*) FROM achievement_evidence WHERE achievement_id = f.id),
       (SELECT count(*) FROM achievement_witness WHERE achievement_id = f.id),
       l.label,
       f.id
FROM report_facts AS f
JOIN claim AS c ON c.achievement_id = f.id
JOIN team_label AS l ON l.id = c.person_id
ORDER BY c.person_id, f.date, f.id;
