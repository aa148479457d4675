//! The auditor's evidence binder as data: an audit period, and what the check log holds for it from criterion to control to each run (with what is missing said in place).
//!
//! Pure: the bank, the check log, the criteria in scope and the day come in; the application
//! layer writes the files. Only what lies inside the period is selected here, so the writer
//! cannot let an entry from outside it slip in.

mod matrix;
mod populations;
mod samples;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{
    CheckEntry, CheckLog, CheckResult, EvidenceFile, OccurrenceStatus, observe_period, template,
};
use crate::catalog::{Bank, Frequency};
use crate::findings::{Effect, RecordFinding, Source};
use crate::registers::RecordError;

pub use matrix::{MatrixRow, control_matrix};
pub use populations::{
    PopulationItem, PopulationSample, SampleRow, population_items, population_samples, sample_seed,
};
pub use samples::{LARGEST_SAMPLE, SAMPLE_SIZES, propose_sample, sample_size};

/// The longest period a binder covers: a Type II period is 3 to 12 months, and a renewal's
/// bridge can add a few; anything longer is a typing mistake in a year.
pub const LONGEST_PERIOD_DAYS: i64 = 2 * 366;

/// The days an auditor tests, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct AuditPeriod {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl AuditPeriod {
    /// A period from its first and last day; refused (naming the field) when it ends before it
    /// starts, is longer than two years, or starts after `today` (nothing can be in it yet).
    pub fn new(
        start: NaiveDate,
        end: NaiveDate,
        today: NaiveDate,
    ) -> Result<AuditPeriod, RecordError> {
        if end < start {
            return Err(RecordError::new(
                "to",
                format!("the period ends ({end}) before it starts ({start})"),
            ));
        }
        if (end - start).num_days() > LONGEST_PERIOD_DAYS {
            return Err(RecordError::new(
                "to",
                format!(
                    "a period from {start} to {end} is longer than two years: give one audit period"
                ),
            ));
        }
        if start > today {
            return Err(RecordError::new(
                "from",
                format!(
                    "the period starts on {start}, after today ({today}): nothing is in it yet"
                ),
            ));
        }
        Ok(AuditPeriod { start, end })
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// Whether something that began on `from` and ended on `to` (open when `None`) touched it.
    pub fn overlaps(&self, from: NaiveDate, to: Option<NaiveDate>) -> bool {
        from <= self.end && to.is_none_or(|to| to >= self.start)
    }
}

/// What one line of a control's history in the period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Passed,
    Failed,
    NotRun,
    /// Recorded, then withdrawn by a later entry (its reason is the withdrawal's).
    Withdrawn,
    /// A due date in the period with no run recorded for it.
    Missed,
}

impl EntryKind {
    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Passed => "passed",
            EntryKind::Failed => "failed",
            EntryKind::NotRun => "not run",
            EntryKind::Withdrawn => "withdrawn",
            EntryKind::Missed => "missed: no run recorded",
        }
    }
}

/// One line of a control's history in the period: a run as recorded, or a due date missed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub kind: EntryKind,
    /// The day it was performed, or for a missed run the day it was due.
    pub day: NaiveDate,
    pub performed_by: Option<String>,
    pub reason: Option<String>,
    /// A reference to evidence kept elsewhere (a ticket, a folder).
    pub evidence: Option<String>,
    pub file: Option<EvidenceFile>,
    /// The check log's entry id, when there is one.
    pub check_id: Option<String>,
}

impl IndexEntry {
    /// A passed or failed run with neither a file nor a reference: the binder says so.
    pub fn lacks_evidence(&self) -> bool {
        matches!(self.kind, EntryKind::Passed | EntryKind::Failed)
            && self.file.is_none()
            && self.evidence.as_deref().is_none_or(|e| e.trim().is_empty())
    }
}

/// One recurring control's history in the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexControl {
    pub control_id: String,
    pub title: String,
    pub frequency: Frequency,
    pub owner: String,
    pub archived: bool,
    /// What to keep from each run, from the bank.
    pub keep: String,
    /// The criteria in scope it serves, through its questions.
    pub criteria: Vec<String>,
    pub entries: Vec<IndexEntry>,
    pub passed: usize,
    pub failed: usize,
    pub missed: usize,
}

/// One criterion in scope and the controls that serve it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexCriterion {
    pub id: String,
    pub title: String,
    pub controls: Vec<String>,
}

/// The binder's index: criteria in scope, each with its controls; each control with every run
/// and every missed due date inside the period, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BinderIndex {
    pub period: AuditPeriod,
    pub criteria: Vec<IndexCriterion>,
    pub controls: Vec<IndexControl>,
}

impl BinderIndex {
    /// Every evidence file a run in the period kept, once each (two runs may share none: each
    /// file belongs to one entry).
    pub fn files(&self) -> impl Iterator<Item = (&IndexControl, &IndexEntry, &EvidenceFile)> {
        self.controls.iter().flat_map(|c| {
            c.entries
                .iter()
                .filter_map(move |e| e.file.as_ref().map(|f| (c, e, f)))
        })
    }

    /// The criteria in scope no recurring control serves: nothing in the log speaks for them.
    pub fn uncovered(&self) -> impl Iterator<Item = &IndexCriterion> {
        self.criteria.iter().filter(|c| c.controls.is_empty())
    }

    /// What the period's runs say against the answers, as the observation period says it: a
    /// failed, not-run or missed due date is a known exception on every question its control
    /// evidences. The binder's control matrix reads these, never the window of step 1.
    pub fn exceptions(&self, bank: &Bank) -> Vec<RecordFinding> {
        let mut findings = Vec::new();
        for control in &self.controls {
            let found: Vec<String> = control
                .entries
                .iter()
                .filter_map(|e| match e.kind {
                    EntryKind::Failed => Some(format!("failed on {}", e.day)),
                    EntryKind::NotRun => Some(format!("not run on {}", e.day)),
                    EntryKind::Missed => Some(format!("missed, due {}", e.day)),
                    _ => None,
                })
                .collect();
            if found.is_empty() {
                continue;
            }
            let questions = template(bank, &control.control_id)
                .map(|t| t.questions.clone())
                .unwrap_or_default();
            for question in questions {
                findings.push(RecordFinding {
                    question_id: question,
                    source: Source::CheckLog,
                    effect: Effect::KnownException,
                    record_id: control.control_id.clone(),
                    detail: format!(
                        "in the period the {} was {}",
                        control.title.to_lowercase(),
                        found.join("; ")
                    ),
                    live_exposure: false,
                });
            }
        }
        findings
    }
}

/// The check log's entries for the period: every entry performed inside it, and every
/// withdrawal of one of those (an auditor sees the corrections, even one made after the period
/// ended), oldest first.
pub fn log_in_period<'a>(log: &'a CheckLog, period: &AuditPeriod) -> Vec<&'a CheckEntry> {
    let inside: BTreeSet<&str> = log
        .checks
        .iter()
        .filter(|c| period.contains(c.performed_on))
        .map(|c| c.id.as_str())
        .collect();
    let mut entries: Vec<&CheckEntry> = log
        .checks
        .iter()
        .filter(|c| {
            inside.contains(c.id.as_str()) || c.voids.as_deref().is_some_and(|v| inside.contains(v))
        })
        .collect();
    entries.sort_by_key(|c| (c.performed_on, c.recorded_at));
    entries
}

/// The index for `period` as of `today`. `in_scope` lists the criteria in scope in the order
/// to show them (the bank's). A control appears when it was due in the period (first due on or
/// before its end, retired ones too) or has a run in it; its runs are those performed inside
/// the period, and its missed due dates those the observation rules find inside it. A retired
/// control's due dates are not judged: the data file does not say when it was retired.
pub fn binder_index(
    bank: &Bank,
    log: &CheckLog,
    in_scope: &[String],
    period: AuditPeriod,
    today: NaiveDate,
) -> BinderIndex {
    let scope: BTreeSet<&str> = in_scope.iter().map(String::as_str).collect();
    let voided_by: BTreeMap<&str, &CheckEntry> = log
        .checks
        .iter()
        .filter_map(|c| c.voids.as_deref().map(|v| (v, c)))
        .collect();
    let observed: BTreeMap<String, Vec<(NaiveDate, OccurrenceStatus, bool)>> =
        observe_period(bank, log, period.start, period.end, today)
            .into_iter()
            .map(|o| {
                let occurrences = o
                    .occurrences
                    .iter()
                    .map(|x| (x.due, x.status, x.check.is_some()))
                    .collect();
                (o.control_id, occurrences)
            })
            .collect();
    let mut runs: BTreeMap<&str, Vec<&CheckEntry>> = BTreeMap::new();
    for check in log_in_period(log, &period) {
        if check.result != CheckResult::Void {
            runs.entry(&check.control_id).or_default().push(check);
        }
    }
    let mut controls = Vec::new();
    for control in &log.controls {
        let own = runs.remove(control.control_id.as_str()).unwrap_or_default();
        // A control first due after the period was not running in it: listing it would make
        // its criteria look covered.
        if control.first_due > period.end && own.is_empty() {
            continue;
        }
        let template = template(bank, &control.control_id);
        let mut criteria: Vec<String> = Vec::new();
        for question in template.map(|t| t.questions.as_slice()).unwrap_or_default() {
            for criterion in bank.question(question).map_or(&[][..], |q| &q.criteria) {
                if scope.contains(criterion.as_str()) && !criteria.contains(criterion) {
                    criteria.push(criterion.clone());
                }
            }
        }
        let mut entries: Vec<IndexEntry> = own
            .iter()
            .map(|check| {
                let withdrawal = voided_by.get(check.id.as_str());
                IndexEntry {
                    kind: match (withdrawal, check.result) {
                        (Some(_), _) => EntryKind::Withdrawn,
                        (None, CheckResult::Pass) => EntryKind::Passed,
                        (None, CheckResult::Fail) => EntryKind::Failed,
                        (None, _) => EntryKind::NotRun,
                    },
                    day: check.performed_on,
                    performed_by: Some(check.performed_by.clone()),
                    reason: Some(match withdrawal {
                        Some(void) => format!(
                            "withdrawn on {} by {}: {}",
                            void.performed_on,
                            void.performed_by,
                            void.reason.trim()
                        ),
                        // A sampled item's test sits with its control's runs, said to be one.
                        None => match &check.sample {
                            Some(item) => format!(
                                "test of the sampled {} {}{}",
                                item.population.singular(),
                                item.label,
                                Some(check.reason.trim())
                                    .filter(|r| !r.is_empty())
                                    .map_or(String::new(), |r| format!(": {r}"))
                            ),
                            None => check.reason.clone(),
                        },
                    }),
                    evidence: check.evidence.clone(),
                    file: check.file.clone(),
                    check_id: Some(check.id.clone()),
                }
            })
            .collect();
        let occurrences = observed
            .get(&control.control_id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let count = |s: OccurrenceStatus| occurrences.iter().filter(|o| o.1 == s).count();
        // A "not run" entry already explains its missed period; only silent ones are added.
        entries.extend(
            occurrences
                .iter()
                .filter(|(_, status, explained)| *status == OccurrenceStatus::Missed && !explained)
                .map(|(due, _, _)| IndexEntry {
                    kind: EntryKind::Missed,
                    day: *due,
                    performed_by: None,
                    reason: None,
                    evidence: None,
                    file: None,
                    check_id: None,
                }),
        );
        entries.sort_by_key(|e| e.day);
        controls.push(IndexControl {
            control_id: control.control_id.clone(),
            title: template.map_or_else(|| control.control_id.clone(), |t| t.title.clone()),
            frequency: control.frequency,
            owner: control.owner.clone(),
            archived: control.archived,
            keep: template.map(|t| t.evidence.clone()).unwrap_or_default(),
            criteria,
            entries,
            passed: count(OccurrenceStatus::Passed),
            failed: count(OccurrenceStatus::Failed),
            missed: count(OccurrenceStatus::Missed),
        });
    }
    let criteria = in_scope
        .iter()
        .map(|id| IndexCriterion {
            id: id.clone(),
            title: bank
                .criterion(id)
                .map(|c| c.title.clone())
                .unwrap_or_default(),
            controls: controls
                .iter()
                .filter(|c| c.criteria.contains(id))
                .map(|c| c.control_id.clone())
                .collect(),
        })
        .collect();
    BinderIndex {
        period,
        criteria,
        controls,
    }
}
