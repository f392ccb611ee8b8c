-- Overview: how many achievements the period holds, the first and last
-- day logged (for the month chart of an open-ended period), and how many
-- the previous cycle held.  Views: report_facts (the period, see
-- select_all.sql); temp table previous (the previous cycle; empty without
-- --cycle).  min and max are subqueries of their own so that each is one
-- step along the date index rather than part of a scan.
SELECT (SELECT count(*) FROM report_facts),
       (SELECT min(date) FROM report_facts),
       (SELECT max(date) FROM report_facts),
       (SELECT count(*) FROM previous);
