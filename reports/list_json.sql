-- list --format json: one JSON object per achievement whose id
-- il_filter_select put in the temporary table selected, newest first.  The
-- lists come as JSON arrays in their stored order; json() keeps them arrays
-- rather than strings inside the object.
SELECT json_object('id', a.id,
                   'uid', a.uid,
                   'date', a.date,
                   'tag', a.tag,
                   'title', a.title,
                   'value', a.value,
                   'unit', a.unit,
                   'baseline', a.baseline,
                   'share', a.share,
                   'team_size', a.team_size,
                   'likelihood', a.likelihood,
                   'lead_days', a.lead_days,
                   'confidence', a.confidence,
                   'project', a.project,
                   'orgs', json((SELECT json_group_array(name)
                                 FROM (SELECT name FROM achievement_org
                                       WHERE achievement_id = a.id ORDER BY position))),
                   'evidence', json((SELECT json_group_array(name)
                                     FROM (SELECT name FROM achievement_evidence
                                           WHERE achievement_id = a.id ORDER BY position))),
                   'witnesses', json((SELECT json_group_array(name)
                                      FROM (SELECT name FROM achievement_witness
                                            WHERE achievement_id = a.id ORDER BY position))),
                   'note', a.note)
FROM achievement AS a
JOIN selected USING (id)
ORDER BY a.date DESC, a.id DESC;
