-- check's date check: the first achievement dated after ?1 (tomorrow, by the
-- command's clock), which the field rules refuse: the log records what
-- happened.  A database written before that rule may hold one.
SELECT id, date FROM achievement WHERE date > ?1 ORDER BY id LIMIT 1;
