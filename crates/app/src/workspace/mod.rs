//! The workspace: one question bank over one data file, and the only way in for both front ends.
//!
//! Every operation the CLI and the desktop shell offer is implemented once here (and in
//! `answers` and `settings`); the store behind it is private.

mod accounts;
mod answers;
mod binder;
mod calendar;
mod compare;
mod description;
mod findings;
mod list;
pub mod merge;
mod modules;
mod portable;
mod protection;
mod register_import;
mod register_rows;
mod registers;
mod report;
mod samples;
mod settings;
mod sheets;
mod trust;
mod what_if;

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};

pub use accounts::{AccountImportInfo, AccountImportRequest, AccountImportResult, AccountsView};
pub use answers::{AnswerDetails, ScopeDecision};
pub use binder::BinderRequest;
pub use calendar::{AdoptRequest, CheckRequest, EVIDENCE_FILE_LIMIT, TEXT_LIMIT, VoidRequest};
pub use compare::TrendPoint;
pub use description::WrittenDescription;
pub use list::AssessmentSummary;
pub use modules::{ModuleInfo, check_module};
pub use register_import::{CsvImport, CsvImportRequest, ImportColumn, RowProblem};
pub use registers::KeptLimits;
pub use report::ReportOptions;
pub use samples::SamplesView;
pub use settings::{MAX_LOGO_BYTES, Settings, SettingsChange};
pub use trust::TrustFiles;

use crate::analysis::{Analysis, analyse};
use crate::assessment::{
    Answer, AnswerValue, Assessment, AssessmentRecord, Depth, HistoryEntry, ReportType,
};
use crate::catalog::{Bank, REPORT_TYPE_QUESTION, bundled_bank};
use crate::data_file::BackupInfo;
use crate::depth::implied_history;
use crate::evaluation::Evaluation;
use crate::findings::programme_key;
use crate::gaps::Gap;
use crate::scoring::{Scorecard, score};
use crate::{Error, Result};
use soc2_readiness_store::Store;

pub struct Workspace {
    bank: Bank,
    store: Store,
    /// See [`Workspace::computed_by`]; hashed once, on the first list.
    computed_by: std::sync::OnceLock<String>,
    modules: modules::ModuleCache,
    /// The latest account imports' rows, parsed once (`accounts.rs`).
    account_rows: accounts::AccountRows,
}

impl Workspace {
    /// Opens (creating if needed) the data file with the bundled question bank. A failure names
    /// the file.
    pub fn open(data_file: &Path, now: DateTime<Utc>) -> Result<Workspace> {
        Workspace::open_with_bank(bundled_bank(), data_file, now)
    }

    /// Opens the data file with another question bank (tests, and banks under review).
    pub fn open_with_bank(bank: Bank, data_file: &Path, now: DateTime<Utc>) -> Result<Workspace> {
        let store = Store::open(data_file, now).map_err(|e| Error::from(e).in_file(data_file))?;
        Ok(Workspace::over(bank, store))
    }

    /// A workspace over a database in memory, gone when dropped: for tests and benchmarks.
    pub fn in_memory(bank: Bank) -> Result<Workspace> {
        Ok(Workspace::over(bank, Store::open_in_memory()?))
    }

    fn over(bank: Bank, store: Store) -> Workspace {
        Workspace {
            bank,
            store,
            computed_by: std::sync::OnceLock::new(),
            modules: modules::ModuleCache::default(),
            account_rows: accounts::AccountRows::default(),
        }
    }

    /// The question bank every answer is checked against.
    pub fn bank(&self) -> &Bank {
        &self.bank
    }

    /// The data file, or `None` for a workspace in memory.
    pub fn data_file(&self) -> Option<&Path> {
        self.store.location()
    }

    /// True when the data file could be opened for reading only: everything can be read,
    /// scored and exported, and every change is refused by name.
    pub fn is_read_only(&self) -> bool {
        self.store.is_read_only()
    }

    /// Takes a backup now; `reason` ends up in its file name (`manual`, `start`, ...).
    pub fn back_up(&self, reason: &str, now: DateTime<Utc>) -> Result<BackupInfo> {
        Ok(self.store.back_up(reason, now)?)
    }

    /// The backup taken each time the data file is opened for work: skipped for a read-only
    /// file and for one with no assessment yet (nothing to lose).
    pub fn back_up_at_start(&self, now: DateTime<Utc>) -> Result<Option<BackupInfo>> {
        if self.store.is_read_only() || self.store.list_assessments()?.is_empty() {
            return Ok(None);
        }
        self.back_up("start", now).map(Some)
    }

    /// The daily backup, when the last one is a day old.
    pub fn back_up_if_due(&self, now: DateTime<Utc>) -> Result<Option<BackupInfo>> {
        Ok(self.store.back_up_if_due(now)?)
    }

    pub fn create_assessment(
        &mut self,
        id: &str,
        organisation: &str,
        report_type: ReportType,
        depth: Depth,
        now: DateTime<Utc>,
    ) -> Result<Assessment> {
        self.create_assessment_with(id, organisation, report_type, depth, &[], now)
    }

    /// Creates an assessment that uses kept question modules from the start (`id` or
    /// `id@version`; without a version, the newest kept).
    pub fn create_assessment_with(
        &mut self,
        id: &str,
        organisation: &str,
        report_type: ReportType,
        depth: Depth,
        modules: &[String],
        now: DateTime<Utc>,
    ) -> Result<Assessment> {
        let organisation = clean_organisation(organisation)?;
        let modules = self.module_refs(modules)?;
        let assessment = Assessment {
            id: id.to_string(),
            organisation,
            bank_version: self.bank.version.clone(),
            created_at: now,
            updated_at: now,
            archived_at: None,
            depth,
            label: None,
            baseline: None,
        };
        let mut record = AssessmentRecord {
            assessment: assessment.clone(),
            answers: Default::default(),
            scope_overrides: Vec::new(),
            upgrades: Vec::new(),
            modules,
        };
        let answer = Answer::bare(
            REPORT_TYPE_QUESTION,
            AnswerValue::Choice(report_type.id().to_string()),
            now,
        );
        record
            .answers
            .insert(answer.question_id.clone(), answer.clone());
        let history = vec![HistoryEntry::of(&answer)];
        self.store.insert_record(&record, &history, &[])?;
        Ok(assessment)
    }

    /// Resolves an id or unique id prefix given by a user.
    pub fn resolve(&self, given: &str) -> Result<String> {
        Ok(self.store.resolve_id(given)?)
    }

    /// The assessment as stored: the answers the user gave, its scope decisions, upgrades and
    /// modules. What it is judged to be on a day is [`Workspace::evaluation`].
    pub fn record(&self, assessment_id: &str) -> Result<AssessmentRecord> {
        Ok(self.store.load_record(assessment_id)?)
    }

    /// The stored record and the bank it is read against (with its modules).
    pub(crate) fn record_and_bank(
        &self,
        assessment_id: &str,
    ) -> Result<(AssessmentRecord, modules::BankRef<'_>)> {
        let record = self.store.load_record(assessment_id)?;
        let bank = self.bank_for(&record)?;
        Ok((record, bank))
    }

    /// Carries an assessment answered on an older bank to this one by the bank's changelog:
    /// moved answers keep their details, merged ones are marked to confirm, removed ones stay
    /// in the history. `None` when it is already on this bank.
    pub fn upgrade(
        &mut self,
        assessment_id: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<crate::upgrade::BankUpgrade>> {
        let record = self.store.load_record(assessment_id)?;
        let Some(carried) = crate::upgrade::carry(
            &self.bank,
            &record.assessment.bank_version,
            &record.answers,
            now,
        ) else {
            return Ok(None);
        };
        self.store.apply_upgrade(
            assessment_id,
            &carried.answers,
            &carried.history,
            &carried.upgrade,
        )?;
        Ok(Some(carried.upgrade))
    }

    /// The audit trail of an assessment's answers, oldest first.
    pub fn history(&self, assessment_id: &str) -> Result<Vec<HistoryEntry>> {
        Ok(self.store.history(assessment_id)?)
    }

    /// The audit trail of one question's answers, oldest first.
    pub fn question_history(
        &self,
        assessment_id: &str,
        question_id: &str,
    ) -> Result<Vec<HistoryEntry>> {
        let mut history = self.history(assessment_id)?;
        history.retain(|e| e.question_id == question_id);
        Ok(history)
    }

    /// Quick path or full depth. Deepening asks every question a foundation stood for; no
    /// given answer changes either way, and the history records what became implied or open.
    pub fn set_depth(
        &mut self,
        assessment_id: &str,
        depth: Depth,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let before = self.store.load_record(assessment_id)?;
        let mut after = before.clone();
        after.assessment.depth = depth;
        let history = implied_history(&*self.bank_for(&before)?, &before, &after, now);
        Ok(self.store.set_depth(assessment_id, depth, now, &history)?)
    }

    /// The scorecard as of `today`: the records' findings depend on the day.
    pub fn scorecard(
        &self,
        assessment_id: &str,
        today: NaiveDate,
    ) -> Result<(Evaluation, Scorecard)> {
        let (evaluation, bank) = self.evaluation_and_bank(assessment_id, today)?;
        let scorecard = score(&bank, &evaluation);
        Ok((evaluation, scorecard))
    }

    /// The scorecard, gap register and dated plan as of `today`.
    pub fn analysis(&self, assessment_id: &str, today: NaiveDate) -> Result<Analysis> {
        let (evaluation, bank) = self.evaluation_and_bank(assessment_id, today)?;
        Ok(analyse(&bank, &evaluation))
    }

    pub fn gaps(&self, assessment_id: &str, today: NaiveDate) -> Result<Vec<Gap>> {
        Ok(self.analysis(assessment_id, today)?.gaps)
    }

    /// Starts a re-assessment: a copy of the answers under a new id, with a fresh history.
    pub fn duplicate(
        &mut self,
        assessment_id: &str,
        new_id: &str,
        organisation: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Assessment> {
        let mut record = self.store.load_record(assessment_id)?;
        record.assessment.id = new_id.to_string();
        if let Some(name) = organisation {
            record.assessment.organisation = clean_organisation(name)?;
        }
        // Told apart from the original by its label, not by a changed organisation name (which
        // would print on the report's cover).
        record.assessment.label = Some(format!(
            "Re-assessment started {}, from the assessment of {}",
            crate::plan::human_date(now.date_naive()),
            crate::plan::human_date(record.assessment.created_at.date_naive())
        ));
        record.assessment.created_at = now;
        record.assessment.updated_at = now;
        record.assessment.archived_at = None;
        record.assessment.baseline = Some(assessment_id.to_string());
        // The modules link is copied with the answers (`record.modules`).
        self.store.insert_record(&record, &[], &[])?;
        Ok(record.assessment)
    }

    /// Archives an assessment (kept, out of the working list) or brings it back.
    pub fn set_archived(
        &mut self,
        assessment_id: &str,
        archived: bool,
        now: DateTime<Utc>,
    ) -> Result<()> {
        Ok(self
            .store
            .set_archived(assessment_id, archived.then_some(now), now)?)
    }

    /// Deletes an assessment with its answers and history; backups still hold it.
    pub fn delete(&mut self, assessment_id: &str) -> Result<()> {
        Ok(self.store.delete_assessment(assessment_id)?)
    }

    pub fn rename(
        &mut self,
        assessment_id: &str,
        organisation: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let organisation = clean_organisation(organisation)?;
        // The records follow the name only when no other assessment still speaks for the old
        // one (a re-assessment renamed alone leaves its baseline's programme where it is).
        let before = self
            .store
            .load_record(assessment_id)?
            .assessment
            .organisation;
        let (from, to) = (programme_key(&before), programme_key(&organisation));
        let kept_by_another = self
            .store
            .list_assessments()?
            .iter()
            .any(|a| a.id != assessment_id && programme_key(&a.organisation) == from);
        let carry = (from != to && !kept_by_another).then_some((from.as_str(), to.as_str()));
        // The trust page's choices, the description's versions and the limits are the programme's too: they follow it, or a renamed
        // company would publish again what it chose to hold back.
        let settings: Vec<(String, String)> = carry
            .map(|(from, to)| {
                vec![
                    (trust::choices_key(from), trust::choices_key(to)),
                    (accounts::choices_key(from), accounts::choices_key(to)),
                    (description::kept_key(from), description::kept_key(to)),
                    (
                        soc2_readiness_store::limits_key(from),
                        soc2_readiness_store::limits_key(to),
                    ),
                ]
            })
            .unwrap_or_default();
        Ok(self
            .store
            .rename_assessment(assessment_id, &organisation, now, carry, &settings)?)
    }
}

fn clean_organisation(name: &str) -> Result<String> {
    let name = name.trim();
    let refuse = |reason: &str| Error::Refused {
        field: "organisation".into(),
        reason: reason.into(),
    };
    if name.is_empty() {
        return Err(refuse("must not be empty"));
    }
    if name.chars().count() > 300 {
        return Err(refuse("longer than 300 characters"));
    }
    Ok(name.to_string())
}
