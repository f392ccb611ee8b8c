-- Who the report is about: the single profile row, if any, in the order
-- the profile command prints its fields.
SELECT coalesce(name, ''),
       coalesce(level, ''),
       coalesce(track, ''),
       coalesce(target_level, ''),
       coalesce(manager, '')
FROM profile
WHERE id = 1;
