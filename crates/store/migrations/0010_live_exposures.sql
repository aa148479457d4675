-- Two facts about an answer's known exception: it leaves something exposed today (a leaver's key
-- still active, customer data in a tool with no agreement), or it repeats one the company's last
-- report noted. Either ranks the gap as "Fix now".
ALTER TABLE answers ADD COLUMN live_exposure INTEGER NOT NULL DEFAULT 0;
ALTER TABLE answers ADD COLUMN repeat_finding INTEGER NOT NULL DEFAULT 0;
ALTER TABLE answer_history ADD COLUMN live_exposure INTEGER NOT NULL DEFAULT 0;
ALTER TABLE answer_history ADD COLUMN repeat_finding INTEGER NOT NULL DEFAULT 0;
