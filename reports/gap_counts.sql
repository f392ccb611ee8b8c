-- Visibility gaps, counted: achievements with no evidence, with no witness,
-- and those claiming a 100% share of a team of more than one.
SELECT coalesce(sum(NOT EXISTS (SELECT 1 FROM achievement_evidence AS e
                                WHERE e.achievement_id = a.id)), 0),
       coalesce(sum(NOT EXISTS (SELECT 1 FROM achievement_witness AS w
                                WHERE w.achievement_id = a.id)), 0),
       coalesce(sum(a.share = 100 AND a.team_size > 1), 0)
FROM achievement AS a
JOIN selected USING (id);
