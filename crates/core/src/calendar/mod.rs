//! The control calendar: recurring controls a programme adopted, the append-only check log, and when each control is next due.
//!
//! Pure: the records and `today` come in, so the calendar, the observation windows and the
//! findings they produce are reproducible. Due dates step from the control's first due date by
//! its frequency (calendar months keep the day, or the month's last day), so a schedule never
//! drifts; a check satisfies the due date of the period it falls in, `(previous due, due]`.

mod entries;
mod observation;
mod sample;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::catalog::{Bank, Frequency, Interval, RecurringTemplate};

pub use entries::{
    EVIDENCE_FILE_LIMIT, Refusal, Run, TEXT_LIMIT, adopted, adoption, evidence_file, lower_hex,
    run_entry, sha256_hex, void_entry,
};
pub use observation::{
    ControlObservation, Observation, ObservationWindow, Occurrence, OccurrenceStatus,
    check_log_findings, observation, observation_window, observe_period, runs_needed,
};
pub use sample::{Population, SampledItem};

/// A recurring control a programme runs, adopted from the bank's proposals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
pub struct AdoptedControl {
    /// The bank's recurring control id (`access-review`); one per programme.
    pub control_id: String,
    pub frequency: Frequency,
    pub owner: String,
    /// The first due date; later ones step from it.
    pub first_due: NaiveDate,
    /// Archived controls keep their checks but are no longer expected to run.
    pub archived: bool,
    #[ts(type = "string")]
    pub adopted_at: DateTime<Utc>,
}

/// What one run of a control found. `Void` is not a run: it withdraws an earlier entry recorded
/// by mistake, since the log itself is never edited.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum CheckResult {
    Pass,
    Fail,
    NotRun,
    Void,
}

impl CheckResult {
    pub fn id(self) -> &'static str {
        match self {
            CheckResult::Pass => "pass",
            CheckResult::Fail => "fail",
            CheckResult::NotRun => "not-run",
            CheckResult::Void => "void",
        }
    }

    pub fn parse(text: &str) -> Option<CheckResult> {
        [
            CheckResult::Pass,
            CheckResult::Fail,
            CheckResult::NotRun,
            CheckResult::Void,
        ]
        .into_iter()
        .find(|r| r.id() == text.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            CheckResult::Pass => "passed",
            CheckResult::Fail => "failed",
            CheckResult::NotRun => "not run",
            CheckResult::Void => "voided",
        }
    }
}

/// An evidence file kept inside the data file, as the log shows it (the bytes stay in the store).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
pub struct EvidenceFile {
    pub id: String,
    pub name: String,
    pub size: u64,
    pub sha256: String,
}

/// One entry of the check log. Append-only: a mistake is corrected by a later `Void` entry
/// naming it in `voids`, with a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
pub struct CheckEntry {
    pub id: String,
    pub control_id: String,
    pub performed_on: NaiveDate,
    pub result: CheckResult,
    pub reason: String,
    pub performed_by: String,
    /// A reference to evidence kept elsewhere (a ticket, a folder, a URL).
    pub evidence: Option<String>,
    pub file: Option<EvidenceFile>,
    /// The entry this one withdraws (only for `Void`).
    pub voids: Option<String>,
    #[ts(type = "string")]
    pub recorded_at: DateTime<Utc>,
    /// The population item this entry tested, when it records a sample's test rather than a
    /// run of the control; absent in logs from before samples were recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub sample: Option<SampledItem>,
}

impl CheckEntry {
    /// A run of the control itself (not a test of one sampled item): only these meet its due
    /// dates.
    pub fn is_run(&self) -> bool {
        self.sample.is_none()
    }
}

/// A programme's records as the calendar reads them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckLog {
    pub controls: Vec<AdoptedControl>,
    pub checks: Vec<CheckEntry>,
}

/// Where a control stands against its next due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum DueStatus {
    Overdue,
    Due,
    Upcoming,
    Archived,
}

impl DueStatus {
    pub const ALL: [DueStatus; 4] = [
        DueStatus::Overdue,
        DueStatus::Due,
        DueStatus::Upcoming,
        DueStatus::Archived,
    ];

    /// The id files and the UI use (`overdue`, `due`, ...).
    pub fn id(self) -> &'static str {
        match self {
            DueStatus::Overdue => "overdue",
            DueStatus::Due => "due",
            DueStatus::Upcoming => "upcoming",
            DueStatus::Archived => "archived",
        }
    }

    /// The words the app shows for it.
    pub fn label(self) -> &'static str {
        match self {
            DueStatus::Overdue => "Overdue",
            DueStatus::Due => "Due soon",
            DueStatus::Upcoming => "Scheduled",
            DueStatus::Archived => "Archived",
        }
    }
}

/// One adopted control on the calendar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CalendarRow {
    pub control: AdoptedControl,
    pub title: String,
    pub questions: Vec<String>,
    pub evidence: String,
    pub last_check: Option<CheckEntry>,
    pub next_due: NaiveDate,
    pub status: DueStatus,
}

/// The calendar: adopted controls (overdue first, then by next due date) and the proposals not
/// yet adopted whose questions apply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Calendar {
    pub controls: Vec<CalendarRow>,
    pub proposed: Vec<RecurringTemplate>,
    pub due: usize,
    pub overdue: usize,
}

/// Days before a due date from which a monthly or slower control shows as due.
pub const DUE_SOON_DAYS: i64 = 14;

/// The calendar as of `today`. `applicable` holds the control questions in scope.
pub fn calendar(
    bank: &Bank,
    applicable: &BTreeSet<String>,
    log: &CheckLog,
    today: NaiveDate,
) -> Calendar {
    let runs = Runs::of(&log.checks);
    let mut controls: Vec<CalendarRow> = log
        .controls
        .iter()
        .map(|control| {
            let template = template(bank, &control.control_id);
            let schedule = Schedule::of(control);
            let last_check = runs.last_run(&control.control_id).cloned();
            let next_due = schedule.next_due(last_check.as_ref().map(|c| c.performed_on));
            let soon = match control.frequency {
                Frequency::Weekly => 1,
                _ => DUE_SOON_DAYS,
            };
            let status = if control.archived {
                DueStatus::Archived
            } else if next_due < today {
                DueStatus::Overdue
            } else if (next_due - today).num_days() <= soon {
                DueStatus::Due
            } else {
                DueStatus::Upcoming
            };
            CalendarRow {
                title: template.map_or_else(|| control.control_id.clone(), |t| t.title.clone()),
                questions: template.map(|t| t.questions.clone()).unwrap_or_default(),
                evidence: template.map(|t| t.evidence.clone()).unwrap_or_default(),
                control: control.clone(),
                last_check,
                next_due,
                status,
            }
        })
        .collect();
    controls.sort_by_key(|row| {
        (
            row.status != DueStatus::Overdue,
            row.control.archived,
            row.next_due,
        )
    });
    let adopted: BTreeSet<&str> = log.controls.iter().map(|c| c.control_id.as_str()).collect();
    let proposed = bank
        .recurring_controls
        .iter()
        .filter(|t| !adopted.contains(t.id.as_str()))
        .filter(|t| t.questions.iter().any(|q| applicable.contains(q)))
        .cloned()
        .collect();
    Calendar {
        due: controls
            .iter()
            .filter(|r| r.status == DueStatus::Due)
            .count(),
        overdue: controls
            .iter()
            .filter(|r| r.status == DueStatus::Overdue)
            .count(),
        controls,
        proposed,
    }
}

pub fn template<'a>(bank: &'a Bank, control_id: &str) -> Option<&'a RecurringTemplate> {
    bank.recurring_controls.iter().find(|t| t.id == control_id)
}

/// A control's due dates: `first_due` stepped by the frequency, always from the first date so
/// that month ends do not drift.
pub(crate) struct Schedule {
    first_due: NaiveDate,
    step: Interval,
}

impl Schedule {
    pub(crate) fn of(control: &AdoptedControl) -> Schedule {
        Schedule {
            first_due: control.first_due,
            step: control.frequency.interval(),
        }
    }

    /// The k-th due date; k = -1 is the date before the first, which opens the first period.
    pub(crate) fn due(&self, k: i64) -> NaiveDate {
        match self.step {
            Interval::Days(days) => self.first_due + chrono::Duration::days(k * i64::from(days)),
            Interval::Months(months) => {
                let total = u32::try_from(k.unsigned_abs()).unwrap_or(u32::MAX) * months;
                if k >= 0 {
                    self.first_due.checked_add_months(Months::new(total))
                } else {
                    self.first_due.checked_sub_months(Months::new(total))
                }
                .unwrap_or(self.first_due)
            }
        }
    }

    /// The index of the period a date falls in: the first due date on or after it (never
    /// before the first).
    pub(crate) fn period_of(&self, date: NaiveDate) -> i64 {
        let mut k = 0;
        while self.due(k) < date {
            k += 1;
        }
        k
    }

    /// The due date after the period of the last run, or the first due date.
    fn next_due(&self, last_run: Option<NaiveDate>) -> NaiveDate {
        match last_run {
            Some(date) => self.due(self.period_of(date) + 1),
            None => self.first_due,
        }
    }
}

/// The log's runs per control, oldest first, without voided entries and the void entries
/// themselves: built once per computation so 20,000 checks are read once.
pub(crate) struct Runs<'a> {
    by_control: BTreeMap<&'a str, Vec<&'a CheckEntry>>,
}

impl<'a> Runs<'a> {
    pub(crate) fn of(checks: &'a [CheckEntry]) -> Runs<'a> {
        let voided: BTreeSet<&str> = checks.iter().filter_map(|c| c.voids.as_deref()).collect();
        let mut by_control: BTreeMap<&str, Vec<&CheckEntry>> = BTreeMap::new();
        for check in checks.iter().filter(|c| c.is_run()) {
            if check.result != CheckResult::Void && !voided.contains(check.id.as_str()) {
                by_control.entry(&check.control_id).or_default().push(check);
            }
        }
        for runs in by_control.values_mut() {
            runs.sort_by_key(|c| (c.performed_on, c.recorded_at));
        }
        Runs { by_control }
    }

    pub(crate) fn of_control(&self, control_id: &str) -> &[&'a CheckEntry] {
        self.by_control.get(control_id).map_or(&[], Vec::as_slice)
    }

    /// The latest entry that ran the control (passed or failed; "not run" is no run).
    fn last_run(&self, control_id: &str) -> Option<&'a CheckEntry> {
        self.of_control(control_id)
            .iter()
            .rev()
            .find(|c| c.result != CheckResult::NotRun)
            .copied()
    }
}
