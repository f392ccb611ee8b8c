-- team: what the private database of the team view holds besides the
-- schema every log has.  A person per packet, and per achievement whose
-- it is and its id in that person's own log ("#12" in their packet).
-- A claim is stored before the batch that holds its achievement, and
-- before its person, whose keys may come after the achievements: its
-- foreign keys are checked at the end.
CREATE TABLE person (
    id           INTEGER PRIMARY KEY,
    file         TEXT NOT NULL,
    name         TEXT NOT NULL,
    level        TEXT NOT NULL DEFAULT '',
    track        TEXT NOT NULL DEFAULT '',
    target_level TEXT NOT NULL DEFAULT '',
    manager      TEXT NOT NULL DEFAULT '',
    cycle        TEXT NOT NULL DEFAULT '',
    since        TEXT NOT NULL DEFAULT '',
    until        TEXT NOT NULL DEFAULT '',
    generated    TEXT NOT NULL,
    redacted     INTEGER NOT NULL
);

CREATE TABLE claim (
    achievement_id INTEGER PRIMARY KEY REFERENCES achievement (id)
                   ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    person_id      INTEGER NOT NULL REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    packet_id      INTEGER NOT NULL
);
CREATE INDEX claim_by_person ON claim (person_id, achievement_id);
