-- A check-log entry may record the test of one sampled item of a population (a hire, a leaver, a new vendor, a change) rather than a run of its control: the item as JSON, NULL for a run. Runs are what the calendar's due dates read, so its two reads skip sampled rows on the same index.
ALTER TABLE control_checks ADD COLUMN sample TEXT;
