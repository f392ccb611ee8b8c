-- rm: moves achievement ? to the trash, stamped with the time it went
-- there.  One already in the trash keeps its stamp.
UPDATE achievement
SET deleted_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
WHERE id = ? AND deleted_at IS NULL;
