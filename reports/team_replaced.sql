-- team: the packets another packet of the same person and period replaces
-- (the later generated; of two alike, the one named later), each with the
-- one that wins.  A name is one person whatever its case.
WITH ranked AS (
    SELECT id, file, name, generated,
           first_value(id) OVER same AS winner,
           row_number() OVER same AS n
    FROM person
    WINDOW same AS (PARTITION BY name COLLATE NOCASE, cycle, since, until
                    ORDER BY generated DESC, id DESC)
)
SELECT r.id, r.name, r.file, r.generated, w.file, w.generated
FROM ranked AS r
JOIN person AS w ON w.id = r.winner
WHERE r.n > 1
ORDER BY r.id;
