//! Question-bank upgrades: carried answers, their history and the record of each upgrade, in one transaction.

use std::collections::BTreeMap;

use rusqlite::{Transaction, params};
use soc2_readiness_core::assessment::{Answer, HistoryEntry};
use soc2_readiness_core::upgrade::BankUpgrade;

use super::answers::{append_history, upsert_answer};
use super::assessments::require_assessment;
use super::rows::{from_json, parse_time, timestamp, to_json};
use super::{Store, StoreError};

impl Store {
    /// The bank upgrades an assessment went through, oldest first.
    pub(crate) fn upgrades(&self, assessment_id: &str) -> Result<Vec<BankUpgrade>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT from_version, to_version, at, notes FROM bank_upgrades
             WHERE assessment_id = ?1 ORDER BY seq",
        )?;
        let rows = statement.query_map([assessment_id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (from_version, to_version, at, notes) = row?;
            out.push(BankUpgrade {
                from_version,
                to_version,
                at: parse_time(&at)?,
                notes: from_json(&notes)?,
            });
        }
        Ok(out)
    }

    /// Replaces an assessment's answers with those carried to a newer bank, in one
    /// transaction with the history rows and the record of the upgrade.
    pub fn apply_upgrade(
        &mut self,
        assessment_id: &str,
        answers: &BTreeMap<String, Answer>,
        history: &[HistoryEntry],
        upgrade: &BankUpgrade,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        require_assessment(&tx, assessment_id)?;
        tx.execute(
            "DELETE FROM answers WHERE assessment_id = ?1",
            [assessment_id],
        )?;
        for answer in answers.values() {
            upsert_answer(&tx, assessment_id, answer)?;
        }
        for entry in history {
            append_history(&tx, assessment_id, entry)?;
        }
        insert_upgrade(&tx, assessment_id, upgrade)?;
        tx.execute(
            "UPDATE assessments SET bank_version = ?2, updated_at = ?3 WHERE id = ?1",
            params![assessment_id, upgrade.to_version, timestamp(&upgrade.at)],
        )?;
        tx.commit()?;
        Ok(())
    }
}

pub(crate) fn insert_upgrade(
    tx: &Transaction<'_>,
    assessment_id: &str,
    upgrade: &BankUpgrade,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO bank_upgrades (assessment_id, from_version, to_version, at, notes)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            assessment_id,
            upgrade.from_version,
            upgrade.to_version,
            timestamp(&upgrade.at),
            to_json(&upgrade.notes)
        ],
    )?;
    Ok(())
}
