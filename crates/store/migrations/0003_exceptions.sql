-- A known exception on an answer (people, systems or a period the control does not yet cover).
ALTER TABLE answers ADD COLUMN exception TEXT;
ALTER TABLE answer_history ADD COLUMN exception TEXT;
