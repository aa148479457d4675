//! The control calendar's tables: adopted recurring controls, the append-only check log, evidence files.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use soc2_readiness_core::calendar::{
    AdoptedControl, CheckEntry, CheckLog, CheckResult, EvidenceFile,
};
use soc2_readiness_core::catalog::Frequency;

use super::rows::{from_json, parse_date, parse_time, timestamp, to_json};
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
        let sql = format!(
            "SELECT {CHECK_COLUMNS} FROM control_checks c LEFT JOIN evidence_files f ON f.id = c.file_id
             WHERE c.programme = ?1 ORDER BY c.recorded_at, c.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([programme], read_check)?;
        rows.map(|row| row?.into_entry()).collect()
    }

    /// A control's latest run (passed or failed; "not run" is no run) that no entry voided: what
    /// the calendar shows and dates the next run from, found on the index without reading the log.
    pub fn latest_run(
        &self,
        programme: &str,
        control_id: &str,
    ) -> Result<Option<CheckEntry>, StoreError> {
        let sql = format!(
            "SELECT {CHECK_COLUMNS} FROM control_checks c LEFT JOIN evidence_files f ON f.id = c.file_id
             WHERE c.programme = ?1 AND c.control_id = ?2 AND c.result IN ('pass', 'fail')
               AND c.sample IS NULL
               AND NOT EXISTS (SELECT 1 FROM control_checks v WHERE v.voids = c.id)
             ORDER BY c.performed_on DESC, c.recorded_at DESC, c.id DESC LIMIT 1"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let row = statement
            .query_row(params![programme, control_id], read_check)
            .optional()?;
        row.map(CheckRow::into_entry).transpose()
    }

    /// A control's runs performed on or after `since` that no entry voided (void entries left
    /// out too), in the log's order: a window's runs without reading the years before it.
    pub fn runs_since(
        &self,
        programme: &str,
        control_id: &str,
        since: NaiveDate,
    ) -> Result<Vec<CheckEntry>, StoreError> {
        let sql = format!(
            "SELECT {CHECK_COLUMNS} FROM control_checks c LEFT JOIN evidence_files f ON f.id = c.file_id
             WHERE c.programme = ?1 AND c.control_id = ?2 AND c.performed_on >= ?3
               AND c.result <> 'void' AND c.sample IS NULL
               AND NOT EXISTS (SELECT 1 FROM control_checks v WHERE v.voids = c.id)
             ORDER BY c.performed_on, c.recorded_at, c.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(
            params![programme, control_id, since.to_string()],
            read_check,
        )?;
        rows.map(|row| row?.into_entry()).collect()
    }

    /// Sampled items' tests that failed on or after `since`, none withdrawn: the exceptions a
    /// window's findings name, without reading the passed ones.
    pub fn failed_samples_since(
        &self,
        programme: &str,
        since: NaiveDate,
    ) -> Result<Vec<CheckEntry>, StoreError> {
        let sql = format!(
            "SELECT {CHECK_COLUMNS} FROM control_checks c LEFT JOIN evidence_files f ON f.id = c.file_id
             WHERE c.programme = ?1 AND c.sample IS NOT NULL AND c.result = 'fail'
               AND c.performed_on >= ?2
               AND NOT EXISTS (SELECT 1 FROM control_checks v WHERE v.voids = c.id)
             ORDER BY c.performed_on, c.recorded_at, c.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params![programme, since.to_string()], read_check)?;
        rows.map(|row| row?.into_entry()).collect()
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
                    result, reason, performed_by, evidence, file_id, voids, recorded_at, sample)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
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
                    c.sample.as_ref().map(to_json),
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

/// The columns every read of the log selects, `c` the check and `f` its evidence file.
const CHECK_COLUMNS: &str =
    "c.id, c.control_id, c.performed_on, c.result, c.reason, c.performed_by,
    c.evidence, c.voids, c.recorded_at, f.id, f.name, f.size, f.sha256, c.sample";

/// One row of the log as stored, before its text is checked.
struct CheckRow {
    id: String,
    control_id: String,
    performed_on: String,
    result: String,
    reason: String,
    performed_by: String,
    evidence: Option<String>,
    voids: Option<String>,
    recorded_at: String,
    file: Option<EvidenceFile>,
    sample: Option<String>,
}

fn read_check(row: &rusqlite::Row) -> rusqlite::Result<CheckRow> {
    let file = match row.get::<_, Option<String>>(9)? {
        Some(id) => Some(EvidenceFile {
            id,
            name: row.get(10)?,
            size: row.get::<_, i64>(11)?.max(0).unsigned_abs(),
            sha256: row.get(12)?,
        }),
        None => None,
    };
    Ok(CheckRow {
        id: row.get(0)?,
        control_id: row.get(1)?,
        performed_on: row.get(2)?,
        result: row.get(3)?,
        reason: row.get(4)?,
        performed_by: row.get(5)?,
        evidence: row.get(6)?,
        voids: row.get(7)?,
        recorded_at: row.get(8)?,
        file,
        sample: row.get(13)?,
    })
}

impl CheckRow {
    fn into_entry(self) -> Result<CheckEntry, StoreError> {
        let result = &self.result;
        Ok(CheckEntry {
            id: self.id,
            control_id: self.control_id,
            performed_on: parse_date(Some(self.performed_on))?.expect("a date was given"),
            result: CheckResult::parse(result)
                .ok_or_else(|| StoreError::Corrupt(format!("check result '{result}'")))?,
            reason: self.reason,
            performed_by: self.performed_by,
            evidence: self.evidence,
            file: self.file,
            voids: self.voids,
            recorded_at: parse_time(&self.recorded_at)?,
            sample: self.sample.as_deref().map(from_json).transpose()?,
        })
    }
}
