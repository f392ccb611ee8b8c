-- The rubric stored by `rubric import`, if any: its CSV text.
SELECT csv FROM rubric WHERE id = 1;
