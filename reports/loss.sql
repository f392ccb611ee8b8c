-- Prevented-loss: how many, and the median lead days (days before impact
-- the risk was caught) over those that record it.  The median is the
-- middle value, or the mean of the middle two: in order, past the first
-- (n - 1) / 2, one value when n is odd and two when it is even.  lead is
-- not materialized (reading it again from achievement_live_by_tag is
-- cheaper than copying it aside); its count is, so that it runs once.
WITH lead AS NOT MATERIALIZED (
    SELECT lead_days FROM report_facts
    WHERE tag = 'prevented-loss' AND lead_days IS NOT NULL
),
counted AS MATERIALIZED (
    SELECT count(*) AS n FROM lead
)
SELECT (SELECT count(*) FROM report_facts WHERE tag = 'prevented-loss'),
       (SELECT n FROM counted),
       (SELECT avg(lead_days)
        FROM (SELECT lead_days FROM lead ORDER BY lead_days
              LIMIT 2 - (SELECT n FROM counted) % 2
              OFFSET ((SELECT n FROM counted) - 1) / 2));
