-- Question modules kept inside the data file, and the modules (at one version each) every
-- assessment uses. A module is kept whole (its TOML text), so an assessment can be scored,
-- exported and reported without the file it came from; each version is kept, never replaced.
CREATE TABLE question_modules (
    id       TEXT NOT NULL,
    version  TEXT NOT NULL,
    title    TEXT NOT NULL,
    text     TEXT NOT NULL,
    sha256   TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (id, version)
) STRICT;

CREATE TABLE assessment_modules (
    assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    module_id     TEXT NOT NULL,
    version       TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    PRIMARY KEY (assessment_id, module_id),
    FOREIGN KEY (module_id, version) REFERENCES question_modules(id, version)
) STRICT;

-- The modules change what is scored: a kept list figure goes with any change to them (the
-- figures' stamp names the modules too; this keeps the two from ever disagreeing).
CREATE TRIGGER summary_stale_on_module_insert AFTER INSERT ON assessment_modules
BEGIN DELETE FROM assessment_summaries WHERE assessment_id = NEW.assessment_id; END;
CREATE TRIGGER summary_stale_on_module_update AFTER UPDATE ON assessment_modules
BEGIN
    DELETE FROM assessment_summaries WHERE assessment_id IN (OLD.assessment_id, NEW.assessment_id);
END;
CREATE TRIGGER summary_stale_on_module_delete AFTER DELETE ON assessment_modules
BEGIN DELETE FROM assessment_summaries WHERE assessment_id = OLD.assessment_id; END;
