-- An organisation renamed carries its control calendar as it carries its registers: the check log and its evidence files stay append-only, except for moving to another programme.
DROP TRIGGER control_checks_are_append_only_update;
CREATE TRIGGER control_checks_are_append_only_update BEFORE UPDATE ON control_checks
WHEN NEW.id IS NOT OLD.id
  OR NEW.control_id IS NOT OLD.control_id
  OR NEW.performed_on IS NOT OLD.performed_on
  OR NEW.result IS NOT OLD.result
  OR NEW.reason IS NOT OLD.reason
  OR NEW.performed_by IS NOT OLD.performed_by
  OR NEW.evidence IS NOT OLD.evidence
  OR NEW.file_id IS NOT OLD.file_id
  OR NEW.voids IS NOT OLD.voids
  OR NEW.recorded_at IS NOT OLD.recorded_at
BEGIN SELECT RAISE(ABORT, 'the check log is append-only: void an entry instead'); END;

DROP TRIGGER evidence_files_are_kept_update;
CREATE TRIGGER evidence_files_are_kept_update BEFORE UPDATE ON evidence_files
WHEN NEW.id IS NOT OLD.id
  OR NEW.name IS NOT OLD.name
  OR NEW.size IS NOT OLD.size
  OR NEW.sha256 IS NOT OLD.sha256
  OR NEW.bytes IS NOT OLD.bytes
BEGIN SELECT RAISE(ABORT, 'evidence files are kept as recorded'); END;
