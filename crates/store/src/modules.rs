//! The question modules kept in the data file and the modules each assessment uses.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, params};
use soc2_readiness_core::catalog::ModuleRef;

use super::assessments::require_assessment;
use super::rows::{parse_time, timestamp};
use super::{Store, StoreError};

/// A module as the data file keeps it: whole, so it never depends on the file it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredModule {
    pub id: String,
    pub version: String,
    pub title: String,
    pub text: String,
    pub sha256: String,
    pub added_at: DateTime<Utc>,
}

impl Store {
    /// Every module version kept, by id then when it was added.
    pub fn modules(&self) -> Result<Vec<StoredModule>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT id, version, title, text, sha256, added_at FROM question_modules
             ORDER BY id, added_at, version",
        )?;
        let rows = statement.query_map([], read_module)?;
        rows.map(|row| row?.into_module()).collect()
    }

    pub fn module(&self, id: &str, version: &str) -> Result<Option<StoredModule>, StoreError> {
        self.conn
            .query_row(
                "SELECT id, version, title, text, sha256, added_at FROM question_modules
                 WHERE id = ?1 AND version = ?2",
                [id, version],
                read_module,
            )
            .optional()?
            .map(ModuleRow::into_module)
            .transpose()
    }

    /// Keeps a module version; one already kept under its id and version is left as it is (the
    /// workspace refuses different content under the same version before calling this).
    pub fn add_module(&mut self, module: &StoredModule) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        insert_module(&tx, module)?;
        tx.commit()?;
        Ok(())
    }

    /// The modules an assessment uses, in id order.
    pub fn assessment_modules(&self, assessment_id: &str) -> Result<Vec<ModuleRef>, StoreError> {
        Ok(self
            .modules_in_use(Some(assessment_id))?
            .remove(assessment_id)
            .unwrap_or_default())
    }

    /// The modules of every assessment that uses any, in one query (for the list).
    pub fn all_assessment_modules(&self) -> Result<BTreeMap<String, Vec<ModuleRef>>, StoreError> {
        self.modules_in_use(None)
    }

    /// Makes the assessment use `module` (replacing another version of it) or, with `None`,
    /// stop using `module_id`. Answers are never touched: they stay, or stay in the history.
    pub fn set_assessment_module(
        &mut self,
        assessment_id: &str,
        module_id: &str,
        module: Option<&ModuleRef>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        require_assessment(&tx, assessment_id)?;
        tx.execute(
            "DELETE FROM assessment_modules WHERE assessment_id = ?1 AND module_id = ?2",
            [assessment_id, module_id],
        )?;
        if let Some(module) = module {
            use_module(&tx, assessment_id, module)?;
        }
        tx.execute(
            "UPDATE assessments SET updated_at = ?2 WHERE id = ?1",
            params![assessment_id, timestamp(&at)],
        )?;
        tx.commit()?;
        Ok(())
    }

    fn modules_in_use(
        &self,
        assessment_id: Option<&str>,
    ) -> Result<BTreeMap<String, Vec<ModuleRef>>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT u.assessment_id, u.module_id, u.version, m.title, u.sha256
             FROM assessment_modules u
             JOIN question_modules m ON m.id = u.module_id AND m.version = u.version
             WHERE ?1 IS NULL OR u.assessment_id = ?1
             ORDER BY u.assessment_id, u.module_id",
        )?;
        let rows = statement.query_map([assessment_id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                ModuleRef {
                    id: row.get(1)?,
                    version: row.get(2)?,
                    title: row.get(3)?,
                    sha256: row.get(4)?,
                },
            ))
        })?;
        let mut out: BTreeMap<String, Vec<ModuleRef>> = BTreeMap::new();
        for row in rows {
            let (assessment, module) = row?;
            out.entry(assessment).or_default().push(module);
        }
        Ok(out)
    }
}

pub(crate) fn insert_module(tx: &Transaction<'_>, module: &StoredModule) -> Result<(), StoreError> {
    tx.execute(
        "INSERT OR IGNORE INTO question_modules (id, version, title, text, sha256, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            module.id,
            module.version,
            module.title,
            module.text,
            module.sha256,
            timestamp(&module.added_at)
        ],
    )?;
    Ok(())
}

pub(crate) fn use_module(
    tx: &Transaction<'_>,
    assessment_id: &str,
    module: &ModuleRef,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO assessment_modules (assessment_id, module_id, version, sha256)
         VALUES (?1, ?2, ?3, ?4)",
        params![assessment_id, module.id, module.version, module.sha256],
    )?;
    Ok(())
}

struct ModuleRow(String, String, String, String, String, String);

fn read_module(row: &rusqlite::Row<'_>) -> rusqlite::Result<ModuleRow> {
    Ok(ModuleRow(
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
    ))
}

impl ModuleRow {
    fn into_module(self) -> Result<StoredModule, StoreError> {
        let ModuleRow(id, version, title, text, sha256, added_at) = self;
        Ok(StoredModule {
            id,
            version,
            title,
            text,
            sha256,
            added_at: parse_time(&added_at)?,
        })
    }
}
