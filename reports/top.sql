-- The top achievements of one tag (?1) by attributed value, at most ?2 of
-- them, with every field the quantified line needs.  With ?3 (redact) the
-- evidence and note are left out; witnesses come joined with char(31) so
-- that the caller can reduce each to initials.  The ranking reads only the
-- numbers (from achievement_live_by_tag); the text and lists are fetched
-- for the ?2 winners alone.
WITH ranked AS (
    SELECT id
    FROM report_facts
    WHERE tag = ?1
    ORDER BY attributed DESC NULLS LAST, scale_factor DESC NULLS LAST, date DESC, id DESC
    LIMIT ?2
)
SELECT f.id,
       f.date,
       f.tag,
       f.title,
       f.value,
       coalesce(f.unit, ''),
       f.baseline,
       f.share,
       f.team_size,
       f.effective_likelihood,
       f.lead_days,
       f.attributed,
       f.scale_factor,
       f.confidence,
       coalesce(f.project, ''),
       (SELECT coalesce(group_concat(name, ', '), '')
        FROM (SELECT name FROM achievement_org
              WHERE achievement_id = f.id ORDER BY position)),
       CASE WHEN ?3 THEN '' ELSE
       (SELECT coalesce(group_concat(name, ', '), '')
        FROM (SELECT name FROM achievement_evidence
              WHERE achievement_id = f.id ORDER BY position)) END,
       (SELECT coalesce(group_concat(name, char(31)), '')
        FROM (SELECT name FROM achievement_witness
              WHERE achievement_id = f.id ORDER BY position)),
       CASE WHEN ?3 THEN '' ELSE coalesce(f.note, '') END
FROM ranked
JOIN achievement_facts AS f USING (id)
ORDER BY f.attributed DESC NULLS LAST, f.scale_factor DESC NULLS LAST, f.date DESC, f.id DESC;
