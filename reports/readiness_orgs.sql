-- The period's orgs, by achievement id, for readiness's `orgs` measure.
SELECT achievement_id, name FROM report_org ORDER BY achievement_id, position;
