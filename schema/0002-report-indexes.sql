-- Indexes for the report queries (reports/*.sql).  Their upkeep is paid
-- on every add and import (about 0.26 s per 100k imported rows for these
-- three), so each earns its place in report time.
--
-- achievement_live_by_tag holds live achievements only (deleted_at IS NULL,
-- the report's own condition) and starts with the columns the totals group
-- by, then id, so that:
--   - the totals read it in their GROUP BY order and never sort;
--   - within a group the rows come in id order, the order in which the
--     sums were always added up, so the totals keep every bit;
--   - a new achievement (the next id) lands at the end of its group, not at
--     a random place, which keeps its upkeep low.
-- Its trailing columns make it covering for the sections that read it: the
-- rows of the table are far wider (titles, notes) and never read.
-- deleted_at is among them although always NULL: SQLite (3.40) reads a
-- partial index as covering only when it holds the columns of its WHERE.

-- The trash, for telling live list rows (orgs, evidence, witnesses) from
-- deleted ones without a lookup per row.
CREATE INDEX achievement_trash ON achievement (id) WHERE deleted_at IS NOT NULL;

-- Totals by tag and unit; counts and medians per tag; the top list; the
-- rows that months and By project sort.
CREATE INDEX achievement_live_by_tag ON achievement
    (tag, unit, id, value, share, likelihood, baseline, team_size, lead_days, date,
     project, deleted_at)
    WHERE deleted_at IS NULL;

-- By project has no index of its own: one in (project, unit, id) order
-- spared its sort (0.4 s of a 1M report, 0.03 s at 100k) but cost more on
-- import than these three together (0.37 s per 100k rows).

-- Orgs per achievement without duplicates, in id order: breadth and By org.
CREATE INDEX achievement_org_by_achievement ON achievement_org (achievement_id, name);
