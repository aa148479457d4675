-- How deep an assessment's questionnaire goes (quick path or full depth); history rows that
-- record an answer implied by a missing foundation, or no longer implied; and the bank
-- upgrades each assessment went through, with what changed for it.
ALTER TABLE assessments ADD COLUMN depth TEXT NOT NULL DEFAULT 'full';
ALTER TABLE answer_history ADD COLUMN implied_by TEXT;

CREATE TABLE bank_upgrades (
    seq           INTEGER PRIMARY KEY,
    assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    from_version  TEXT NOT NULL,
    to_version    TEXT NOT NULL,
    at            TEXT NOT NULL,
    notes         TEXT NOT NULL DEFAULT '[]'
) STRICT;

CREATE INDEX bank_upgrades_by_assessment ON bank_upgrades (assessment_id, seq);
