-- The CSV writer's rows (export, list --format csv): the columns of
-- il_fields in order, for the achievements whose ids are in a temporary
-- table of il_filter_select.  Lists come escaped and joined as
-- il_list_join writes them.
--
-- This text is a printf format, not a statement: il_csv_write puts in the
-- table's name, then the order (ASC or DESC) twice, so that either order
-- walks achievement_by_date rather than sorting.  A percent sign that is
-- to reach SQLite must be doubled, in these comments too.
SELECT a.uid,
       a.date,
       a.tag,
       a.title,
       a.value,
       a.unit,
       a.baseline,
       a.share,
       a.team_size,
       a.likelihood,
       a.lead_days,
       a.confidence,
       a.project,
       (SELECT group_concat(replace(replace(name, '\', '\\'), ';', '\;'), ';')
        FROM (SELECT name FROM achievement_org
              WHERE achievement_id = a.id ORDER BY position)),
       (SELECT group_concat(replace(replace(name, '\', '\\'), ';', '\;'), ';')
        FROM (SELECT name FROM achievement_evidence
              WHERE achievement_id = a.id ORDER BY position)),
       (SELECT group_concat(replace(replace(name, '\', '\\'), ';', '\;'), ';')
        FROM (SELECT name FROM achievement_witness
              WHERE achievement_id = a.id ORDER BY position)),
       a.note
FROM achievement AS a
JOIN %s AS s ON s.id = a.id
ORDER BY a.date %s, a.id %s;
