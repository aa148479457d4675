-- The programme's registers (vendors, policies, incidents, risks) and their append-only history.
-- Records belong to a programme (one per organisation, `findings::programme_key`), not to an
-- assessment, so a re-assessment sees the registers its baseline saw and deleting an assessment
-- keeps them. Each entry is its record as JSON (`body`), checked by the domain before it is
-- written; the columns beside it are what the store itself selects on.
CREATE TABLE vendors (
    id          TEXT PRIMARY KEY,
    programme   TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    archived_at TEXT
) STRICT;
CREATE INDEX vendors_by_programme ON vendors (programme);

CREATE TABLE policies (
    id          TEXT PRIMARY KEY,
    programme   TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    archived_at TEXT
) STRICT;
CREATE INDEX policies_by_programme ON policies (programme);

CREATE TABLE incidents (
    id          TEXT PRIMARY KEY,
    programme   TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    archived_at TEXT
) STRICT;
CREATE INDEX incidents_by_programme ON incidents (programme);

CREATE TABLE risks (
    id          TEXT PRIMARY KEY,
    programme   TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    archived_at TEXT
) STRICT;
CREATE INDEX risks_by_programme ON risks (programme);

-- Every change to an entry, with the whole entry as it stood after it (`snapshot`), so the trail
-- outlives a deleted entry. No foreign key: the history is kept when its entry is gone.
CREATE TABLE register_history (
    seq        INTEGER PRIMARY KEY,
    programme  TEXT NOT NULL,
    register   TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    action     TEXT NOT NULL,
    snapshot   TEXT NOT NULL,
    changed_at TEXT NOT NULL
) STRICT;
CREATE INDEX register_history_by_record ON register_history (register, record_id, seq);
CREATE INDEX register_history_by_programme ON register_history (programme, seq);

-- Append-only: no row is deleted, and none is changed except for moving to another programme
-- (an organisation renamed carries its records and their trail).
CREATE TRIGGER register_history_keeps_its_rows
BEFORE DELETE ON register_history
BEGIN
    SELECT RAISE(ABORT, 'register history is append-only');
END;

CREATE TRIGGER register_history_is_append_only
BEFORE UPDATE ON register_history
WHEN NEW.seq IS NOT OLD.seq
  OR NEW.register IS NOT OLD.register
  OR NEW.record_id IS NOT OLD.record_id
  OR NEW.action IS NOT OLD.action
  OR NEW.snapshot IS NOT OLD.snapshot
  OR NEW.changed_at IS NOT OLD.changed_at
BEGIN
    SELECT RAISE(ABORT, 'register history is append-only');
END;

-- Register entries change the findings, and so the scores, of every assessment of their programme;
-- which assessments those are is a Rust rule (the organisation's normalised name), so every kept
-- figure goes, as it does for the check log.
CREATE TRIGGER summary_stale_on_vendors_insert AFTER INSERT ON vendors
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_vendors_update AFTER UPDATE ON vendors
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_vendors_delete AFTER DELETE ON vendors
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_policies_insert AFTER INSERT ON policies
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_policies_update AFTER UPDATE ON policies
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_policies_delete AFTER DELETE ON policies
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_incidents_insert AFTER INSERT ON incidents
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_incidents_update AFTER UPDATE ON incidents
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_incidents_delete AFTER DELETE ON incidents
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_risks_insert AFTER INSERT ON risks
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_risks_update AFTER UPDATE ON risks
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_risks_delete AFTER DELETE ON risks
BEGIN DELETE FROM assessment_summaries; END;
