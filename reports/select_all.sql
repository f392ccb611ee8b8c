-- The report's rows when no filter is given: every live achievement.  The
-- sections read these views, never the tables, so that one set of queries
-- serves both this and select_filtered.sql.  Here the views stand straight
-- over the tables, so that the planner can walk the live-only indexes of
-- schema/0002 in their order, where a join with a temporary table of every
-- id would cost a lookup per achievement and a sort per section.
DROP VIEW IF EXISTS temp.report_facts;
DROP VIEW IF EXISTS temp.report_org;
DROP VIEW IF EXISTS temp.report_evidence;
DROP VIEW IF EXISTS temp.report_witness;

CREATE TEMP VIEW report_facts AS
SELECT * FROM achievement_facts WHERE deleted_at IS NULL;

-- The list tables have no deleted_at.  A list row counts unless its
-- achievement is in the trash, which is small: a probe of the trash index
-- per row, where a join with the live achievements would be a lookup.
CREATE TEMP VIEW report_org AS
SELECT * FROM achievement_org
WHERE achievement_id NOT IN (SELECT id FROM achievement WHERE deleted_at IS NOT NULL);

CREATE TEMP VIEW report_evidence AS
SELECT * FROM achievement_evidence
WHERE achievement_id NOT IN (SELECT id FROM achievement WHERE deleted_at IS NOT NULL);

CREATE TEMP VIEW report_witness AS
SELECT * FROM achievement_witness
WHERE achievement_id NOT IN (SELECT id FROM achievement WHERE deleted_at IS NOT NULL);
