-- team --xlsx: the Achievements sheet's report views over the team's
-- period, and a table for each person's label (team.c makes them).
DELETE FROM selected;
INSERT INTO selected SELECT id FROM team_period;
CREATE TEMP TABLE IF NOT EXISTS team_label (id INTEGER PRIMARY KEY, label TEXT NOT NULL);
DELETE FROM team_label;
