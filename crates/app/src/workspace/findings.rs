//! What the programme's records say against the answers on a day: the one collector of findings (the check log's, then the registers'), read before any score.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::Workspace;
use crate::Result;
use crate::assessment::AssessmentRecord;
use crate::calendar::{CheckLog, check_log_findings, runs_needed};
use crate::catalog::Bank;
use crate::findings::{RecordFinding, programme_key};

impl Workspace {
    /// The adopted controls and the runs the observation window reads (`runs_needed`): the
    /// same observation and findings as the whole log, without reading the years before.
    pub(super) fn window_log(
        &self,
        record: &AssessmentRecord,
        today: NaiveDate,
    ) -> Result<CheckLog> {
        let programme = programme_key(&record.assessment.organisation);
        let controls = self.store.adopted_controls(&programme)?;
        let mut checks = Vec::new();
        for (control_id, since) in runs_needed(record, &controls, today) {
            checks.extend(self.store.runs_since(&programme, &control_id, since)?);
        }
        Ok(CheckLog { controls, checks })
    }

    /// Everything the programme's records say against the answers, as of `today`. The one
    /// collector: the check log's findings, then the registers'.
    pub fn findings(
        &self,
        record: &AssessmentRecord,
        bank: &Bank,
        today: NaiveDate,
    ) -> Result<(Vec<RecordFinding>, BTreeSet<String>)> {
        let log = self.window_log(record, today)?;
        let (mut findings, overdue) = check_log_findings(bank, record, &log, today);
        let programme = programme_key(&record.assessment.organisation);
        let registers = self.store.registers(&programme)?;
        findings.extend(crate::registers::register_findings(&registers, bank, today));
        Ok((findings, overdue))
    }

    /// The record as scored on `today`: the answers, what they imply, and the records' findings.
    pub fn record_as_of(&self, assessment_id: &str, today: NaiveDate) -> Result<AssessmentRecord> {
        Ok(self.record_and_bank_as_of(assessment_id, today)?.0)
    }

    /// The record as scored on `today` and the bank (with its modules) it is scored against.
    pub(crate) fn record_and_bank_as_of(
        &self,
        assessment_id: &str,
        today: NaiveDate,
    ) -> Result<(AssessmentRecord, super::modules::BankRef<'_>)> {
        let (mut record, bank) = self.record_and_bank(assessment_id)?;
        let (findings, overdue) = self.findings(&record, &bank, today)?;
        record.findings = findings;
        record.overdue = overdue;
        Ok((record, bank))
    }

    /// Whether the programme keeps any records, so kept figures must name the day.
    pub(super) fn has_records(&self, organisation: &str) -> Result<bool> {
        Ok(self
            .store
            .programme_has_records(&programme_key(organisation))?)
    }
}
