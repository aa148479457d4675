-- The control calendar: the recurring controls a programme adopted, the append-only check log and the evidence files kept with it.

-- A programme is one organisation's records (`findings::programme_key`), shared by its assessments.
CREATE TABLE recurring_controls (
    programme   TEXT NOT NULL,
    control_id  TEXT NOT NULL,
    frequency   TEXT NOT NULL CHECK (frequency IN ('weekly', 'monthly', 'quarterly', 'half-yearly', 'yearly')),
    owner       TEXT NOT NULL,
    first_due   TEXT NOT NULL,
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    adopted_at  TEXT NOT NULL,
    PRIMARY KEY (programme, control_id)
) STRICT;

-- Files kept inside the data file, so the evidence travels with it; 10 MiB each at most.
CREATE TABLE evidence_files (
    id         TEXT PRIMARY KEY,
    programme  TEXT NOT NULL,
    name       TEXT NOT NULL,
    size       INTEGER NOT NULL CHECK (size <= 10485760),
    sha256     TEXT NOT NULL,
    bytes      BLOB NOT NULL CHECK (length(bytes) = size)
) STRICT;

-- One row per run (or per correction): never updated nor deleted. A mistake is withdrawn by a
-- later 'void' row naming it in `voids`, with the reason.
CREATE TABLE control_checks (
    id            TEXT PRIMARY KEY,
    programme     TEXT NOT NULL,
    control_id    TEXT NOT NULL,
    performed_on  TEXT NOT NULL,
    result        TEXT NOT NULL CHECK (result IN ('pass', 'fail', 'not-run', 'void')),
    reason        TEXT NOT NULL,
    performed_by  TEXT NOT NULL,
    evidence      TEXT,
    file_id       TEXT REFERENCES evidence_files(id),
    voids         TEXT REFERENCES control_checks(id),
    recorded_at   TEXT NOT NULL,
    FOREIGN KEY (programme, control_id) REFERENCES recurring_controls(programme, control_id),
    CHECK ((result = 'void') = (voids IS NOT NULL))
) STRICT;

CREATE INDEX control_checks_by_control ON control_checks (programme, control_id, performed_on);

CREATE TRIGGER control_checks_are_append_only_update BEFORE UPDATE ON control_checks
BEGIN SELECT RAISE(ABORT, 'the check log is append-only: void an entry instead'); END;
CREATE TRIGGER control_checks_are_append_only_delete BEFORE DELETE ON control_checks
BEGIN SELECT RAISE(ABORT, 'the check log is append-only: void an entry instead'); END;
CREATE TRIGGER evidence_files_are_kept_update BEFORE UPDATE ON evidence_files
BEGIN SELECT RAISE(ABORT, 'evidence files are kept as recorded'); END;
CREATE TRIGGER evidence_files_are_kept_delete BEFORE DELETE ON evidence_files
BEGIN SELECT RAISE(ABORT, 'evidence files are kept as recorded'); END;

-- Records change the scores of every assessment of their programme; which assessments those are
-- is a Rust rule (the organisation's normalised name), so every kept figure goes. Records change
-- far less often than the list is read.
CREATE TRIGGER summary_stale_on_control_insert AFTER INSERT ON recurring_controls
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_control_update AFTER UPDATE ON recurring_controls
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_check_insert AFTER INSERT ON control_checks
BEGIN DELETE FROM assessment_summaries; END;
