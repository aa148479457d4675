//! What the programme's records say against the answers on a day: the one collector of findings (the check log's, then the registers'), read before any score.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::Workspace;
use crate::Result;
use crate::assessment::AssessmentRecord;
use crate::calendar::{CheckLog, check_log_findings, runs_needed};
use crate::catalog::Bank;
use crate::evaluation::Evaluation;
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
        let needed = runs_needed(record, &controls, today);
        for (control_id, since) in &needed {
            checks.extend(self.store.runs_since(&programme, control_id, *since)?);
        }
        // Sampled items' failed tests are exceptions of the window, read apart from the runs.
        if let Some(since) = needed.iter().map(|(_, since)| *since).min() {
            checks.extend(self.store.failed_samples_since(&programme, since)?);
        }
        Ok(CheckLog { controls, checks })
    }

    /// Everything the programme's records say against the answers, as of `today`. The one
    /// collector: the check log's findings, then the registers', then the account exports'.
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
        findings.extend(
            self.programme_account_review(&programme, &registers.people)?
                .record_findings(bank),
        );
        Ok((findings, overdue))
    }

    /// The assessment as judged on `today`: the answers, what they imply on the quick path, and
    /// what the programme's records show. Every score, gap, plan and report starts here.
    pub fn evaluation(&self, assessment_id: &str, today: NaiveDate) -> Result<Evaluation> {
        Ok(self.evaluation_and_bank(assessment_id, today)?.0)
    }

    /// The evaluation on `today` and the bank (with its modules) it is judged against.
    pub(crate) fn evaluation_and_bank(
        &self,
        assessment_id: &str,
        today: NaiveDate,
    ) -> Result<(Evaluation, super::modules::BankRef<'_>)> {
        let (record, bank) = self.record_and_bank(assessment_id)?;
        let evaluation = self.judged(&bank, record, today)?;
        Ok((evaluation, bank))
    }

    /// `record` as every figure judges it on `today` against `bank`: what its answers imply,
    /// then what the programme's records show against them (implied answers included).
    pub(super) fn judged(
        &self,
        bank: &Bank,
        record: AssessmentRecord,
        today: NaiveDate,
    ) -> Result<Evaluation> {
        let evaluation = Evaluation::new(bank, record, today);
        let (findings, overdue) = self.findings(&evaluation, bank, today)?;
        Ok(evaluation.with_records(findings, overdue))
    }

    /// Whether the programme keeps any records, so kept figures must name the day.
    pub(super) fn has_records(&self, organisation: &str) -> Result<bool> {
        Ok(self
            .store
            .programme_has_records(&programme_key(organisation))?)
    }
}
