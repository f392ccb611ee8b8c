-- Visibility gaps, counted: achievements with no evidence, with no witness,
-- and those claiming a 100% share of a team of more than one.  ?1: the
-- achievements in the period, from overview.sql; less those with at least
-- one evidence row (or witness row), each list read once in its primary
-- key's order rather than probed once per achievement.
SELECT ?1 - (SELECT count(*) FROM (SELECT 1 FROM report_evidence GROUP BY achievement_id)),
       ?1 - (SELECT count(*) FROM (SELECT 1 FROM report_witness GROUP BY achievement_id)),
       (SELECT count(*) FROM report_facts WHERE share = 100 AND team_size > 1);
