-- How deep an assessment's questionnaire goes (quick path or full depth); history rows that
-- record an answer implied by a missing foundation, or no longer implied; a label that tells a
-- re-assessment from the original; and the bank upgrades each assessment went through.
ALTER TABLE assessments ADD COLUMN depth TEXT NOT NULL DEFAULT 'full';
ALTER TABLE answer_history ADD COLUMN implied_by TEXT;
-- What an assessment is beside its organisation ("Re-assessment started 27 Nov 2026").
ALTER TABLE assessments ADD COLUMN label TEXT;

CREATE TABLE bank_upgrades (
    seq           INTEGER PRIMARY KEY,
    assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    from_version  TEXT NOT NULL,
    to_version    TEXT NOT NULL,
    at            TEXT NOT NULL,
    notes         TEXT NOT NULL DEFAULT '[]'
) STRICT;

CREATE INDEX bank_upgrades_by_assessment ON bank_upgrades (assessment_id, seq);
