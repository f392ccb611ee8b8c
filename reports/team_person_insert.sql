-- team: one packet's person, ?1 file to ?12 redacted in the columns'
-- order; RETURNING gives the new id.
INSERT INTO person (file, name, level, track, target_level, manager, cycle, since, until,
                    generated, redacted)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
RETURNING id;
