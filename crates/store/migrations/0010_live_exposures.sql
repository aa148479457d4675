-- What an answer's known exception says beyond its words: it leaves something exposed today (a
-- leaver's key still active, customer data in a tool with no agreement), it repeats one the
-- company's last report noted, and what it leaves uncovered (a JSON list of people, systems,
-- data, period). A live exposure or a repeat ranks the gap as "Fix now".
ALTER TABLE answers ADD COLUMN live_exposure INTEGER NOT NULL DEFAULT 0;
ALTER TABLE answers ADD COLUMN repeat_finding INTEGER NOT NULL DEFAULT 0;
ALTER TABLE answers ADD COLUMN not_covered TEXT;
ALTER TABLE answer_history ADD COLUMN live_exposure INTEGER NOT NULL DEFAULT 0;
ALTER TABLE answer_history ADD COLUMN repeat_finding INTEGER NOT NULL DEFAULT 0;
ALTER TABLE answer_history ADD COLUMN not_covered TEXT;
