-- Account exports imported per programme (cloud, identity, code hosting): the file's hash and the day it was taken, like evidence, and the accounts read from it as JSON. Kept until the user removes one; the latest of each system is checked.
CREATE TABLE account_imports (
    id          TEXT PRIMARY KEY,
    programme   TEXT NOT NULL,
    system      TEXT NOT NULL,
    format      TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    taken_on    TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    accounts    TEXT NOT NULL
) STRICT;
CREATE INDEX account_imports_by_programme ON account_imports (programme);

-- An import changes the findings, so every kept figure goes, as for the registers.
CREATE TRIGGER summary_stale_on_account_import_insert AFTER INSERT ON account_imports
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_account_import_update AFTER UPDATE ON account_imports
BEGIN DELETE FROM assessment_summaries; END;
CREATE TRIGGER summary_stale_on_account_import_delete AFTER DELETE ON account_imports
BEGIN DELETE FROM assessment_summaries; END;
