-- The workbook's Org rows sheet: every achievement of the period in the
-- Achievements sheet's order (xlsx_achievements.sql: date, then id), each
-- with its orgs in their order, or once with NULL for an achievement
-- without one, so that the renderer can count the Achievements rows.
-- orgs is how many orgs the achievement has, orgs that differ only in
-- case counting once (as in breadth.sql); the renderer leaves out such a
-- repeated org.  tag, unit and attributed are cached beside the formulas
-- that read them from the Achievements row.  Each achievement's orgs are
-- found by id, in achievement_org's primary key order.
SELECT f.id,
       f.tag,
       coalesce(f.unit, ''),
       f.attributed,
       o.name,
       (SELECT count(DISTINCT name COLLATE NOCASE) FROM report_org
        WHERE achievement_id = f.id)
FROM report_facts AS f
LEFT JOIN report_org AS o ON o.achievement_id = f.id
ORDER BY f.date, f.id, o.position;
