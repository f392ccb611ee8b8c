-- Prevented-loss: how many, and the median lead days (days before impact
-- the risk was caught) over those that record it.
WITH loss AS (
    SELECT f.lead_days
    FROM achievement_facts AS f
    JOIN selected USING (id)
    WHERE f.tag = 'prevented-loss'
),
lead AS (
    SELECT lead_days,
           row_number() OVER (ORDER BY lead_days) AS position,
           count(*) OVER () AS total
    FROM loss
    WHERE lead_days IS NOT NULL
)
SELECT (SELECT count(*) FROM loss),
       (SELECT count(*) FROM lead),
       (SELECT avg(lead_days) FROM lead
        WHERE position IN ((total + 1) / 2, (total + 2) / 2));
