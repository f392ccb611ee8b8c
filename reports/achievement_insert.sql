-- Stores one achievement with the id it has.  The parameters come in the
-- order every INSERT and the UPDATE bind them: ?1 uid to ?14 note, then
-- ?15 the id.  A record without a uid gets a random one, which RETURNING
-- gives back.
INSERT INTO achievement (id, uid, date, tag, title, value, unit, baseline, share,
                         team_size, likelihood, lead_days, confidence, project, note)
VALUES (?15, coalesce(?1, lower(hex(randomblob(16)))), ?2, ?3, ?4, ?5, ?6, ?7,
        ?8, ?9, ?10, ?11, ?12, ?13, ?14)
RETURNING uid;
