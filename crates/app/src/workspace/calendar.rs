//! The control calendar over the workspace: adopting recurring controls, recording checks with their evidence, the observation period, and the findings every score reads.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use soc2_readiness_store::EvidenceBytes;

use super::Workspace;
use crate::calendar::{
    AdoptedControl, Calendar, CheckEntry, CheckLog, CheckResult, EvidenceFile, Observation, Run,
    SampledItem, adopted, adoption, calendar, evidence_file, observation, run_entry, void_entry,
};
use crate::catalog::{Bank, Frequency};
use crate::evaluation::Evaluation;
use crate::findings::programme_key;
use crate::interchange::{PortableCalendar, evidence_bytes, portable_file};
use crate::{Error, Result, files};

pub use crate::calendar::{EVIDENCE_FILE_LIMIT, TEXT_LIMIT};

/// What adopting a control (or changing an adopted one) takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct AdoptRequest {
    pub control_id: String,
    pub frequency: Frequency,
    pub owner: String,
    pub first_due: NaiveDate,
}

/// An entry of the log to withdraw, why, and who says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct VoidRequest {
    pub check_id: String,
    pub reason: String,
    pub performed_by: String,
}

/// One run of a control to record. `file` is the path of an evidence file, which the workspace
/// reads (bounded) and keeps in the data file under its name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CheckRequest {
    pub control_id: String,
    pub performed_on: NaiveDate,
    pub result: CheckResult,
    pub reason: String,
    pub performed_by: String,
    pub evidence: Option<String>,
    #[serde(skip)]
    #[ts(skip)]
    pub file: Option<PathBuf>,
    /// The population item this test is of, when it records a sample's test (the register
    /// entry's name is taken from the register, not from here).
    #[serde(default)]
    #[ts(optional)]
    pub sample: Option<SampledItem>,
}

impl Workspace {
    /// The assessment's programme's adopted controls and check log.
    pub fn check_log(&self, assessment_id: &str) -> Result<CheckLog> {
        Ok(self.store.check_log(&self.programme(assessment_id)?)?)
    }

    /// The calendar as of `today`: adopted controls with next due dates, and proposals whose
    /// questions are in scope.
    pub fn calendar(&self, assessment_id: &str, today: NaiveDate) -> Result<Calendar> {
        let (record, bank) = self.record_and_bank(assessment_id)?;
        let record = Evaluation::new(&bank, record, today);
        let scorecard = crate::scoring::score(&bank, &record);
        let programme = programme_key(&record.assessment.organisation);
        self.calendar_with(&bank, &programme, &applicable_questions(&scorecard), today)
    }

    /// The calendar of a programme whose applicable questions are already known (a caller that
    /// scored the assessment passes them rather than scoring it again).
    pub(super) fn calendar_with(
        &self,
        bank: &Bank,
        programme: &str,
        applicable: &BTreeSet<String>,
        today: NaiveDate,
    ) -> Result<Calendar> {
        let log = self.latest_runs(programme)?;
        Ok(calendar(bank, applicable, &log, today))
    }

    /// The programme's adopted controls with each one's latest run only: what the calendar and
    /// the control matrix show, without reading the whole log.
    pub(super) fn latest_runs(&self, programme: &str) -> Result<CheckLog> {
        let controls = self.store.adopted_controls(programme)?;
        let mut checks = Vec::new();
        for control in &controls {
            checks.extend(self.store.latest_run(programme, &control.control_id)?);
        }
        Ok(CheckLog { controls, checks })
    }

    /// The observation period as of `today`: each control's expected runs and what happened.
    pub fn observation(&self, assessment_id: &str, today: NaiveDate) -> Result<Observation> {
        let (record, bank) = self.record_and_bank(assessment_id)?;
        let record = Evaluation::new(&bank, record, today);
        let log = self.window_log(&record, today)?;
        Ok(observation(&bank, &record, &log, today))
    }

    /// Adopts a proposed control for the assessment's programme, or changes one adopted.
    pub fn adopt_control(
        &mut self,
        assessment_id: &str,
        request: &AdoptRequest,
        now: DateTime<Utc>,
    ) -> Result<AdoptedControl> {
        let programme = self.programme(assessment_id)?;
        let adopted_now = self.store.adopted_controls(&programme)?;
        let control = adoption(
            &self.bank,
            &adopted_now,
            &request.control_id,
            request.frequency,
            &request.owner,
            request.first_due,
            now,
        )?;
        self.store.save_control(&programme, &control)?;
        Ok(control)
    }

    /// Archives an adopted control: its checks stay, it is no longer expected to run.
    pub fn archive_control(&mut self, assessment_id: &str, control_id: &str) -> Result<()> {
        let programme = self.programme(assessment_id)?;
        let controls = self.store.adopted_controls(&programme)?;
        let mut control = adopted(&controls, control_id)?.clone();
        control.archived = true;
        Ok(self.store.save_control(&programme, &control)?)
    }

    /// Appends one run to the log. Refused: a control not adopted, a date after `today`, a
    /// missing reason for a failure or a run not done, a missing name, text or a file too large.
    pub fn record_check(
        &mut self,
        assessment_id: &str,
        id: &str,
        request: &CheckRequest,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<CheckEntry> {
        let programme = self.programme(assessment_id)?;
        let run = Run {
            control_id: &request.control_id,
            performed_on: request.performed_on,
            result: request.result,
            reason: &request.reason,
            performed_by: &request.performed_by,
            evidence: request.evidence.as_deref(),
        };
        let mut entry = run_entry(
            &self.store.adopted_controls(&programme)?,
            id,
            &run,
            today,
            now,
        )?;
        if let Some(given) = &request.sample {
            entry.sample = Some(self.sampled_item(
                &programme,
                &request.control_id,
                given,
                request.performed_on,
                request.result,
            )?);
        }
        // Read once the rest holds: a wrong field is said before a file is read.
        let bytes = match &request.file {
            Some(path) => {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                let bytes = files::read_at_most(path, EVIDENCE_FILE_LIMIT as u64)?;
                Some((name.unwrap_or_default(), bytes))
            }
            None => None,
        };
        let file = match &bytes {
            Some((name, bytes)) => Some(evidence_file(id, name, bytes)?),
            None => None,
        };
        entry.file = file.clone();
        let files: Vec<EvidenceBytes> = match (&file, &bytes) {
            (Some(file), Some((_, bytes))) => vec![EvidenceBytes { file, bytes }],
            _ => Vec::new(),
        };
        self.store
            .append_checks(&programme, std::slice::from_ref(&entry), &files)?;
        Ok(entry)
    }

    /// Withdraws an entry recorded by mistake with a later entry that says why.
    pub fn void_check(
        &mut self,
        assessment_id: &str,
        id: &str,
        void: &VoidRequest,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<CheckEntry> {
        let programme = self.programme(assessment_id)?;
        let log = self.store.check_log(&programme)?;
        let (check, reason, by) = (&void.check_id, &void.reason, &void.performed_by);
        let entry = void_entry(&log, id, check, reason, by, today, now)?;
        self.store
            .append_checks(&programme, std::slice::from_ref(&entry), &[])?;
        Ok(entry)
    }

    /// An evidence file's bytes, to save a copy.
    pub fn evidence_bytes(&self, assessment_id: &str, file_id: &str) -> Result<Vec<u8>> {
        self.store
            .evidence_bytes(&self.programme(assessment_id)?, file_id)?
            .ok_or_else(|| Error::Refused {
                field: "file".into(),
                reason: format!("no evidence file {file_id}"),
            })
    }
}

impl Workspace {
    /// The programme's calendar for the portable JSON, files included; `None` when it keeps none.
    pub(super) fn portable_calendar(
        &self,
        assessment_id: &str,
    ) -> Result<Option<PortableCalendar>> {
        let programme = self.programme(assessment_id)?;
        let log = self.store.check_log(&programme)?;
        if log.controls.is_empty() {
            return Ok(None);
        }
        let mut files = Vec::new();
        for file in log.checks.iter().filter_map(|c| c.file.as_ref()) {
            let bytes = self
                .store
                .evidence_bytes(&programme, &file.id)?
                .unwrap_or_default();
            files.push(portable_file(&file.id, &file.name, &file.sha256, &bytes));
        }
        Ok(Some(PortableCalendar {
            controls: log.controls,
            checks: log.checks,
            files,
        }))
    }

    /// Writes an imported calendar into the organisation's programme: controls by id (the file's
    /// settings win), checks and files added unless already there.
    pub(super) fn import_calendar(
        &mut self,
        organisation: &str,
        calendar: &PortableCalendar,
    ) -> Result<()> {
        let programme = programme_key(organisation);
        for control in &calendar.controls {
            self.store.save_control(&programme, control)?;
        }
        let decoded: Vec<(EvidenceFile, Vec<u8>)> = calendar
            .files
            .iter()
            .map(|f| {
                let bytes = evidence_bytes(f).map_err(Error::Invalid)?;
                let file = EvidenceFile {
                    id: f.id.clone(),
                    name: f.name.clone(),
                    size: bytes.len() as u64,
                    sha256: f.sha256.clone(),
                };
                Ok((file, bytes))
            })
            .collect::<Result<_>>()?;
        let files: Vec<EvidenceBytes> = decoded
            .iter()
            .map(|(file, bytes)| EvidenceBytes { file, bytes })
            .collect();
        self.store
            .append_checks(&programme, &calendar.checks, &files)?;
        Ok(())
    }
}

/// The control questions that apply and are not answered not applicable: those the calendar
/// proposes controls for.
pub(super) fn applicable_questions(scorecard: &crate::scoring::Scorecard) -> BTreeSet<String> {
    scorecard
        .questions
        .iter()
        .filter(|q| q.applicable && !q.not_applicable)
        .map(|q| q.question_id.clone())
        .collect()
}
