//! The assessments table and whole records: list, resolve ids, load, insert, rename, archive, delete.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, params};
use soc2_readiness_core::assessment::{
    Assessment, AssessmentRecord, Depth, HistoryEntry, ScopeOverride,
};
use soc2_readiness_core::catalog::Category;

use super::answers::{append_history, upsert_answer};
use super::modules::{StoredModule, insert_module, use_module};
use super::rows::{parse_depth, parse_time, timestamp};
use super::upgrades::insert_upgrade;
use super::{Store, StoreError};

impl Store {
    /// All assessments, newest change first.
    pub fn list_assessments(&self) -> Result<Vec<Assessment>, StoreError> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT {ASSESSMENT_COLUMNS} FROM assessments ORDER BY updated_at DESC, id"
        ))?;
        let rows = statement.query_map([], AssessmentRow::read)?;
        rows.map(|row| row?.into_assessment()).collect()
    }

    /// Resolves a full id or a unique prefix of one (as git does with commits).
    pub fn resolve_id(&self, given: &str) -> Result<String, StoreError> {
        let given = given.trim();
        if given.is_empty() {
            return Err(StoreError::UnknownAssessment(given.to_string()));
        }
        let mut statement = self.conn.prepare(
            "SELECT id FROM assessments WHERE id = ?1 OR substr(id, 1, length(?1)) = ?1 LIMIT 3",
        )?;
        let ids: Vec<String> = statement
            .query_map([given], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        match ids.as_slice() {
            [] => Err(StoreError::UnknownAssessment(given.to_string())),
            [only] => Ok(only.clone()),
            many if many.iter().any(|id| id == given) => Ok(given.to_string()),
            _ => Err(StoreError::AmbiguousAssessment(given.to_string())),
        }
    }

    pub fn load_record(&self, id: &str) -> Result<AssessmentRecord, StoreError> {
        let assessment = self
            .list_one(id)?
            .ok_or_else(|| StoreError::UnknownAssessment(id.to_string()))?;
        let mut answers = BTreeMap::new();
        for answer in self.answers_where(id, None)? {
            answers.insert(answer.question_id.clone(), answer);
        }
        let mut statement = self.conn.prepare(
            "SELECT category, in_scope, reason, updated_at FROM scope_overrides
             WHERE assessment_id = ?1 ORDER BY category",
        )?;
        let rows = statement.query_map([id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, bool>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
            ))
        })?;
        let mut scope_overrides = Vec::new();
        for row in rows {
            let (category, in_scope, reason, updated) = row?;
            scope_overrides.push(ScopeOverride {
                category: Category::parse(&category)
                    .ok_or_else(|| StoreError::Corrupt(format!("category '{category}'")))?,
                in_scope,
                reason,
                updated_at: parse_time(&updated)?,
            });
        }
        Ok(AssessmentRecord {
            assessment,
            answers,
            scope_overrides,
            upgrades: self.upgrades(id)?,
            modules: self.assessment_modules(id)?,
        })
    }

    /// An assessment's organisation, without loading its answers (it names the programme).
    pub fn organisation(&self, id: &str) -> Result<String, StoreError> {
        self.conn
            .query_row(
                "SELECT organisation FROM assessments WHERE id = ?1",
                [id],
                |row| row.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::UnknownAssessment(id.to_string()))
    }

    fn list_one(&self, id: &str) -> Result<Option<Assessment>, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {ASSESSMENT_COLUMNS} FROM assessments WHERE id = ?1"),
                [id],
                AssessmentRow::read,
            )
            .optional()?
            .map(AssessmentRow::into_assessment)
            .transpose()
    }

    /// Changes the depth; `also` records the answers this implies or releases.
    pub fn set_depth(
        &mut self,
        assessment_id: &str,
        depth: Depth,
        at: DateTime<Utc>,
        also: &[HistoryEntry],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE assessments SET depth = ?2, updated_at = ?3 WHERE id = ?1",
            params![assessment_id, depth.id(), timestamp(&at)],
        )?;
        expect_one(changed, assessment_id)?;
        for entry in also {
            append_history(&tx, assessment_id, entry)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Renames an assessment's organisation; with `carry` (from, to), its programme's records
    /// move to the new programme key, and `settings` (from, to) the named settings, in the same
    /// transaction.
    pub fn rename_assessment(
        &mut self,
        assessment_id: &str,
        organisation: &str,
        at: DateTime<Utc>,
        carry: Option<(&str, &str)>,
        settings: &[(String, String)],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE assessments SET organisation = ?2, updated_at = ?3 WHERE id = ?1",
            params![assessment_id, organisation, timestamp(&at)],
        )?;
        expect_one(changed, assessment_id)?;
        if let Some((from, to)) = carry {
            super::registers::carry_programme(&tx, from, to)?;
        }
        // Settings kept per programme move with it, unless the new key already holds its own.
        for (from, to) in settings {
            tx.execute(
                "UPDATE settings SET key = ?2
                 WHERE key = ?1 AND NOT EXISTS (SELECT 1 FROM settings WHERE key = ?2)",
                params![from, to],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Archives (`Some(time)`) or restores (`None`) an assessment; nothing is deleted.
    pub fn set_archived(
        &mut self,
        assessment_id: &str,
        archived_at: Option<DateTime<Utc>>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let changed = self.conn.execute(
            "UPDATE assessments SET archived_at = ?2, updated_at = ?3 WHERE id = ?1",
            params![
                assessment_id,
                archived_at.as_ref().map(timestamp),
                timestamp(&at)
            ],
        )?;
        expect_one(changed, assessment_id)
    }

    /// Deletes an assessment with its answers, history and overrides.
    pub fn delete_assessment(&mut self, assessment_id: &str) -> Result<(), StoreError> {
        let changed = self
            .conn
            .execute("DELETE FROM assessments WHERE id = ?1", [assessment_id])?;
        expect_one(changed, assessment_id)
    }

    /// Writes a whole assessment (an import or a duplicate) in one transaction: all or nothing.
    /// `new_modules` are kept first (an import brings the modules its assessment uses), so the
    /// record's `modules` may name them.
    pub fn insert_record(
        &mut self,
        record: &AssessmentRecord,
        history: &[HistoryEntry],
        new_modules: &[StoredModule],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for module in new_modules {
            insert_module(&tx, module)?;
        }
        write_record(&tx, record, history)?;
        tx.commit()?;
        Ok(())
    }
}

/// Writes a whole assessment inside a transaction the caller commits.
pub(crate) fn write_record(
    tx: &Transaction<'_>,
    record: &AssessmentRecord,
    history: &[HistoryEntry],
) -> Result<(), StoreError> {
    let id = &record.assessment.id;
    insert_assessment(tx, &record.assessment)?;
    for module in &record.modules {
        use_module(tx, id, module)?;
    }
    for answer in record.answers.values() {
        upsert_answer(tx, id, answer)?;
    }
    for decision in &record.scope_overrides {
        tx.execute(
            "INSERT INTO scope_overrides (assessment_id, category, in_scope, reason, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                id,
                decision.category.id(),
                decision.in_scope,
                decision.reason,
                timestamp(&decision.updated_at)
            ],
        )?;
    }
    for entry in history {
        append_history(tx, id, entry)?;
    }
    for upgrade in &record.upgrades {
        insert_upgrade(tx, id, upgrade)?;
    }
    Ok(())
}

pub(crate) fn insert_assessment(
    tx: &Transaction<'_>,
    assessment: &Assessment,
) -> Result<(), StoreError> {
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM assessments WHERE id = ?1)",
        [&assessment.id],
        |row| row.get(0),
    )?;
    if exists {
        return Err(StoreError::DuplicateAssessment(assessment.id.clone()));
    }
    tx.execute(
        "INSERT INTO assessments (id, organisation, bank_version, created_at, updated_at, archived_at, depth, label, baseline_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            assessment.id,
            assessment.organisation,
            assessment.bank_version,
            timestamp(&assessment.created_at),
            timestamp(&assessment.updated_at),
            assessment.archived_at.as_ref().map(timestamp),
            assessment.depth.id(),
            assessment.label,
            assessment.baseline,
        ],
    )?;
    Ok(())
}

pub(crate) fn require_assessment(
    tx: &Transaction<'_>,
    assessment_id: &str,
) -> Result<(), StoreError> {
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM assessments WHERE id = ?1)",
        [assessment_id],
        |row| row.get(0),
    )?;
    if exists {
        Ok(())
    } else {
        Err(StoreError::UnknownAssessment(assessment_id.to_string()))
    }
}

pub(crate) fn touch(
    tx: &Transaction<'_>,
    assessment_id: &str,
    at: &DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE assessments SET updated_at = ?2 WHERE id = ?1",
        params![assessment_id, timestamp(at)],
    )?;
    Ok(())
}

pub(crate) fn expect_one(changed: usize, assessment_id: &str) -> Result<(), StoreError> {
    if changed == 0 {
        Err(StoreError::UnknownAssessment(assessment_id.to_string()))
    } else {
        Ok(())
    }
}

/// The columns [`AssessmentRow::read`] reads, in its order.
const ASSESSMENT_COLUMNS: &str = "id, organisation, bank_version, created_at, updated_at, archived_at, depth, label, baseline_id";
/// The same columns of the table aliased `a`, for joins.
pub(crate) const ASSESSMENT_COLUMNS_OF_A: &str = "a.id, a.organisation, a.bank_version, a.created_at, a.updated_at, a.archived_at, a.depth, a.label, a.baseline_id";

/// One row of the assessments table as stored, before its text is checked.
pub(crate) struct AssessmentRow {
    id: String,
    organisation: String,
    bank_version: String,
    created_at: String,
    updated_at: String,
    archived_at: Option<String>,
    depth: String,
    label: Option<String>,
    baseline: Option<String>,
}

impl AssessmentRow {
    /// How many columns [`AssessmentRow::read`] takes, so a join reads its own after them.
    pub(crate) const COUNT: usize = 9;

    pub(crate) fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<AssessmentRow> {
        Ok(AssessmentRow {
            id: row.get(0)?,
            organisation: row.get(1)?,
            bank_version: row.get(2)?,
            created_at: row.get(3)?,
            updated_at: row.get(4)?,
            archived_at: row.get(5)?,
            depth: row.get(6)?,
            label: row.get(7)?,
            baseline: row.get(8)?,
        })
    }

    pub(crate) fn into_assessment(self) -> Result<Assessment, StoreError> {
        Ok(Assessment {
            id: self.id,
            organisation: self.organisation,
            bank_version: self.bank_version,
            created_at: parse_time(&self.created_at)?,
            updated_at: parse_time(&self.updated_at)?,
            archived_at: self.archived_at.as_deref().map(parse_time).transpose()?,
            depth: parse_depth(&self.depth)?,
            label: self.label,
            baseline: self.baseline,
        })
    }
}
