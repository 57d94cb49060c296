-- Exam participants carry their own version: assessors saving different participants of one exam never collide.
ALTER TABLE exam_participants ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
