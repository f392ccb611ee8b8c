-- The report's rows when a filter is given: the achievements whose ids
-- il_filter_select put in the temporary table selected.  The same views as
-- select_all.sql, so the sections read the same names either way.
DROP VIEW IF EXISTS temp.report_facts;
DROP VIEW IF EXISTS temp.report_org;
DROP VIEW IF EXISTS temp.report_evidence;
DROP VIEW IF EXISTS temp.report_witness;

CREATE TEMP VIEW report_facts AS
SELECT * FROM achievement_facts WHERE id IN (SELECT id FROM selected);

CREATE TEMP VIEW report_org AS
SELECT * FROM achievement_org WHERE achievement_id IN (SELECT id FROM selected);

CREATE TEMP VIEW report_evidence AS
SELECT * FROM achievement_evidence WHERE achievement_id IN (SELECT id FROM selected);

CREATE TEMP VIEW report_witness AS
SELECT * FROM achievement_witness WHERE achievement_id IN (SELECT id FROM selected);
