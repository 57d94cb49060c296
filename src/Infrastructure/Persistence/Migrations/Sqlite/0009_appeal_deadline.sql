-- The last day (LSP calendar) a BK result of a decided exam can be appealed; earlier decisions get the 14 days of
-- every seeded scheme, counted from the decision's day.
ALTER TABLE exams ADD COLUMN appeal_deadline TEXT NULL;
UPDATE exams SET appeal_deadline = date(substr(decided_at, 1, 10), '+14 days') WHERE decided_at IS NOT NULL;
