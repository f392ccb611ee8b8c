-- The xlsx Achievements sheet: every achievement of the period (the view
-- report_facts, see select_all.sql), oldest first, one row each, in the
-- sheet's column order.  attributed and scale_factor come from
-- achievement_facts: the workbook caches them beside the formulas that
-- recompute them.  likelihood is the stored one (NULL when not given,
-- which the sheet's formula reads as 100).  Orgs and evidence come joined
-- with '; ' as the cells show them; witnesses come joined with char(31) so
-- that the renderer can reduce each name to initials.  With ?1 (redact) the
-- evidence and note are left out here, so they never reach the renderer;
-- the project stays, as in every redacted report, and so do the counts of
-- orgs, evidence and witnesses that readiness measures.
SELECT f.id,
       f.date,
       f.tag,
       f.title,
       f.value,
       f.unit,
       f.baseline,
       f.share,
       f.team_size,
       f.likelihood,
       f.attributed,
       f.scale_factor,
       f.lead_days,
       f.confidence,
       (SELECT group_concat(name, '; ')
        FROM (SELECT name FROM achievement_org
              WHERE achievement_id = f.id ORDER BY position)),
       CASE WHEN ?1 THEN NULL ELSE
       (SELECT group_concat(name, '; ')
        FROM (SELECT name FROM achievement_evidence
              WHERE achievement_id = f.id ORDER BY position)) END,
       (SELECT group_concat(name, char(31))
        FROM (SELECT name FROM achievement_witness
              WHERE achievement_id = f.id ORDER BY position)),
       CASE WHEN ?1 THEN NULL ELSE f.note END,
       f.project,
       (SELECT count(*) FROM achievement_org WHERE achievement_id = f.id),
       (SELECT count(*) FROM achievement_evidence WHERE achievement_id = f.id),
       (SELECT count(*) FROM achievement_witness WHERE achievement_id = f.id)
FROM report_facts AS f
ORDER BY f.date, f.id;
