-- `rubric reset`: no stored rubric, so the built-in one is in use again.
DELETE FROM rubric;
