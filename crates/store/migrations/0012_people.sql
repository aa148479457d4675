-- The people register: staff and contractors of a programme, kept like the other registers (each entry its record as JSON, its changes in register_history).
CREATE TABLE people (
    id          TEXT PRIMARY KEY,
    programme   TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    archived_at TEXT
) STRICT;
CREATE INDEX people_by_programme ON people (programme);

-- People change the findings (a leaver's access, training within its limit), so every kept
-- figure goes, as for the other registers.
CREATE TRIGGER summary_stale_on_people_insert AFTER INSERT ON people
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_people_update AFTER UPDATE ON people
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_people_delete AFTER DELETE ON people
BEGIN DELETE FROM assessment_summaries; END;
