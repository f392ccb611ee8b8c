-- check's foreign-key check: the first broken reference as one line of
-- the message, or no row when every reference holds.
SELECT format('%s row %d refers to a missing %s', "table", rowid, parent)
FROM pragma_foreign_key_check;
