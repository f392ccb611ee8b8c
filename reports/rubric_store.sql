-- `rubric import`: the rubric in use from now on, as the CSV it was read
-- from (checked before it gets here).  ?1: the text.
INSERT INTO rubric (id, csv) VALUES (1, ?1)
ON CONFLICT (id) DO UPDATE SET csv = excluded.csv,
    imported_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
