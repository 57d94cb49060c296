-- A participant's status: enrolled, assessed, absent, withdrawn or decided, with the note or reason of an absence or withdrawal.
ALTER TABLE exam_participants ADD COLUMN status TEXT NOT NULL DEFAULT 'enrolled';
ALTER TABLE exam_participants ADD COLUMN status_note TEXT NULL;
UPDATE exam_participants SET status = CASE WHEN result IS NOT NULL THEN 'decided' WHEN assessment IS NOT NULL THEN 'assessed' ELSE 'enrolled' END;
