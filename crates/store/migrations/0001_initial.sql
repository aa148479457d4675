-- The first schema: assessments, their current answers, the append-only answer history and scope overrides.
CREATE TABLE assessments (
    id           TEXT PRIMARY KEY,
    organisation TEXT NOT NULL,
    bank_version TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    archived_at  TEXT
) STRICT;

CREATE TABLE answers (
    assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    question_id   TEXT NOT NULL,
    value         TEXT NOT NULL,
    note          TEXT,
    owner         TEXT,
    due           TEXT,
    evidence      TEXT NOT NULL DEFAULT '[]',
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, question_id)
) STRICT;

CREATE TABLE answer_history (
    seq           INTEGER PRIMARY KEY,
    assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    question_id   TEXT NOT NULL,
    value         TEXT,
    note          TEXT,
    owner         TEXT,
    due           TEXT,
    evidence      TEXT NOT NULL DEFAULT '[]',
    changed_at    TEXT NOT NULL
) STRICT;

CREATE INDEX answer_history_by_assessment ON answer_history (assessment_id, seq);

-- The audit trail is append-only: rows are added, never changed.
CREATE TRIGGER answer_history_is_append_only
BEFORE UPDATE ON answer_history
BEGIN
    SELECT RAISE(ABORT, 'answer history is append-only');
END;

CREATE TABLE scope_overrides (
    assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    category      TEXT NOT NULL,
    in_scope      INTEGER NOT NULL,
    reason        TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, category)
) STRICT;
