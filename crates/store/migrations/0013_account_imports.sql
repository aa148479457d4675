-- Account exports imported per programme (cloud, identity, code hosting): the file's hash and the day it was taken, like evidence, and the accounts read from it as JSON. Kept until the user removes one; the latest of each system is checked.
CREATE TABLE account_imports (
    id            TEXT PRIMARY KEY,
    programme     TEXT NOT NULL,
    system        TEXT NOT NULL,
    format        TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    taken_on      TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    account_count INTEGER NOT NULL
) STRICT;
CREATE INDEX account_imports_by_programme ON account_imports (programme, system, taken_on, imported_at);

-- The accounts apart from their import, so listing imports and finding the latest of each
-- system never reads a megabyte of rows per import.
CREATE TABLE account_import_rows (
    import_id TEXT PRIMARY KEY REFERENCES account_imports (id) ON DELETE CASCADE,
    accounts  TEXT NOT NULL
) STRICT;

-- An import changes the findings, so every kept figure goes, as for the registers.
CREATE TRIGGER summary_stale_on_account_import_insert AFTER INSERT ON account_imports
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_account_import_update AFTER UPDATE ON account_imports
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_account_import_delete AFTER DELETE ON account_imports
BEGIN DELETE FROM assessment_summaries; END;
