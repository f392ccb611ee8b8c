-- By project: for each project, its achievements (per tag) and their
-- attributed value per unit.  One row per (project, unit); achievements
-- with no project form the group '' and come last.  Projects that differ
-- only in case are one, shown as the earliest achievement spells it.
-- Grouped by the stored project and unit, as always: a project stored as
-- '' (which only direct SQL can do) makes a group of its own beside the
-- NULL ones.  The rows come from achievement_live_by_tag and are sorted:
-- an index in this order cost more on import than it saved here (see
-- schema/0002).
WITH per_unit AS (
    SELECT coalesce(f.project, '') COLLATE NOCASE AS project,
           coalesce(f.unit, '') AS unit,
           count(*) AS achievements,
           sum(f.tag = 'prevented-loss') AS loss,
           sum(f.tag = 'enabled-scale') AS scale,
           sum(f.tag = 'user-growth') AS growth,
           sum(f.attributed) AS attributed
    FROM report_facts AS f
    GROUP BY f.project COLLATE NOCASE, f.unit
),
spelling AS (
    SELECT project COLLATE NOCASE AS project, project AS shown, min(id)
    FROM report_facts
    WHERE project IS NOT NULL
    GROUP BY project COLLATE NOCASE
)
SELECT coalesce(s.shown, '') AS name,
       sum(achievements) OVER project_rows AS project_achievements,
       sum(loss) OVER project_rows,
       sum(scale) OVER project_rows,
       sum(growth) OVER project_rows,
       unit,
       attributed
FROM per_unit
LEFT JOIN spelling AS s USING (project)
WINDOW project_rows AS (PARTITION BY per_unit.project)
ORDER BY per_unit.project = '', project_achievements DESC, name, attributed IS NULL,
         attributed DESC, unit;
