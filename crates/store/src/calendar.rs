//! The control calendar's tables: adopted recurring controls, the append-only check log, evidence files.

use rusqlite::{OptionalExtension, params};
use soc2_readiness_core::calendar::{
    AdoptedControl, CheckEntry, CheckLog, CheckResult, EvidenceFile,
};
use soc2_readiness_core::catalog::Frequency;

use super::rows::{parse_date, parse_time, timestamp};
use super::{Store, StoreError};

/// A file's bytes and what the log records of it.
pub struct EvidenceBytes<'a> {
    pub file: &'a EvidenceFile,
    pub bytes: &'a [u8],
}

impl Store {
    /// A programme's adopted controls and its whole check log, oldest entry first.
    pub fn check_log(&self, programme: &str) -> Result<CheckLog, StoreError> {
        let controls = self.adopted_controls(programme)?;
        let checks = self.checks(programme)?;
        Ok(CheckLog { controls, checks })
    }

    /// A programme's adopted controls, without reading the log.
    pub fn adopted_controls(&self, programme: &str) -> Result<Vec<AdoptedControl>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT control_id, frequency, owner, first_due, archived, adopted_at
             FROM recurring_controls WHERE programme = ?1 ORDER BY control_id",
        )?;
        let rows = statement.query_map([programme], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, bool>(4)?,
                row.get::<_, String>(5)?,
            ))
        })?;
        let mut controls = Vec::new();
        for row in rows {
            let (control_id, frequency, owner, first_due, archived, adopted_at) = row?;
            controls.push(AdoptedControl {
                control_id,
                frequency: Frequency::parse(&frequency)
                    .ok_or_else(|| StoreError::Corrupt(format!("frequency '{frequency}'")))?,
                owner,
                first_due: parse_date(Some(first_due))?.expect("a date was given"),
                archived,
                adopted_at: parse_time(&adopted_at)?,
            });
        }
        Ok(controls)
    }

    fn checks(&self, programme: &str) -> Result<Vec<CheckEntry>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT c.id, c.control_id, c.performed_on, c.result, c.reason, c.performed_by,
                    c.evidence, c.voids, c.recorded_at, f.id, f.name, f.size, f.sha256
             FROM control_checks c LEFT JOIN evidence_files f ON f.id = c.file_id
             WHERE c.programme = ?1 ORDER BY c.recorded_at, c.id",
        )?;
        let rows = statement.query_map([programme], |row| {
            let file = match row.get::<_, Option<String>>(9)? {
                Some(id) => Some(EvidenceFile {
                    id,
                    name: row.get(10)?,
                    size: row.get::<_, i64>(11)?.max(0).unsigned_abs(),
                    sha256: row.get(12)?,
                }),
                None => None,
            };
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, String>(4)?,
                row.get::<_, String>(5)?,
                row.get::<_, Option<String>>(6)?,
                row.get::<_, Option<String>>(7)?,
                row.get::<_, String>(8)?,
                file,
            ))
        })?;
        let mut checks = Vec::new();
        for row in rows {
            let (id, control_id, on, result, reason, by, evidence, voids, at, file) = row?;
            checks.push(CheckEntry {
                id,
                control_id,
                performed_on: parse_date(Some(on))?.expect("a date was given"),
                result: CheckResult::parse(&result)
                    .ok_or_else(|| StoreError::Corrupt(format!("check result '{result}'")))?,
                reason,
                performed_by: by,
                evidence,
                file,
                voids,
                recorded_at: parse_time(&at)?,
            });
        }
        Ok(checks)
    }

    /// Adopts a control, or changes an adopted one's frequency, owner, first due date or archive.
    pub fn save_control(
        &mut self,
        programme: &str,
        control: &AdoptedControl,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO recurring_controls
             (programme, control_id, frequency, owner, first_due, archived, adopted_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (programme, control_id) DO UPDATE SET frequency = excluded.frequency,
                owner = excluded.owner, first_due = excluded.first_due, archived = excluded.archived",
            params![
                programme,
                control.control_id,
                control.frequency.id(),
                control.owner,
                control.first_due.to_string(),
                control.archived,
                timestamp(&control.adopted_at),
            ],
        )?;
        Ok(())
    }

    /// Appends entries to the log with their files, in one transaction. An entry or file whose
    /// id is already there is skipped, so importing the same records twice adds nothing.
    pub fn append_checks(
        &mut self,
        programme: &str,
        checks: &[CheckEntry],
        files: &[EvidenceBytes],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        {
            let mut file_insert = tx.prepare(
                "INSERT OR IGNORE INTO evidence_files (id, programme, name, size, sha256, bytes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for f in files {
                file_insert.execute(params![
                    f.file.id,
                    programme,
                    f.file.name,
                    i64::try_from(f.file.size).unwrap_or(i64::MAX),
                    f.file.sha256,
                    f.bytes
                ])?;
            }
            let mut insert = tx.prepare(
                "INSERT OR IGNORE INTO control_checks (id, programme, control_id, performed_on,
                    result, reason, performed_by, evidence, file_id, voids, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?;
            for c in checks {
                insert.execute(params![
                    c.id,
                    programme,
                    c.control_id,
                    c.performed_on.to_string(),
                    c.result.id(),
                    c.reason,
                    c.performed_by,
                    c.evidence,
                    c.file.as_ref().map(|f| &f.id),
                    c.voids,
                    timestamp(&c.recorded_at),
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// An evidence file's bytes.
    pub fn evidence_bytes(
        &self,
        programme: &str,
        file_id: &str,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT bytes FROM evidence_files WHERE programme = ?1 AND id = ?2",
                params![programme, file_id],
                |row| row.get(0),
            )
            .optional()?)
    }
}
