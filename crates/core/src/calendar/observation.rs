//! The observation period: each recurring control's expected runs in the Type II window, what the log shows for each, and the findings that follow.

use std::collections::BTreeSet;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{AdoptedControl, CheckEntry, CheckLog, CheckResult, Runs, Schedule, template};
use crate::assessment::{AnswerValue, AssessmentRecord, ReportType};
use crate::catalog::{Bank, Frequency, OBSERVATION_START_QUESTION};
use crate::findings::{Effect, RecordFinding, Source};

/// The Type II window: from the start chosen in step 1 for the period chosen there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ObservationWindow {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub months: u32,
}

/// What the log shows for one expected run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum OccurrenceStatus {
    Passed,
    Failed,
    Missed,
    NotYetDue,
}

impl OccurrenceStatus {
    pub const ALL: [OccurrenceStatus; 4] = [
        OccurrenceStatus::Passed,
        OccurrenceStatus::Failed,
        OccurrenceStatus::Missed,
        OccurrenceStatus::NotYetDue,
    ];

    /// The id files and the UI use (`passed`, `not_yet_due`, ...).
    pub fn id(self) -> &'static str {
        match self {
            OccurrenceStatus::Passed => "passed",
            OccurrenceStatus::Failed => "failed",
            OccurrenceStatus::Missed => "missed",
            OccurrenceStatus::NotYetDue => "not_yet_due",
        }
    }

    /// The words the app and the PDF's key show for it.
    pub fn label(self) -> &'static str {
        match self {
            OccurrenceStatus::Passed => "Passed",
            OccurrenceStatus::Failed => "Failed",
            OccurrenceStatus::Missed => "Missed (not run)",
            OccurrenceStatus::NotYetDue => "Not yet due",
        }
    }
}

/// One expected run in the window: the period `(opens, due]` and what happened in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Occurrence {
    pub opens: NaiveDate,
    pub due: NaiveDate,
    pub status: OccurrenceStatus,
    /// The entry that decided the status (a failure, else a pass, else a "not run").
    pub check: Option<CheckEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ControlObservation {
    pub control_id: String,
    pub title: String,
    pub frequency: Frequency,
    pub owner: String,
    pub questions: Vec<String>,
    pub occurrences: Vec<Occurrence>,
    pub passed: usize,
    pub failed: usize,
    pub missed: usize,
    pub not_yet_due: usize,
}

impl ControlObservation {
    /// Failed and missed runs: what an auditor reports as exceptions.
    pub fn exceptions(&self) -> impl Iterator<Item = &Occurrence> {
        self.occurrences.iter().filter(|o| {
            matches!(
                o.status,
                OccurrenceStatus::Failed | OccurrenceStatus::Missed
            )
        })
    }
}

/// The period as of a day. Without a window (a Type I, no start date yet, or before the
/// start) there are no occurrences and no exceptions; `note` says why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Observation {
    pub window: Option<ObservationWindow>,
    pub started: bool,
    pub note: String,
    pub controls: Vec<ControlObservation>,
    pub exceptions: usize,
}

/// The window from step 1: a Type II with an observation start; the period's months, 3 when
/// not chosen (as the plan assumes).
pub fn observation_window(record: &AssessmentRecord) -> Option<ObservationWindow> {
    if record.report_type() != ReportType::Type2 {
        return None;
    }
    let Some(AnswerValue::Date(start)) = record.value(OBSERVATION_START_QUESTION) else {
        return None;
    };
    let (months, _) = crate::engagement::observation_period(record);
    let end = start.checked_add_months(Months::new(months))? - chrono::Duration::days(1);
    Some(ObservationWindow {
        start: *start,
        end,
        months,
    })
}

/// The runs the observation and the findings read, per active control: those performed on or
/// after the start of the period leading into the window (one frequency before its start). None
/// before the window has started. Reading only these gives the same observation and findings as
/// the whole log, and a store can find them without reading years of history.
pub fn runs_needed(
    record: &AssessmentRecord,
    controls: &[AdoptedControl],
    today: NaiveDate,
) -> Vec<(String, NaiveDate)> {
    let Some(window) = observation_window(record).filter(|w| w.start <= today) else {
        return Vec::new();
    };
    controls
        .iter()
        .filter(|c| !c.archived)
        .map(|c| (c.control_id.clone(), Schedule::of(c).lead_in(window.start)))
        .collect()
}

/// Every active control's expected runs in the window, as of `today`.
pub fn observation(
    bank: &Bank,
    record: &AssessmentRecord,
    log: &CheckLog,
    today: NaiveDate,
) -> Observation {
    observe(bank, record, log, &Runs::of(&log.checks), today)
}

fn observe(
    bank: &Bank,
    record: &AssessmentRecord,
    log: &CheckLog,
    runs: &Runs,
    today: NaiveDate,
) -> Observation {
    let window = observation_window(record);
    let started = window.is_some_and(|w| w.start <= today);
    let note = match window {
        None if record.report_type() == ReportType::Type1 => {
            "A Type I report tests design on one date: the calendar has no observation period."
        }
        None => "Set when the observation period starts (step 1) to see the runs it expects.",
        Some(_) if !started => "The observation period has not started: no exceptions yet.",
        Some(_) => "",
    }
    .to_string();
    let controls: Vec<ControlObservation> = match window.filter(|_| started) {
        None => Vec::new(),
        Some(window) => log
            .controls
            .iter()
            .filter(|c| !c.archived)
            .map(|control| observe_control(bank, control, runs, window.start, window.end, today))
            .collect(),
    };
    Observation {
        window,
        started,
        note,
        exceptions: controls.iter().map(|c| c.failed + c.missed).sum(),
        controls,
    }
}

/// One control's expected runs between `start` and `end` (both included) as of `today`.
fn observe_control(
    bank: &Bank,
    control: &AdoptedControl,
    runs: &Runs,
    start: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
) -> ControlObservation {
    let schedule = Schedule::of(control);
    let occurrences = occurrences(
        &schedule,
        runs.of_control(&control.control_id),
        start,
        end,
        today,
    );
    let count = |s: OccurrenceStatus| occurrences.iter().filter(|o| o.status == s).count();
    let template = template(bank, &control.control_id);
    ControlObservation {
        control_id: control.control_id.clone(),
        title: template.map_or_else(|| control.control_id.clone(), |t| t.title.clone()),
        frequency: control.frequency,
        owner: control.owner.clone(),
        questions: template.map(|t| t.questions.clone()).unwrap_or_default(),
        passed: count(OccurrenceStatus::Passed),
        failed: count(OccurrenceStatus::Failed),
        missed: count(OccurrenceStatus::Missed),
        not_yet_due: count(OccurrenceStatus::NotYetDue),
        occurrences,
    }
}

/// Every adopted control's expected runs in a period the user names (an audit period, which
/// need not be the window chosen in step 1), as of `today`, judged by the same rules as the
/// window. Archived controls are not expected to run and are left out.
pub fn observe_period(
    bank: &Bank,
    log: &CheckLog,
    start: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
) -> Vec<ControlObservation> {
    let runs = Runs::of(&log.checks);
    log.controls
        .iter()
        .filter(|c| !c.archived)
        .map(|control| observe_control(bank, control, &runs, start, end, today))
        .collect()
}

/// The due dates inside the window, each period clipped to the window so a run before the
/// period began does not count for it. A failure in a period makes it failed even when a
/// later run passed (the auditor sees both); a period past its due date with no run is missed.
fn occurrences(
    schedule: &Schedule,
    runs: &[&CheckEntry],
    start: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
) -> Vec<Occurrence> {
    let mut out = Vec::new();
    let mut k = schedule.period_of(start);
    loop {
        let due = schedule.due(k);
        if due > end {
            break;
        }
        let opens = (schedule.due(k - 1) + chrono::Duration::days(1)).max(start);
        let first = runs.partition_point(|c| c.performed_on < opens);
        let last = runs.partition_point(|c| c.performed_on <= due);
        let inside = &runs[first..last];
        let find = |r: CheckResult| {
            inside
                .iter()
                .rev()
                .find(|c| c.result == r)
                .map(|c| (*c).clone())
        };
        let (status, check) = if let Some(c) = find(CheckResult::Fail) {
            (OccurrenceStatus::Failed, Some(c))
        } else if let Some(c) = find(CheckResult::Pass) {
            (OccurrenceStatus::Passed, Some(c))
        } else if due < today {
            (OccurrenceStatus::Missed, find(CheckResult::NotRun))
        } else {
            (OccurrenceStatus::NotYetDue, None)
        };
        out.push(Occurrence {
            opens,
            due,
            status,
            check,
        });
        k += 1;
    }
    out
}

/// What the check log says against the answers, as of `today`, and the questions whose
/// control is overdue inside the window (urgent in the plan). Only a Type II whose window has
/// started has findings:
/// - an answer at operating (4) whose control shows no pass since the run leading into the
///   window (one frequency before its start) is not evidenced;
/// - a failed or missed run in the window is a known exception on every question it serves.
pub fn check_log_findings(
    bank: &Bank,
    record: &AssessmentRecord,
    log: &CheckLog,
    today: NaiveDate,
) -> (Vec<RecordFinding>, BTreeSet<String>) {
    let runs = Runs::of(&log.checks);
    let observed = observe(bank, record, log, &runs, today);
    let mut findings = Vec::new();
    let mut overdue = BTreeSet::new();
    let Some(window) = observed.window.filter(|_| observed.started) else {
        return (findings, overdue);
    };
    for control in &observed.controls {
        let adopted = log
            .controls
            .iter()
            .find(|c| c.control_id == control.control_id);
        let lead_in = adopted.map_or(window.start, |c| Schedule::of(c).lead_in(window.start));
        let evidenced = runs.of_control(&control.control_id).iter().any(|c| {
            c.result == CheckResult::Pass && c.performed_on >= lead_in && c.performed_on <= today
        });
        let exceptions: Vec<String> = control
            .exceptions()
            .map(|o| match (&o.status, &o.check) {
                (OccurrenceStatus::Failed, Some(c)) => {
                    format!("failed on {} ({})", c.performed_on, c.reason.trim())
                }
                (_, Some(c)) => format!("not run for {} ({})", o.due, c.reason.trim()),
                _ => format!("missed, due {}", o.due),
            })
            .collect();
        let late = control
            .occurrences
            .iter()
            .rev()
            .find(|o| o.status != OccurrenceStatus::NotYetDue)
            .is_some_and(|o| o.status == OccurrenceStatus::Missed);
        for question in &control.questions {
            let at_operating = matches!(
                record.value(question),
                Some(AnswerValue::Level(l)) if l.value() >= 4
            );
            if at_operating && !evidenced {
                findings.push(RecordFinding {
                    question_id: question.clone(),
                    source: Source::CheckLog,
                    effect: Effect::NotEvidenced,
                    record_id: control.control_id.clone(),
                    detail: format!(
                        "the check log shows no passed {} since {}",
                        control.title.to_lowercase(),
                        lead_in
                    ),
                    live_exposure: false,
                });
            }
            if !exceptions.is_empty() {
                findings.push(RecordFinding {
                    question_id: question.clone(),
                    source: Source::CheckLog,
                    effect: Effect::KnownException,
                    record_id: control.control_id.clone(),
                    detail: format!(
                        "the check log shows the {} {}",
                        control.title.to_lowercase(),
                        exceptions.join("; ")
                    ),
                    live_exposure: false,
                });
            }
            if late {
                overdue.insert(question.clone());
            }
        }
    }
    findings.extend(super::sample::failed_samples(
        bank,
        log,
        window.start,
        today,
    ));
    (findings, overdue)
}

impl Schedule {
    /// The start of the run period leading into `start`: one step before it.
    fn lead_in(&self, start: NaiveDate) -> NaiveDate {
        match self.step {
            crate::catalog::Interval::Days(days) => start - chrono::Duration::days(i64::from(days)),
            crate::catalog::Interval::Months(months) => start
                .checked_sub_months(Months::new(months))
                .unwrap_or(start),
        }
    }
}
