-- The assessments an amendment replaced, oldest first (JSON, each with its time and amendment reason).
ALTER TABLE exam_participants ADD COLUMN assessment_history TEXT NULL;
