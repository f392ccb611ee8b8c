-- Replaces the stored columns of achievement ?15, bound in the order of
-- achievement_insert.sql.
UPDATE achievement
SET uid = ?1,
    date = ?2,
    tag = ?3,
    title = ?4,
    value = ?5,
    unit = ?6,
    baseline = ?7,
    share = ?8,
    team_size = ?9,
    likelihood = ?10,
    lead_days = ?11,
    confidence = ?12,
    project = ?13,
    note = ?14,
    updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
WHERE id = ?15;
