-- list --format json and the packet of report --json: one row per
-- achievement whose id il_filter_select put in the temporary table
-- selected, newest first.  Each column is one key of the object, by its
-- name, and json_out.c writes the objects: text comes as JSON already
-- (json_quote, json_group_array, lists in their stored order), numbers come
-- as numbers, which json_out.c writes by the shortest text that reads back
-- as the same double.  json_object would print them with 15 significant
-- digits: 33.333333333333336 as 33.3333333333333, a different double.
-- With ?1 (redact), evidence and the note are left out and each witness is
-- reduced to initials (impactlog_initials, which json_out.c defines).
SELECT a.id AS id,
       json_quote(a.uid) AS uid,
       json_quote(a.date) AS date,
       json_quote(a.tag) AS tag,
       json_quote(a.title) AS title,
       a.value AS value,
       json_quote(a.unit) AS unit,
       a.baseline AS baseline,
       a.share AS share,
       a.team_size AS team_size,
       a.likelihood AS likelihood,
       a.lead_days AS lead_days,
       json_quote(a.confidence) AS confidence,
       json_quote(a.project) AS project,
       (SELECT json_group_array(name)
        FROM (SELECT name FROM achievement_org
              WHERE achievement_id = a.id ORDER BY position)) AS orgs,
       CASE WHEN ?1 THEN '[]' ELSE
       (SELECT json_group_array(name)
        FROM (SELECT name FROM achievement_evidence
              WHERE achievement_id = a.id ORDER BY position)) END AS evidence,
       (SELECT json_group_array(CASE WHEN ?1 THEN impactlog_initials(name) ELSE name END)
        FROM (SELECT name FROM achievement_witness
              WHERE achievement_id = a.id ORDER BY position)) AS witnesses,
       CASE WHEN ?1 THEN 'null' ELSE json_quote(a.note) END AS note
FROM achievement AS a
JOIN selected USING (id)
ORDER BY a.date DESC, a.id DESC;
