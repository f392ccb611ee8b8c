-- team: the achievements of person ?1, replaced by a later packet; the
-- lists and claims go with them (ON DELETE CASCADE).
DELETE FROM achievement WHERE id IN (SELECT achievement_id FROM claim WHERE person_id = ?1);
