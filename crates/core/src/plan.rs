//! The dated path to a report: remediation, the Type I date or observation period, the report, and what to do when a deadline cannot be met.

use chrono::{Duration, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::assessment::{AnswerValue, AssessmentRecord, ReportType};
use crate::catalog::{
    COMPANY_SIZE_QUESTION, Category, EXISTING_REPORT_QUESTION, Effort, OBSERVATION_PERIOD_QUESTION,
    OBSERVATION_START_QUESTION, TARGET_DATE_QUESTION,
};
use crate::gaps::Gap;
use crate::scoring::DESIGN_TARGET;

/// Weeks between the auditor's point-in-time date and a Type I report in hand.
pub const TYPE1_REPORT_WEEKS: i64 = 4;
/// Weeks between the end of the observation period and a Type II report in hand.
pub const TYPE2_REPORT_WEEKS: i64 = 6;
/// Weeks between the end of remediation and the audit window: book the auditor, gather evidence.
pub const WINDOW_BUFFER_WEEKS: i64 = 2;
/// A first Type II's observation period when none was chosen: the shortest auditors accept.
pub const DEFAULT_PERIOD_MONTHS: u32 = 3;

/// When the audit window must start for the report to be in hand by the target date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Deadline {
    pub target_date: Option<NaiveDate>,
    /// The latest start of the audit window (Type I date or observation start) that still
    /// meets the target date.
    pub window_start: Option<NaiveDate>,
    /// Weeks from today to `window_start`; negative once that date has passed.
    pub weeks_to_window: Option<f64>,
}

/// The inputs of the plan read from the scoping answers.
#[derive(Debug, Clone, PartialEq)]
struct Timeline {
    report_type: ReportType,
    target_date: Option<NaiveDate>,
    period_months: u32,
    period_chosen: bool,
    /// A Type II's observation start when answered in step 1: the plan keeps to it.
    observation_start: Option<NaiveDate>,
    streams: u32,
    existing_report: Option<String>,
}

fn timeline(record: &AssessmentRecord) -> Timeline {
    let (period_months, period_chosen) = match record.value(OBSERVATION_PERIOD_QUESTION) {
        Some(AnswerValue::Choice(c)) if c == "6-months" => (6, true),
        Some(AnswerValue::Choice(c)) if c == "12-months" => (12, true),
        Some(AnswerValue::Choice(c)) if c == "3-months" => (3, true),
        _ => (DEFAULT_PERIOD_MONTHS, false),
    };
    let streams = match record.value(COMPANY_SIZE_QUESTION) {
        Some(AnswerValue::Choice(c)) if c == "11-50" => 3,
        Some(AnswerValue::Choice(c)) if c == "51-200" => 4,
        Some(AnswerValue::Choice(c)) if c == "200-plus" => 5,
        _ => 2,
    };
    Timeline {
        report_type: record.report_type(),
        target_date: match record.value(TARGET_DATE_QUESTION) {
            Some(AnswerValue::Date(date)) => Some(*date),
            _ => None,
        },
        period_months,
        period_chosen,
        observation_start: match record.value(OBSERVATION_START_QUESTION) {
            Some(AnswerValue::Date(date)) if record.report_type() == ReportType::Type2 => {
                Some(*date)
            }
            _ => None,
        },
        streams,
        existing_report: match record.value(EXISTING_REPORT_QUESTION) {
            Some(AnswerValue::Choice(c)) if c != "none" => Some(c.clone()),
            _ => None,
        },
    }
}

/// The latest window start for the target date, and how far away it is from `today`.
pub fn deadline(record: &AssessmentRecord, today: NaiveDate) -> Deadline {
    let t = timeline(record);
    let window_start = t
        .target_date
        .map(|target| latest_window_start(t.report_type, t.period_months, target));
    Deadline {
        target_date: t.target_date,
        window_start,
        weeks_to_window: window_start.map(|start| (start - today).num_days() as f64 / 7.0),
    }
}

fn latest_window_start(report_type: ReportType, months: u32, target: NaiveDate) -> NaiveDate {
    match report_type {
        ReportType::Type1 => target - Duration::weeks(TYPE1_REPORT_WEEKS),
        ReportType::Type2 => sub_months(target - Duration::weeks(TYPE2_REPORT_WEEKS), months),
    }
}

/// Weeks of one person's work for one effort size when starting from nothing: a few days, a
/// couple of weeks, over a month. Most readiness work is writing down and switching on.
pub fn effort_weeks(effort: Effort) -> f64 {
    match effort {
        Effort::S => 0.5,
        Effort::M => 1.5,
        Effort::L => 5.0,
    }
}

/// Work a gap needs before the audit window: the whole effort from nothing; three quarters
/// when planned or in progress; half with a known exception (the control exists, its coverage
/// must be completed); a quarter from informal (writing down what already happens, mostly in
/// policies that serve many controls); none once designed (a documented control earns its
/// evidence by operating during a Type II's observation period).
pub fn gap_work_weeks(effort: Effort, effective_level: f64, exception: bool) -> f64 {
    let share = if effective_level >= f64::from(DESIGN_TARGET) {
        0.0
    } else if exception {
        0.5
    } else if effective_level >= 2.0 {
        0.25
    } else if effective_level >= 1.0 {
        0.75
    } else {
        1.0
    };
    effort_weeks(effort) * share
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    Today,
    RemediationEnd,
    Type1Date,
    ObservationStart,
    ObservationEnd,
    ReportDate,
    TargetDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Milestone {
    pub kind: MilestoneKind,
    pub label: String,
    pub date: NaiveDate,
}

/// Another way to reach a report when the deadline cannot be met as planned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct PlanOption {
    pub title: String,
    pub detail: String,
    pub report_date: Option<NaiveDate>,
    pub meets_target: Option<bool>,
}

/// The dated path to the report, computed from the gaps and the scoping answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Plan {
    pub today: NaiveDate,
    pub report_type: ReportType,
    /// Sum of every gap's work weeks, and the longest single one.
    pub total_work_weeks: f64,
    pub longest_work_weeks: f64,
    /// Parallel workstreams assumed from the company's size.
    pub streams: u32,
    pub remediation_weeks: u32,
    pub remediation_end: NaiveDate,
    pub type1_date: Option<NaiveDate>,
    pub observation_start: Option<NaiveDate>,
    pub observation_end: Option<NaiveDate>,
    pub observation_months: Option<u32>,
    pub report_date: NaiveDate,
    pub target_date: Option<NaiveDate>,
    /// `None` without a target date.
    pub meets_target: Option<bool>,
    /// Days between the report date and the target date (negative when late).
    pub slack_days: Option<i64>,
    /// One plain sentence: on track, late by how much, or no deadline given; a second when
    /// remediation runs past the observation start answered in step 1.
    pub verdict: String,
    pub milestones: Vec<Milestone>,
    pub options: Vec<PlanOption>,
    /// What the dates assume, so a reader can redo them.
    pub assumptions: Vec<String>,
}

struct Dates {
    remediation_weeks: u32,
    remediation_end: NaiveDate,
    window_start: NaiveDate,
    observation_end: Option<NaiveDate>,
    report_date: NaiveDate,
}

fn remediation_weeks(gaps: &[&Gap], streams: u32) -> (f64, f64, u32) {
    let total: f64 = gaps.iter().map(|g| g.work_weeks).sum();
    let longest = gaps.iter().map(|g| g.work_weeks).fold(0.0, f64::max);
    let weeks = longest.max(total / f64::from(streams)).ceil() as u32;
    (total, longest, weeks)
}

/// The dates from remediation to the report. A Type II's observation start answered in step 1
/// (`start`) is kept even when remediation runs past it: the period is what was agreed with the
/// auditor, and gaps still open then become its exceptions (the verdict says so).
fn dates(
    today: NaiveDate,
    weeks: u32,
    report_type: ReportType,
    months: u32,
    start: Option<NaiveDate>,
) -> Dates {
    let remediation_end = today + Duration::weeks(i64::from(weeks));
    let window_start = match (report_type, start) {
        (ReportType::Type2, Some(start)) => start,
        _ => remediation_end + Duration::weeks(WINDOW_BUFFER_WEEKS),
    };
    let (observation_end, report_date) = match report_type {
        ReportType::Type1 => (None, window_start + Duration::weeks(TYPE1_REPORT_WEEKS)),
        ReportType::Type2 => {
            let end = add_months(window_start, months);
            (Some(end), end + Duration::weeks(TYPE2_REPORT_WEEKS))
        }
    };
    Dates {
        remediation_weeks: weeks,
        remediation_end,
        window_start,
        observation_end,
        report_date,
    }
}

/// Computes the plan. Pure: `today` is passed in.
pub fn plan(record: &AssessmentRecord, gaps: &[Gap], today: NaiveDate) -> Plan {
    let t = timeline(record);
    let required = crate::gaps::required_categories(record);
    let all: Vec<&Gap> = gaps.iter().collect();
    let (total, longest, weeks) = remediation_weeks(&all, t.streams);
    let main = dates(
        today,
        weeks,
        t.report_type,
        t.period_months,
        t.observation_start,
    );
    let meets = |date: NaiveDate| t.target_date.map(|target| date <= target);
    let slack_days = t
        .target_date
        .map(|target| (target - main.report_date).num_days());

    let mut milestones = vec![Milestone {
        kind: MilestoneKind::Today,
        label: "Today".into(),
        date: today,
    }];
    milestones.push(Milestone {
        kind: MilestoneKind::RemediationEnd,
        label: if weeks == 0 {
            "No design gaps left to close".into()
        } else {
            format!("Remediation done ({weeks} weeks)")
        },
        date: main.remediation_end,
    });
    match t.report_type {
        ReportType::Type1 => milestones.push(Milestone {
            kind: MilestoneKind::Type1Date,
            label: "Type I point-in-time date".into(),
            date: main.window_start,
        }),
        ReportType::Type2 => {
            milestones.push(Milestone {
                kind: MilestoneKind::ObservationStart,
                label: "Observation period starts".into(),
                date: main.window_start,
            });
            if let Some(end) = main.observation_end {
                milestones.push(Milestone {
                    kind: MilestoneKind::ObservationEnd,
                    label: format!("Observation period ends ({} months)", t.period_months),
                    date: end,
                });
            }
        }
    }
    milestones.push(Milestone {
        kind: MilestoneKind::ReportDate,
        label: format!("{} report in hand", t.report_type.label()),
        date: main.report_date,
    });
    if let Some(target) = t.target_date {
        milestones.push(Milestone {
            kind: MilestoneKind::TargetDate,
            label: "Target date".into(),
            date: target,
        });
    }
    milestones.sort_by_key(|m| m.date);

    let report_on = human_date(main.report_date);
    let verdict = match (t.target_date.map(human_date), slack_days) {
        (Some(target), _) if t.target_date.is_some_and(|d| d < today) => format!(
            "The target date {target} has passed; the earliest {} report is {report_on}.",
            t.report_type.label(),
        ),
        (Some(target), Some(slack)) if slack >= 0 => format!(
            "On track: the {} report can be in hand by {report_on}, {} before the target date {target}.",
            t.report_type.label(),
            weeks_and_days(slack)
        ),
        (Some(target), Some(slack)) => format!(
            "The target date {target} cannot be met as planned: the {} report would be in hand on {report_on}, {} late.",
            t.report_type.label(),
            weeks_and_days(-slack)
        ),
        _ => format!(
            "No target date given: the earliest the {} report can be in hand is {report_on}.",
            t.report_type.label(),
        ),
    };

    let verdict = match open_at_start(&t, &main, weeks) {
        Some(warning) => format!("{verdict} {warning}"),
        None => verdict,
    };

    let late = meets(main.report_date) == Some(false);
    let mut options = Vec::new();
    if late {
        if t.report_type == ReportType::Type2 && t.existing_report.is_none() {
            let bridge = dates(today, weeks, ReportType::Type1, 0, None);
            options.push(PlanOption {
                title: "A Type I first, if the customer accepts one".into(),
                detail: format!(
                    "Close the design gaps, take a Type I as of {} and share it while the Type II observation period runs. It meets the date only if the customer agrees to a Type I in the meantime.",
                    human_date(bridge.window_start)
                ),
                report_date: Some(bridge.report_date),
                meets_target: meets(bridge.report_date),
            });
            if t.period_months > 3 {
                let short = dates(today, weeks, ReportType::Type2, 3, t.observation_start);
                options.push(PlanOption {
                    title: "A shorter first observation period".into(),
                    detail: format!(
                        "Observe 3 months instead of {} for the first Type II ({} to {}), then move to a longer period.",
                        t.period_months,
                        human_date(short.window_start),
                        human_date(short.observation_end.unwrap_or(short.window_start))
                    ),
                    report_date: Some(short.report_date),
                    meets_target: meets(short.report_date),
                });
            }
        }
        // Only categories no customer requires can wait for the next period.
        let extra: Vec<Category> = {
            let mut cats: Vec<Category> = gaps
                .iter()
                .flat_map(|g| g.categories.iter().copied())
                .filter(|c| *c != Category::Security && !required.contains(c))
                .collect();
            cats.sort();
            cats.dedup();
            cats
        };
        if !extra.is_empty() {
            let kept: Vec<&Gap> = gaps
                .iter()
                .filter(|g| g.categories.iter().any(|c| !extra.contains(c)))
                .collect();
            let (_, _, kept_weeks) = remediation_weeks(&kept, t.streams);
            let phased = dates(
                today,
                kept_weeks,
                t.report_type,
                t.period_months,
                t.observation_start,
            );
            // With the start fixed, shorter remediation moves no date: nothing to offer.
            if kept_weeks < weeks && phased.report_date < main.report_date {
                let names: Vec<&str> = extra.iter().map(|c| c.name()).collect();
                options.push(PlanOption {
                    title: "Phase a category into the next period".into(),
                    detail: format!(
                        "Leave {} (no customer requires it) for the next period; remediation shortens to {kept_weeks} weeks.",
                        names.join(", ")
                    ),
                    report_date: Some(phased.report_date),
                    meets_target: meets(phased.report_date),
                });
            }
        }
        let bridge_letter = if t.existing_report.is_some() {
            " Meanwhile, management can give customers a bridge letter covering the time since your last report's period ended."
        } else {
            ""
        };
        options.push(PlanOption {
            title: "Agree a later date with the customer".into(),
            detail: format!(
                "Share this plan with the customer and agree the report for {report_on}.{bridge_letter}"
            ),
            report_date: Some(main.report_date),
            meets_target: Some(false),
        });
    }

    let unanswered = gaps.iter().filter(|g| g.current_level.is_none()).count();
    let mut assumptions = vec![
        format!(
            "Work per gap: S {} week, M {} weeks, L {} weeks of one person's time from nothing; three quarters of it when planned, half with a known exception, a quarter from informal; none once documented (it earns its evidence by operating).",
            effort_weeks(Effort::S),
            effort_weeks(Effort::M),
            effort_weeks(Effort::L)
        ),
        format!(
            "Remediation = the larger of the longest single gap ({longest:.1} weeks) and all work ({total:.1} weeks) shared by {} people working on it in parallel (from the company's size), rounded up: {weeks} weeks.",
            t.streams
        ),
        match t.observation_start {
            Some(start) => format!(
                "The observation period starts on {}, as answered in step 1.",
                human_date(start)
            ),
            None => format!(
                "The audit window opens {WINDOW_BUFFER_WEEKS} weeks after remediation (auditor booked, evidence gathered)."
            ),
        },
    ];
    match t.report_type {
        ReportType::Type1 => assumptions.push(format!(
            "A Type I report is in hand {TYPE1_REPORT_WEEKS} weeks after its point-in-time date."
        )),
        ReportType::Type2 => {
            assumptions.push(format!(
                "Observation period: {} months{}; the report is in hand {TYPE2_REPORT_WEEKS} weeks after it ends.",
                t.period_months,
                if t.period_chosen {
                    ""
                } else {
                    " (none chosen: the shortest first period auditors accept)"
                }
            ));
            if t.existing_report.as_deref() == Some("type1") {
                assumptions.push(
                    "You hold a Type I: the observation period can start as soon as the remaining design gaps are closed.".into(),
                );
            }
        }
    }

    if unanswered > 0 {
        assumptions.insert(
            0,
            format!(
                "{unanswered} unanswered questions count as not in place, with their full work; answering them will usually bring these dates forward."
            ),
        );
    }
    Plan {
        today,
        report_type: t.report_type,
        total_work_weeks: total,
        longest_work_weeks: longest,
        streams: t.streams,
        remediation_weeks: main.remediation_weeks,
        remediation_end: main.remediation_end,
        type1_date: (t.report_type == ReportType::Type1).then_some(main.window_start),
        observation_start: (t.report_type == ReportType::Type2).then_some(main.window_start),
        observation_end: main.observation_end,
        observation_months: (t.report_type == ReportType::Type2).then_some(t.period_months),
        report_date: main.report_date,
        target_date: t.target_date,
        meets_target: meets(main.report_date),
        slack_days,
        verdict,
        milestones,
        options,
        assumptions,
    }
}

/// What a consultant says when remediation cannot finish before the answered observation start:
/// what is still open when the period runs becomes its exceptions, so close the most important
/// first, or move the start.
fn open_at_start(t: &Timeline, main: &Dates, weeks: u32) -> Option<String> {
    let start = t.observation_start?;
    if weeks == 0 || main.remediation_end <= start {
        return None;
    }
    let latest = main.remediation_end + Duration::weeks(WINDOW_BUFFER_WEEKS);
    Some(format!(
        "Remediation ({weeks} weeks, to {}) cannot finish before the observation period starts on {}: gaps still open then will show as exceptions in the period. Close the High gaps first, or move the start to {} or later.",
        human_date(main.remediation_end),
        human_date(start),
        human_date(latest)
    ))
}

fn weeks_and_days(days: i64) -> String {
    let (weeks, rest) = (days / 7, days % 7);
    match (weeks, rest) {
        (0, d) => plural(d, "day"),
        (w, 0) => plural(w, "week"),
        (w, d) => format!("{} {}", plural(w, "week"), plural(d, "day")),
    }
}

/// A date as people write it in a plan ("30 Jun 2027"); files and JSON keep ISO dates.
pub fn human_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

fn plural(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

fn sub_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
}
