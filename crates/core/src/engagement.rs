//! The audit engagement as the scoping answers describe it, read once (report type, target, period and start, the time people give, the company's size, a report already held, the auditor), the audit project's tasks, and how much work a gap is.

use chrono::{Duration, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::assessment::{AnswerValue, AssessmentRecord, ReportType};
use crate::catalog::{
    ALTERNATIVE_ASSURANCE_QUESTION, AUDIT_FIRM_QUESTION, COMPANY_SIZE_QUESTION,
    ENVIRONMENTS_QUESTION, EXISTING_REPORT_QUESTION, Effort, HOSTING_QUESTION,
    LAST_PERIOD_END_QUESTION, OBSERVATION_PERIOD_QUESTION, OBSERVATION_START_QUESTION,
    READINESS_TIME_QUESTION, TARGET_DATE_QUESTION, choice,
};
use crate::scoring::DESIGN_TARGET;

/// Weeks between the auditor's point-in-time date and a Type I report in hand.
pub const TYPE1_REPORT_WEEKS: i64 = 6;
/// Weeks between the end of the observation period and a Type II report in hand.
pub const TYPE2_REPORT_WEEKS: i64 = 6;
/// Weeks between the end of remediation and the audit window: book the auditor, gather evidence.
pub const WINDOW_BUFFER_WEEKS: i64 = 2;
/// A first Type II's observation period when none was chosen: the shortest auditors accept.
pub const DEFAULT_PERIOD_MONTHS: u32 = 3;
/// Weeks from today until an auditor not yet engaged can test: about two to choose and sign,
/// then the firm's own lead time (six weeks is common for small firms).
pub const AUDITOR_LEAD_WEEKS: i64 = 8;
/// The cautious date allows this much more time than the likely one: estimates of remediation
/// run over far more often than under.
pub const CAUTIOUS_FACTOR: f64 = 1.5;
/// The longest gap between two observation periods that customers usually accept on a bridge
/// letter alone.
pub const BRIDGE_ACCEPTED_MONTHS: u32 = 3;
/// The person-days a week assumed when nobody has said who does the work: one owner at about
/// half their time, the least a first report needs (the plan says it is assumed).
pub const ASSUMED_DAYS_PER_WEEK: f64 = 2.5;

/// When the audit window must start for the report to be in hand by the target date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Deadline {
    /// The day the deadline was worked out on.
    pub today: NaiveDate,
    pub target_date: Option<NaiveDate>,
    /// The latest start of the audit window (Type I date or observation start) that still
    /// meets the target date.
    pub window_start: Option<NaiveDate>,
    /// Weeks from today to `window_start`; negative once that date has passed.
    pub weeks_to_window: Option<f64>,
}

/// Where a task of the audit project stands, from its answer: documented or better is done,
/// planned or informal in progress, otherwise not started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    Done,
    InProgress,
    NotStarted,
}

/// A task of the audit project with the latest day to start it so the window can open on time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct AuditTask {
    pub question_id: String,
    pub title: String,
    pub status: TaskStatus,
    pub start_by: NaiveDate,
    /// Not done and its start-by day has passed.
    pub late: bool,
    /// Not started and its start-by day is within two weeks.
    pub at_risk: bool,
}

/// The audit project's milestones, each with the weeks before the window by which it must
/// start: the firm (its lead time), its independence, scope and boundary, the system
/// description, booking the penetration test, the readiness review.
pub const AUDIT_TASKS: [(&str, &str, i64); 6] = [
    (
        "audit.firm",
        "Choose and engage the audit firm",
        AUDITOR_LEAD_WEEKS,
    ),
    (
        "audit.independence",
        "Confirm the firm is independent of your controls",
        AUDITOR_LEAD_WEEKS,
    ),
    (
        "audit.scope-agreed",
        "Agree the scope and the system boundary with the auditor",
        6,
    ),
    (
        "audit.system-description",
        "Draft the system description",
        6,
    ),
    (
        "maint.penetration-test",
        "Book the penetration test (weeks of lead time)",
        6,
    ),
    (
        "audit.readiness-review",
        "Review readiness before the window",
        4,
    ),
];

/// Each audit-project task that applies (it has an answer or is asked) with its start-by day
/// for a window opening on `window`.
pub fn audit_tasks(
    record: &AssessmentRecord,
    applies: impl Fn(&str) -> bool,
    window: NaiveDate,
    today: NaiveDate,
) -> Vec<AuditTask> {
    AUDIT_TASKS
        .iter()
        .filter(|(id, _, _)| applies(id))
        .map(|(id, title, weeks)| {
            let status = match record.value(id) {
                Some(AnswerValue::Level(l)) if l.value() >= 3 => TaskStatus::Done,
                Some(AnswerValue::Level(l)) if l.value() >= 1 => TaskStatus::InProgress,
                Some(AnswerValue::NotApplicable(_)) => TaskStatus::Done,
                _ => TaskStatus::NotStarted,
            };
            let start_by = window - Duration::weeks(*weeks);
            AuditTask {
                question_id: (*id).to_string(),
                title: (*title).to_string(),
                status,
                start_by,
                late: status != TaskStatus::Done && start_by < today,
                at_risk: status == TaskStatus::NotStarted
                    && start_by >= today
                    && start_by <= today + Duration::weeks(2),
            }
        })
        .collect()
}

/// Who does the work: the person-days a week people can give (`scope.readiness-time`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Capacity {
    pub days_per_week: f64,
    /// False when the question is unanswered and [`ASSUMED_DAYS_PER_WEEK`] stands in.
    pub answered: bool,
}

impl Capacity {
    /// The time in words, as the plan's assumptions name it.
    pub fn words(self) -> String {
        let time = match self.days_per_week {
            d if d <= 0.25 => "about 2 hours a week".to_string(),
            d if d <= 1.0 => "about a day a week".to_string(),
            d if d <= 2.5 => "about half of one person's time".to_string(),
            d if d <= 5.0 => "one person full time".to_string(),
            _ => "two or more people full time".to_string(),
        };
        if self.answered {
            time
        } else {
            format!("{time} (assumed: answer who will do the work in step 1)")
        }
    }
}

/// The person-days a week the company can give; see [`Capacity`].
pub fn capacity(record: &AssessmentRecord) -> Capacity {
    let days = match record.value(READINESS_TIME_QUESTION) {
        Some(AnswerValue::Choice(c)) => match c.as_str() {
            choice::TIME_2_HOURS => Some(0.25),
            choice::TIME_1_DAY => Some(1.0),
            choice::TIME_HALF => Some(2.5),
            choice::TIME_1_FULL => Some(5.0),
            choice::TIME_2_FULL => Some(10.0),
            _ => None,
        },
        _ => None,
    };
    Capacity {
        days_per_week: days.unwrap_or(ASSUMED_DAYS_PER_WEEK),
        answered: days.is_some(),
    }
}

/// How much each piece of work grows with the company: more people, systems and records to
/// cover. A five-person company's access review is an afternoon; a two-hundred-person one's is
/// a project.
pub fn size_factor(record: &AssessmentRecord) -> f64 {
    match record.value(COMPANY_SIZE_QUESTION) {
        Some(AnswerValue::Choice(c)) if c == choice::SIZE_1_10 => 0.3,
        Some(AnswerValue::Choice(c)) if c == choice::SIZE_51_200 => 1.5,
        Some(AnswerValue::Choice(c)) if c == choice::SIZE_200_PLUS => 2.2,
        _ => 1.0,
    }
}

/// The engagement as the scoping answers describe it, read once: what the plan, the gaps'
/// milestones and the observation period all work from.
#[derive(Debug, Clone, PartialEq)]
pub struct Engagement {
    pub report_type: ReportType,
    pub target_date: Option<NaiveDate>,
    pub period_months: u32,
    /// False when the period is not chosen and [`DEFAULT_PERIOD_MONTHS`] stands in.
    pub period_chosen: bool,
    /// A Type II's observation start when answered in step 1.
    pub observation_start: Option<NaiveDate>,
    pub capacity: Capacity,
    /// How much each piece of work grows with the company; see [`size_factor`].
    pub size_factor: f64,
    /// The report already held (a choice id other than "none").
    pub existing_report: Option<String>,
    pub last_period_end: Option<NaiveDate>,
    /// The customer asking would take another assurance, or nobody has asked it.
    pub alternative: Option<String>,
    /// The auditor is chosen and engaged in writing (`audit.firm` documented or better).
    pub auditor_engaged: bool,
    /// The system runs on more than one hosting provider, or development sits in the
    /// boundary: a narrower system is a way to an earlier report.
    pub could_narrow: bool,
}

impl Engagement {
    /// Reads the engagement from the scoping answers.
    pub fn read(record: &AssessmentRecord) -> Engagement {
        let (period_months, period_chosen) = observation_period(record);
        let date = |question: &str| match record.value(question) {
            Some(AnswerValue::Date(date)) => Some(*date),
            _ => None,
        };
        Engagement {
            report_type: record.report_type(),
            target_date: date(TARGET_DATE_QUESTION),
            period_months,
            period_chosen,
            observation_start: date(OBSERVATION_START_QUESTION)
                .filter(|_| record.report_type() == ReportType::Type2),
            capacity: capacity(record),
            size_factor: size_factor(record),
            existing_report: match record.value(EXISTING_REPORT_QUESTION) {
                Some(AnswerValue::Choice(c)) if c != choice::NO_REPORT => Some(c.clone()),
                _ => None,
            },
            last_period_end: date(LAST_PERIOD_END_QUESTION),
            alternative: match record.value(ALTERNATIVE_ASSURANCE_QUESTION) {
                Some(AnswerValue::Choice(c)) if c != choice::REPORT_ONLY => Some(c.clone()),
                _ => None,
            },
            auditor_engaged: matches!(
                record.value(AUDIT_FIRM_QUESTION),
                Some(AnswerValue::Level(l)) if l.value() >= 3
            ),
            could_narrow: matches!(record.value(HOSTING_QUESTION), Some(AnswerValue::Choices(c)) if c.len() > 1)
                || matches!(record.value(ENVIRONMENTS_QUESTION), Some(AnswerValue::Choices(c)) if c.iter().any(|e| e == choice::DEVELOPMENT)),
        }
    }
}

/// The observation period's months, and whether they were chosen: [`DEFAULT_PERIOD_MONTHS`]
/// stands in when not.
pub fn observation_period(record: &AssessmentRecord) -> (u32, bool) {
    match record.value(OBSERVATION_PERIOD_QUESTION) {
        Some(AnswerValue::Choice(c)) if c == choice::PERIOD_6_MONTHS => (6, true),
        Some(AnswerValue::Choice(c)) if c == choice::PERIOD_12_MONTHS => (12, true),
        Some(AnswerValue::Choice(c)) if c == choice::PERIOD_3_MONTHS => (3, true),
        _ => (DEFAULT_PERIOD_MONTHS, false),
    }
}

/// The latest window start for the target date, and how far away it is from `today`.
pub fn deadline(record: &AssessmentRecord, today: NaiveDate) -> Deadline {
    let t = Engagement::read(record);
    let window_start = t
        .target_date
        .map(|target| latest_window_start(t.report_type, t.period_months, target));
    Deadline {
        today,
        target_date: t.target_date,
        window_start,
        weeks_to_window: window_start.map(|start| (start - today).num_days() as f64 / 7.0),
    }
}

pub(crate) fn latest_window_start(
    report_type: ReportType,
    months: u32,
    target: NaiveDate,
) -> NaiveDate {
    match report_type {
        ReportType::Type1 => target - Duration::weeks(TYPE1_REPORT_WEEKS),
        ReportType::Type2 => sub_months(target - Duration::weeks(TYPE2_REPORT_WEEKS), months),
    }
}

/// Person-days of work one gap needs before the audit window, for a company of 11 to 50
/// people, by the kind of work it is: writing down what already happens (informal), closing a
/// known exception's coverage, finishing what is planned, or building from nothing. A large
/// effort (L) is mostly choosing and rolling out a tool. None once designed: a documented
/// control earns its evidence by operating during a Type II's observation period.
pub fn gap_work_days(effort: Effort, effective_level: f64, exception: bool) -> f64 {
    let (s, m, l) = if effective_level >= f64::from(DESIGN_TARGET) {
        return 0.0;
    } else if exception {
        (0.2, 0.4, 1.0)
    } else if effective_level >= 2.0 {
        (0.1, 0.2, 0.4)
    } else if effective_level >= 1.0 {
        (0.25, 0.5, 2.0)
    } else {
        (0.3, 0.75, 2.5)
    };
    match effort {
        Effort::S => s,
        Effort::M => m,
        Effort::L => l,
    }
}

/// The calendar time a piece of work takes however many people work on it: a tool is chosen,
/// bought and rolled out over weeks; a process needs a cycle to settle.
pub fn gap_floor_weeks(effort: Effort, work: f64) -> f64 {
    if work <= 0.0 {
        return 0.0;
    }
    match effort {
        Effort::S => 0.0,
        Effort::M => 1.0,
        Effort::L => 4.0,
    }
}

/// Person-weeks one gap needs at a company of `size` ([`size_factor`]); `Gap::work_weeks`.
pub fn gap_work_weeks(effort: Effort, effective_level: f64, exception: bool, size: f64) -> f64 {
    gap_work_days(effort, effective_level, exception) * size / 5.0
}

/// A date as people write it in a plan ("30 Jun 2027"); files and JSON keep ISO dates.
pub fn human_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

pub(crate) fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

pub(crate) fn sub_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
}
