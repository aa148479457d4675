-- How deep an assessment's questionnaire goes (quick path or full depth), and history rows that
-- record an answer implied by a missing foundation, or no longer implied.
ALTER TABLE assessments ADD COLUMN depth TEXT NOT NULL DEFAULT 'full';
ALTER TABLE answer_history ADD COLUMN implied_by TEXT;
