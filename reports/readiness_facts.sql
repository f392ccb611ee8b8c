-- What readiness measures, one row per achievement of the period (the
-- report_facts views of select_all.sql or select_filtered.sql), in id order:
-- the fields a rubric's `where` can test, the month, and how many orgs,
-- evidence items and witnesses each has.
SELECT f.id, f.tag, f.unit, f.confidence, f.value, f.attributed, f.share, f.team_size,
       f.lead_days, f.scale_factor, substr(f.date, 1, 7),
       (SELECT count(*) FROM report_org AS o WHERE o.achievement_id = f.id),
       (SELECT count(*) FROM report_evidence AS e WHERE e.achievement_id = f.id),
       (SELECT count(*) FROM report_witness AS w WHERE w.achievement_id = f.id)
FROM report_facts AS f
ORDER BY f.id;
