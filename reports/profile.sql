-- Who the report is about: the single profile row, if any.
SELECT coalesce(name, ''),
       coalesce(level, ''),
       coalesce(track, ''),
       coalesce(target_level, ''),
       coalesce(manager, '')
FROM profile
WHERE id = 1;
