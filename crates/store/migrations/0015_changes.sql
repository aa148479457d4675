-- The change register: production changes of a programme (a pull request, a ticket), kept like the other registers (each entry its record as JSON, its changes in register_history).
CREATE TABLE changes (
    id          TEXT PRIMARY KEY,
    programme   TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    archived_at TEXT
) STRICT;
CREATE INDEX changes_by_programme ON changes (programme);

-- A change without its approval counts against change management's answers, so every kept
-- figure goes, as for the other registers.
CREATE TRIGGER summary_stale_on_changes_insert AFTER INSERT ON changes
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_changes_update AFTER UPDATE ON changes
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_changes_delete AFTER DELETE ON changes
BEGIN DELETE FROM assessment_summaries; END;
