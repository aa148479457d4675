-- Indexes for reading only what the calendar and the findings need from a long check log.

-- A control's latest run, newest first in the log's own order (day, then time recorded, then id),
-- read straight off the index instead of sorting every entry; it also serves a window's runs.
DROP INDEX control_checks_by_control;
CREATE INDEX control_checks_by_control ON control_checks
    (programme, control_id, performed_on, recorded_at, id);

-- Whether an entry was voided, asked per entry: only void rows name another.
CREATE INDEX control_checks_voided ON control_checks (voids) WHERE voids IS NOT NULL;
