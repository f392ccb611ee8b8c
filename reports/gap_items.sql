-- Visibility gaps, listed: the newest ?2 achievements with gap ?1
-- ('no-evidence', 'no-witness' or 'full-share-of-team').  Walks back from
-- the newest day until it has ?2, so the caller skips a gap it counted
-- none of.
SELECT a.id, a.date, a.tag, a.title, a.share, a.team_size
FROM report_facts AS a
WHERE CASE ?1
          WHEN 'no-evidence' THEN NOT EXISTS (SELECT 1 FROM achievement_evidence AS e
                                              WHERE e.achievement_id = a.id)
          WHEN 'no-witness' THEN NOT EXISTS (SELECT 1 FROM achievement_witness AS w
                                             WHERE w.achievement_id = a.id)
          ELSE a.share = 100 AND a.team_size > 1
      END
ORDER BY a.date DESC, a.id DESC
LIMIT ?2;
