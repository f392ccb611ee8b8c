-- team: one packet's person, ?1 file to ?11 redacted in the columns'
-- order, with the id ?12 its claims were stored under.
INSERT INTO person (file, name, level, track, target_level, manager, cycle, since, until,
                    generated, redacted, id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12);
