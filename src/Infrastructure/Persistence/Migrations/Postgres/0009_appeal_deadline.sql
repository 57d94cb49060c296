-- The last day (LSP calendar) a BK result of a decided exam can be appealed; earlier decisions get the 14 days of
-- every seeded scheme, counted from the decision's day.
ALTER TABLE exams ADD COLUMN appeal_deadline date NULL;
UPDATE exams SET appeal_deadline = (decided_at AT TIME ZONE 'Asia/Jakarta')::date + 14 WHERE decided_at IS NOT NULL;
