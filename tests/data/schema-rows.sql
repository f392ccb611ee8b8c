-- The records of the longevity fixtures (tests/data/schema-vN.db, made by
-- schema-fixture.sh): what an older impactlog could have stored, written
-- in SQL that every schema version so far takes.  Units, projects and orgs
-- in several cases, white space around text, a blank list item, an org
-- named twice in one achievement, every tag, and a record in the trash.
-- Each record's lists go in before its row, whose insert trigger indexes
-- them for search (foreign keys are checked at commit).

INSERT INTO achievement_org (achievement_id, position, name) VALUES
    (1, 1, 'Payments'), (1, 2, ' Core'),
    (2, 1, 'payments '), (2, 2, 'Infra'),
    (3, 1, 'INFRA'),
    (4, 1, 'Growth'),
    (5, 1, 'PAYMENTS'), (5, 2, 'growth'), (5, 3, 'Payments'),
    (6, 1, 'Payments'),
    (8, 1, 'Core');
INSERT INTO achievement_evidence (achievement_id, position, name) VALUES
    (1, 1, 'go/cert-17 '),
    (2, 1, 'doc: design review'), (2, 2, '   '),
    (4, 1, 'https://example.com/dash?a=1,b=2'),
    (6, 1, 'go/pm-42');
INSERT INTO achievement_witness (achievement_id, position, name) VALUES
    (1, 1, 'Payments SRE Lead'), (1, 2, ' Platform Staff Engineer'),
    (2, 1, 'Infra Staff Engineer '),
    (5, 1, 'Growth PM Lead');

INSERT INTO achievement (id, uid, date, tag, title, value, unit, baseline, share,
                         team_size, likelihood, lead_days, confidence, project, note,
                         created_at, updated_at, deleted_at) VALUES
    (1, 'fixture-1', '2025-02-03', 'prevented-loss', 'Caught the cert expiry  ',
     1200000, 'usd', NULL, 40, 3, 30, 12, 'measured', 'Reliability ',
     '  Spotted it in review, two weeks early.
Wrote the runbook.  
', '2025-02-03T10:00:00Z', '2025-02-03T10:00:00Z', NULL),
    (2, 'fixture-2', '2025-04-10', 'enabled-scale', ' Sharded the queue',
     12000, 'rps', 2000, 50, 2, NULL, NULL, 'estimated', 'hermes', NULL,
     '2025-04-10T10:00:00Z', '2025-04-10T10:00:00Z', NULL),
    (3, 'fixture-3', '2025-06-30', 'enabled-scale', 'Doubled the ingest rate',
     4000, 'RPS ', 1000, 100, 1, NULL, NULL, 'measured', 'Hermes', 'Alone, over a weekend.',
     '2025-06-30T10:00:00Z', '2025-06-30T10:00:00Z', NULL),
    (4, 'fixture-4', '2025-08-15', 'user-growth', 'Launched onboarding v2',
     250000, ' Users', NULL, 25, 6, NULL, NULL, 'projected', '  ', NULL,
     '2025-08-15T10:00:00Z', '2025-08-15T10:00:00Z', NULL),
    (5, 'fixture-5', '2025-10-01', 'user-growth', 'Checkout referral programme',
     9500, 'users', 1000, 60, 4, NULL, NULL, 'measured', 'HERMES', '
  ', '2025-10-01T10:00:00Z', '2025-10-01T10:00:00Z', NULL),
    (6, 'fixture-6', '2025-11-20', 'prevented-loss', 'Rolled back a bad migration',
     50000, ' USD ', NULL, 100, 1, 50, NULL, 'estimated', 'RELIABILITY', NULL,
     '2025-11-20T10:00:00Z', '2025-11-20T10:00:00Z', NULL),
    (7, 'fixture-7', '2026-01-12', 'prevented-loss', 'Stopped a duplicate EU payout',
     8000, 'eur', NULL, 100, 2, NULL, 5, 'measured', NULL, NULL,
     '2026-01-12T10:00:00Z', '2026-01-12T10:00:00Z', NULL),
    (8, 'fixture-8', '2026-02-02', 'enabled-scale', 'Unblocked three teams',
     3, 'Teams', NULL, 70, 2, NULL, NULL, 'estimated', 'Atlas', NULL,
     '2026-02-02T10:00:00Z', '2026-02-02T10:00:00Z', NULL),
    (9, 'fixture-9', '2026-02-20', 'prevented-loss', 'In the trash',
     100, 'gbp', NULL, 100, 1, NULL, NULL, 'estimated', 'atlas', NULL,
     '2026-02-20T10:00:00Z', '2026-02-20T10:00:00Z', '2026-02-21T10:00:00Z');

INSERT INTO profile (id, name, level, track, target_level, manager) VALUES
    (1, ' Staff Engineer, Payments ', 'L6 ', 'SWE', ' L7', 'Director of Payments Engineering ');
