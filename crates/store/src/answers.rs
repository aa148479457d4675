//! The answers, scope overrides and the append-only answer history.

use chrono::{DateTime, Utc};
use rusqlite::{Transaction, params};
use soc2_readiness_core::assessment::{Answer, HistoryEntry, ScopeOverride};
use soc2_readiness_core::catalog::Category;

use super::assessments::{require_assessment, touch};
use super::rows::{from_json, parse_date, parse_time, timestamp, to_json};
use super::{Store, StoreError};

impl Store {
    /// The current answer to one question, without reading the rest of the assessment.
    pub fn load_answer(
        &self,
        assessment_id: &str,
        question_id: &str,
    ) -> Result<Option<Answer>, StoreError> {
        Ok(self
            .answers_where(assessment_id, Some(question_id))?
            .into_iter()
            .next())
    }

    /// Answers of an assessment, all of them or the one to `question_id`.
    pub(crate) fn answers_where(
        &self,
        assessment_id: &str,
        question_id: Option<&str>,
    ) -> Result<Vec<Answer>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT question_id, value, note, owner, due, evidence, updated_at, exception, live_exposure, repeat_finding, not_covered
             FROM answers WHERE assessment_id = ?1 AND (?2 IS NULL OR question_id = ?2)
             ORDER BY question_id",
        )?;
        let rows = statement.query_map(params![assessment_id, question_id], AnswerRow::read)?;
        rows.map(|row| row?.into_answer()).collect()
    }

    /// Saves an answer and its history row in one durable transaction; when this returns Ok
    /// the answer is on disk.
    /// `also` are further history rows written in the same transaction (answers a foundation
    /// now implies, or no longer does).
    pub fn save_answer(
        &mut self,
        assessment_id: &str,
        answer: &Answer,
        also: &[HistoryEntry],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        require_assessment(&tx, assessment_id)?;
        upsert_answer(&tx, assessment_id, answer)?;
        append_history(&tx, assessment_id, &HistoryEntry::of(answer))?;
        for entry in also {
            append_history(&tx, assessment_id, entry)?;
        }
        touch(&tx, assessment_id, &answer.updated_at)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes an answer (the question becomes unanswered); the history keeps the change.
    pub fn clear_answer(
        &mut self,
        assessment_id: &str,
        question_id: &str,
        at: DateTime<Utc>,
        also: &[HistoryEntry],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        require_assessment(&tx, assessment_id)?;
        for entry in also {
            append_history(&tx, assessment_id, entry)?;
        }
        delete_answer(&tx, assessment_id, question_id)?;
        append_history(&tx, assessment_id, &HistoryEntry::cleared(question_id, at))?;
        touch(&tx, assessment_id, &at)?;
        tx.commit()?;
        Ok(())
    }

    pub fn set_scope_override(
        &mut self,
        assessment_id: &str,
        decision: &ScopeOverride,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        require_assessment(&tx, assessment_id)?;
        upsert_scope(&tx, assessment_id, decision)?;
        touch(&tx, assessment_id, &decision.updated_at)?;
        tx.commit()?;
        Ok(())
    }

    pub fn clear_scope_override(
        &mut self,
        assessment_id: &str,
        category: Category,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        require_assessment(&tx, assessment_id)?;
        delete_scope(&tx, assessment_id, category)?;
        touch(&tx, assessment_id, &at)?;
        tx.commit()?;
        Ok(())
    }

    /// The audit trail of an assessment, oldest first.
    pub fn history(&self, assessment_id: &str) -> Result<Vec<HistoryEntry>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT question_id, value, note, owner, due, evidence, changed_at, exception, live_exposure, repeat_finding, not_covered, implied_by
             FROM answer_history WHERE assessment_id = ?1 ORDER BY seq",
        )?;
        let rows = statement.query_map([assessment_id], |row| {
            Ok((AnswerRow::read(row)?, row.get::<_, Option<String>>(11)?))
        })?;
        rows.map(|row| {
            let (row, implied_by) = row?;
            row.into_history(implied_by)
        })
        .collect()
    }
}

pub(crate) fn upsert_answer(
    tx: &Transaction<'_>,
    assessment_id: &str,
    answer: &Answer,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO answers (assessment_id, question_id, value, note, owner, due, evidence, updated_at, exception, live_exposure, repeat_finding, not_covered)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (assessment_id, question_id) DO UPDATE SET
           value = excluded.value, note = excluded.note, owner = excluded.owner,
           due = excluded.due, evidence = excluded.evidence, updated_at = excluded.updated_at,
           exception = excluded.exception, live_exposure = excluded.live_exposure,
           repeat_finding = excluded.repeat_finding, not_covered = excluded.not_covered",
        params![
            assessment_id,
            answer.question_id,
            to_json(&answer.value),
            answer.note,
            answer.owner,
            answer.due.map(|d| d.to_string()),
            to_json(&answer.evidence),
            timestamp(&answer.updated_at),
            answer.exception,
            answer.live_exposure,
            answer.repeat_finding,
            covered_json(&answer.not_covered),
        ],
    )?;
    Ok(())
}

pub(crate) fn upsert_scope(
    tx: &Transaction<'_>,
    assessment_id: &str,
    decision: &ScopeOverride,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO scope_overrides (assessment_id, category, in_scope, reason, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (assessment_id, category) DO UPDATE SET
           in_scope = excluded.in_scope, reason = excluded.reason, updated_at = excluded.updated_at",
        params![
            assessment_id,
            decision.category.id(),
            decision.in_scope,
            decision.reason,
            timestamp(&decision.updated_at)
        ],
    )?;
    Ok(())
}

pub(crate) fn delete_scope(
    tx: &Transaction<'_>,
    assessment_id: &str,
    category: Category,
) -> Result<(), StoreError> {
    tx.execute(
        "DELETE FROM scope_overrides WHERE assessment_id = ?1 AND category = ?2",
        params![assessment_id, category.id()],
    )?;
    Ok(())
}

pub(crate) fn delete_answer(
    tx: &Transaction<'_>,
    assessment_id: &str,
    question_id: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "DELETE FROM answers WHERE assessment_id = ?1 AND question_id = ?2",
        params![assessment_id, question_id],
    )?;
    Ok(())
}

pub(crate) fn append_history(
    tx: &Transaction<'_>,
    assessment_id: &str,
    entry: &HistoryEntry,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO answer_history (assessment_id, question_id, value, note, owner, due, evidence, changed_at, exception, live_exposure, repeat_finding, not_covered, implied_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            assessment_id,
            entry.question_id,
            entry.value.as_ref().map(to_json),
            entry.note,
            entry.owner,
            entry.due.map(|d| d.to_string()),
            to_json(&entry.evidence),
            timestamp(&entry.changed_at),
            entry.exception,
            entry.live_exposure,
            entry.repeat_finding,
            covered_json(&entry.not_covered),
            entry.implied_by,
        ],
    )?;
    Ok(())
}

/// What an exception leaves uncovered, as the column keeps it: none is NULL.
fn covered_json(kinds: &[soc2_readiness_core::assessment::Coverage]) -> Option<String> {
    (!kinds.is_empty()).then(|| to_json(&kinds))
}

/// The column read back: NULL is none.
fn covered_from(
    text: Option<&str>,
) -> Result<Vec<soc2_readiness_core::assessment::Coverage>, StoreError> {
    Ok(text.map(from_json).transpose()?.unwrap_or_default())
}

/// The columns an answer and a history row share, read in this order by both queries.
struct AnswerRow {
    question_id: String,
    /// `None` only in the history, for a cleared answer.
    value: Option<String>,
    note: Option<String>,
    owner: Option<String>,
    due: Option<String>,
    evidence: String,
    at: String,
    exception: Option<String>,
    live_exposure: bool,
    repeat_finding: bool,
    not_covered: Option<String>,
}

impl AnswerRow {
    fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<AnswerRow> {
        Ok(AnswerRow {
            question_id: row.get(0)?,
            value: row.get(1)?,
            note: row.get(2)?,
            owner: row.get(3)?,
            due: row.get(4)?,
            evidence: row.get(5)?,
            at: row.get(6)?,
            exception: row.get(7)?,
            live_exposure: row.get(8)?,
            repeat_finding: row.get(9)?,
            not_covered: row.get(10)?,
        })
    }

    fn into_answer(self) -> Result<Answer, StoreError> {
        let value = self.value.ok_or_else(|| {
            StoreError::Corrupt(format!("an answer to {} without a value", self.question_id))
        })?;
        Ok(Answer {
            value: from_json(&value)?,
            note: self.note,
            owner: self.owner,
            due: parse_date(self.due)?,
            evidence: from_json(&self.evidence)?,
            exception: self.exception,
            live_exposure: self.live_exposure,
            repeat_finding: self.repeat_finding,
            not_covered: covered_from(self.not_covered.as_deref())?,
            updated_at: parse_time(&self.at)?,
            question_id: self.question_id,
        })
    }

    fn into_history(self, implied_by: Option<String>) -> Result<HistoryEntry, StoreError> {
        Ok(HistoryEntry {
            value: self.value.as_deref().map(from_json).transpose()?,
            note: self.note,
            owner: self.owner,
            due: parse_date(self.due)?,
            evidence: from_json(&self.evidence)?,
            exception: self.exception,
            live_exposure: self.live_exposure,
            repeat_finding: self.repeat_finding,
            not_covered: covered_from(self.not_covered.as_deref())?,
            implied_by,
            changed_at: parse_time(&self.at)?,
            question_id: self.question_id,
        })
    }
}
