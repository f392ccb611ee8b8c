-- Achievements per month by tag, for every month from ?1 to ?2 (days,
-- YYYY-MM-DD), empty months included.  A month after the month of ?3 (the
-- generated date) is marked future: nothing logged there is no gap yet.
WITH RECURSIVE month (start) AS (
    SELECT date(?1, 'start of month')
    UNION ALL
    SELECT date(start, '+1 month') FROM month
    WHERE start < date(?2, 'start of month')
),
logged AS (
    SELECT substr(date, 1, 7) AS month,
           count(*) AS achievements,
           sum(tag = 'prevented-loss') AS loss,
           sum(tag = 'enabled-scale') AS scale,
           sum(tag = 'user-growth') AS growth
    FROM report_facts
    GROUP BY month
)
SELECT substr(m.start, 1, 7),
       coalesce(l.achievements, 0),
       coalesce(l.loss, 0),
       coalesce(l.scale, 0),
       coalesce(l.growth, 0),
       m.start > date(?3, 'start of month')
FROM month AS m
LEFT JOIN logged AS l ON l.month = substr(m.start, 1, 7)
ORDER BY m.start;
