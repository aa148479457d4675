-- Which assessment a re-assessment is measured against, and each assessment's list figures kept
-- so that opening a file of 500 assessments does not score 500 assessments.
ALTER TABLE assessments ADD COLUMN baseline_id TEXT REFERENCES assessments(id) ON DELETE SET NULL;

-- A summary is valid only for the engine and bank that computed it (`computed_by`); any change
-- to what it is computed from deletes it (the triggers below), and the next list computes it again.
CREATE TABLE assessment_summaries (
    assessment_id TEXT PRIMARY KEY REFERENCES assessments(id) ON DELETE CASCADE,
    computed_by   TEXT NOT NULL,
    report_type   TEXT NOT NULL,
    readiness     REAL,
    completion    REAL
) STRICT;

CREATE TRIGGER summary_stale_on_answer_insert AFTER INSERT ON answers
BEGIN DELETE FROM assessment_summaries WHERE assessment_id = NEW.assessment_id; END;
CREATE TRIGGER summary_stale_on_answer_update AFTER UPDATE ON answers
BEGIN
    DELETE FROM assessment_summaries WHERE assessment_id IN (OLD.assessment_id, NEW.assessment_id);
END;
CREATE TRIGGER summary_stale_on_answer_delete AFTER DELETE ON answers
BEGIN DELETE FROM assessment_summaries WHERE assessment_id = OLD.assessment_id; END;

CREATE TRIGGER summary_stale_on_scope_insert AFTER INSERT ON scope_overrides
BEGIN DELETE FROM assessment_summaries WHERE assessment_id = NEW.assessment_id; END;
CREATE TRIGGER summary_stale_on_scope_update AFTER UPDATE ON scope_overrides
BEGIN
    DELETE FROM assessment_summaries WHERE assessment_id IN (OLD.assessment_id, NEW.assessment_id);
END;
CREATE TRIGGER summary_stale_on_scope_delete AFTER DELETE ON scope_overrides
BEGIN DELETE FROM assessment_summaries WHERE assessment_id = OLD.assessment_id; END;

-- Depth and bank version change what is scored; a rename or archive does not, but costs one
-- recomputation, which is cheaper than a trigger that must know which columns matter.
CREATE TRIGGER summary_stale_on_assessment_update AFTER UPDATE ON assessments
BEGIN DELETE FROM assessment_summaries WHERE assessment_id = OLD.id; END;
