-- list --format json: one row per achievement whose id il_filter_select
-- put in the temporary table selected, newest first.  Each column is one
-- key of the object, by its name, and cmd_list.c writes the objects: text
-- comes as JSON already (json_quote, json_group_array, lists in their
-- stored order), numbers come as numbers, which cmd_list.c writes by the
-- shortest text that reads back as the same double.  json_object would
-- print them with 15 significant digits: 33.333333333333336 as
-- 33.3333333333333, a different double.
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
       (SELECT json_group_array(name)
        FROM (SELECT name FROM achievement_evidence
              WHERE achievement_id = a.id ORDER BY position)) AS evidence,
       (SELECT json_group_array(name)
        FROM (SELECT name FROM achievement_witness
              WHERE achievement_id = a.id ORDER BY position)) AS witnesses,
       json_quote(a.note) AS note
FROM achievement AS a
JOIN selected USING (id)
ORDER BY a.date DESC, a.id DESC;
