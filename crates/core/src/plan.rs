//! The dated path to a report: remediation, the Type I date or observation period, the report, and what to do when a deadline cannot be met.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::assessment::{AssessmentRecord, ReportType};
use crate::catalog::{Category, choice};
use crate::engagement::{add_months, latest_window_start};
use crate::gaps::{Gap, lower_first};

// What the plan is worked out from lives in `engagement`; named here too, where front ends and
// earlier callers look for it.
pub use crate::engagement::{
    ASSUMED_DAYS_PER_WEEK, AUDIT_TASKS, AUDITOR_LEAD_WEEKS, AuditTask, BRIDGE_ACCEPTED_MONTHS,
    CAUTIOUS_FACTOR, Capacity, DEFAULT_PERIOD_MONTHS, Deadline, Engagement, TYPE1_REPORT_WEEKS,
    TYPE2_REPORT_WEEKS, TaskStatus, WINDOW_BUFFER_WEEKS, audit_tasks, capacity, deadline,
    gap_floor_weeks, gap_work_days, gap_work_weeks, human_date, size_factor,
};

/// The calendar weeks one gap takes at the company's pace: its work at the time people give
/// (one person cannot work on it more than full time), or its floor.
pub fn gap_elapsed_weeks(gap: &Gap, capacity: Capacity) -> f64 {
    let per_week = capacity.days_per_week.min(5.0);
    (gap.work_weeks * 5.0 / per_week).max(gap_floor_weeks(gap.effort, gap.work_weeks))
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
    /// The report at the cautious pace: the same work taking half as long again.
    CautiousReportDate,
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
    /// Sum of every gap's person-weeks at this company's size, and the longest single gap in
    /// calendar weeks at its pace.
    pub total_work_weeks: f64,
    pub longest_work_weeks: f64,
    /// The person-days a week people can give (`scope.readiness-time`), and whether answered.
    pub days_per_week: f64,
    pub capacity_answered: bool,
    pub remediation_weeks: u32,
    pub remediation_end: NaiveDate,
    pub type1_date: Option<NaiveDate>,
    pub observation_start: Option<NaiveDate>,
    pub observation_end: Option<NaiveDate>,
    pub observation_months: Option<u32>,
    /// The likely date: the work at the pace people gave.
    pub report_date: NaiveDate,
    /// The cautious date: the same work taking half as long again.
    pub cautious_report_date: NaiveDate,
    pub target_date: Option<NaiveDate>,
    /// `None` without a target date; whether the likely date meets it.
    pub meets_target: Option<bool>,
    /// Days between the likely report date and the target date (negative when late).
    pub slack_days: Option<i64>,
    /// The observation start answered in step 1 cannot hold: the design work ends after it.
    #[serde(default)]
    pub start_not_credible: bool,
    /// One plain paragraph: on track, tight, late by how much, not credible, or no deadline.
    pub verdict: String,
    /// The assumptions the verdict turns on, in the reader's words ("about 2 hours a week").
    #[serde(default)]
    pub decided_by: Vec<String>,
    pub milestones: Vec<Milestone>,
    pub options: Vec<PlanOption>,
    /// Recurring controls in scope that must run at least once inside the observation period
    /// (a Type II): the auditor samples each.
    #[serde(default)]
    pub due_in_window: Vec<String>,
    /// The audit project's milestones with their start-by days for the planned window (or the
    /// target's, when that is sooner).
    #[serde(default)]
    pub audit_tasks: Vec<AuditTask>,
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

/// Person-weeks of all the work, the longest gap in calendar weeks, and the calendar weeks of
/// remediation at the company's pace: the larger of the longest gap and all the work shared
/// by the time people give.
fn remediation_weeks(gaps: &[&Gap], capacity: Capacity, factor: f64) -> (f64, f64, u32) {
    let total: f64 = gaps.iter().map(|g| g.work_weeks).sum();
    let longest = gaps
        .iter()
        .map(|g| gap_elapsed_weeks(g, capacity))
        .fold(0.0, f64::max);
    let weeks = (longest.max(total * 5.0 / capacity.days_per_week) * factor).ceil() as u32;
    (total, longest, weeks)
}

/// The dates from remediation to the report. The window opens once the design work is done
/// (and a buffer to gather evidence) and an auditor can test; a Type II's observation start
/// answered in step 1 is kept when it is no earlier than that.
fn dates(
    today: NaiveDate,
    weeks: u32,
    t: &Engagement,
    report_type: ReportType,
    months: u32,
) -> Dates {
    let remediation_end = today + Duration::weeks(i64::from(weeks));
    let earliest =
        (remediation_end + Duration::weeks(WINDOW_BUFFER_WEEKS)).max(if t.auditor_engaged {
            today
        } else {
            today + Duration::weeks(AUDITOR_LEAD_WEEKS)
        });
    let window_start = match (report_type, t.observation_start) {
        (ReportType::Type2, Some(start)) if start >= earliest => start,
        _ => earliest,
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
    plan_with_recurring(record, gaps, today, &[], &|id| {
        record.answers.contains_key(id)
    })
}

/// The plan, naming the recurring controls (title and their questions) that must run inside a
/// Type II's window.
pub fn plan_with_recurring(
    record: &AssessmentRecord,
    gaps: &[Gap],
    today: NaiveDate,
    recurring: &[(String, bool)],
    task_applies: &dyn Fn(&str) -> bool,
) -> Plan {
    let t = Engagement::read(record);
    let required = crate::gaps::required_categories(record);
    let all: Vec<&Gap> = gaps.iter().collect();
    let (total, longest, weeks) = remediation_weeks(&all, t.capacity, 1.0);
    let (_, _, cautious_weeks) = remediation_weeks(&all, t.capacity, CAUTIOUS_FACTOR);
    let main = dates(today, weeks, &t, t.report_type, t.period_months);
    let cautious = dates(today, cautious_weeks, &t, t.report_type, t.period_months);
    let meets = |date: NaiveDate| t.target_date.map(|target| date <= target);
    let slack_days = t
        .target_date
        .map(|target| (target - main.report_date).num_days());
    let start_not_credible = t
        .observation_start
        .is_some_and(|start| start < main.window_start);

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
            format!("Remediation done ({weeks} weeks, likely)")
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
                label: if start_not_credible {
                    "Observation period starts (earliest credible)".into()
                } else {
                    "Observation period starts".into()
                },
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
        label: format!("{} report in hand (likely)", t.report_type.label()),
        date: main.report_date,
    });
    if cautious.report_date > main.report_date {
        milestones.push(Milestone {
            kind: MilestoneKind::CautiousReportDate,
            label: format!("{} report in hand (cautious)", t.report_type.label()),
            date: cautious.report_date,
        });
    }
    if let Some(target) = t.target_date {
        milestones.push(Milestone {
            kind: MilestoneKind::TargetDate,
            label: "Target date".into(),
            date: target,
        });
    }
    milestones.sort_by_key(|m| m.date);

    let pace = t.capacity.words();
    let report = t.report_type.label();
    let (likely_on, cautious_on) = (
        human_date(main.report_date),
        human_date(cautious.report_date),
    );
    let mut decided_by = vec![format!("who does the work: {pace}")];
    if !t.auditor_engaged {
        decided_by.push(format!(
            "no auditor engaged yet: about {AUDITOR_LEAD_WEEKS} weeks to choose one and reach the first day they can test"
        ));
    }
    let mut verdict = match (t.target_date, slack_days) {
        (Some(target), _) if target < today => format!(
            "The target date {} has passed; the likely {report} report is {likely_on} (cautious: {cautious_on}).",
            human_date(target)
        ),
        (Some(target), Some(slack)) if slack >= 0 && cautious.report_date <= target => format!(
            "On track: the {report} report is likely in hand by {likely_on}, {} before the target date {}, and by {cautious_on} even at the cautious pace.",
            weeks_and_days(slack),
            human_date(target)
        ),
        (Some(target), Some(slack)) if slack >= 0 => format!(
            "Realistic but tight: the {report} report is likely in hand by {likely_on}, {} before the target date {}; at the cautious pace it would be {cautious_on}, after it. Protect the time people give and start the longest work first.",
            weeks_and_days(slack),
            human_date(target)
        ),
        (Some(target), Some(slack)) => format!(
            "The target date {} cannot be met as planned: the {report} report is likely in hand on {likely_on}, {} late (cautious: {cautious_on}).",
            human_date(target),
            weeks_and_days(-slack)
        ),
        _ => format!(
            "No target date given: the {report} report is likely in hand on {likely_on} (cautious: {cautious_on})."
        ),
    };
    if let (true, Some(start)) = (start_not_credible, t.observation_start) {
        // A period already running cannot be moved back; one still to come can.
        let why = if start <= today {
            format!(
                "The observation period that started on {} runs while the design work goes on to {} at {pace}: every gap still open will be an exception in that report.",
                human_date(start),
                human_date(main.remediation_end)
            )
        } else {
            format!(
                "The observation start on {} is not credible: the design work runs to {} at {pace}, so a period starting then would test controls that do not exist yet, and every gap still open would be an exception in the report.",
                human_date(start),
                human_date(main.remediation_end)
            )
        };
        verdict = format!(
            "{why} The earliest credible start is {}; {}",
            human_date(main.window_start),
            lower_first(&verdict)
        );
        decided_by.insert(
            0,
            format!("the observation start you chose: {}", human_date(start)),
        );
    }
    if t.observation_start.is_none() && t.report_type == ReportType::Type2 {
        decided_by.push(format!(
            "no observation start decided: proposed {}, once the design work is done",
            human_date(main.window_start)
        ));
    }

    let late = meets(main.report_date) == Some(false);
    let mut options = Vec::new();
    if let Some(alternative) = &t.alternative {
        let (title, detail) = if alternative == choice::ASSURANCE_OFFERED {
            (
                "Answer the customer's own questionnaire first",
                "The customer offers another route: a completed security questionnaire with evidence (and a penetration test summary if it asks for one) is usually accepted from a supplier of your size, takes four to six weeks and costs a fraction of an audit. Close the live exposures first, answer it, and decide on a report only if customers keep asking.",
            )
        } else {
            (
                "Ask the customer what it will accept",
                "Before committing to an audit, ask the customer whether its own security questionnaire, a penetration test summary or a signed engagement letter would do for now: for a single customer that is often faster and far cheaper than a first report.",
            )
        };
        options.push(PlanOption {
            title: title.into(),
            detail: detail.into(),
            report_date: None,
            meets_target: None,
        });
    }
    // For the one customer who asks, a report on just what it uses is often enough.
    if (late || start_not_credible) && t.could_narrow && t.alternative.is_some() {
        options.push(PlanOption {
            title: "Narrow the system to what the customer uses".into(),
            detail: "The system runs on more than one provider, or development is inside its boundary: a report on the one service the customer relies on, on one provider, is smaller and sooner. The system description says what is left out (other products, older hosting, build projects), or those move onto the covered platform first.".into(),
            report_date: None,
            meets_target: None,
        });
    }
    if (late || start_not_credible) && t.capacity.days_per_week < 2.5 {
        // The next step up in time given: a day a week, then an owner at half their time.
        let (more, title, words) = if t.capacity.days_per_week < 1.0 {
            (
                1.0,
                "An owner giving about a day a week",
                "an owner giving about a day a week",
            )
        } else {
            (
                2.5,
                "One owner at about half their time",
                "one owner at about half their time",
            )
        };
        let more = Capacity {
            days_per_week: more,
            answered: true,
        };
        let (_, _, more_weeks) = remediation_weeks(&all, more, 1.0);
        let faster = dates(today, more_weeks, &t, t.report_type, t.period_months);
        options.push(PlanOption {
            title: title.into(),
            detail: format!(
                "At {pace} the work takes {weeks} weeks; with {words} it takes {more_weeks}, and the report follows on {}.",
                human_date(faster.report_date)
            ),
            report_date: Some(faster.report_date),
            meets_target: meets(faster.report_date),
        });
    }
    if late || start_not_credible {
        if t.report_type == ReportType::Type2 && t.existing_report.is_none() {
            // A Type I needs only the design work: the same remediation, a point in time.
            let bridge = dates(today, weeks, &t, ReportType::Type1, 0);
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
                let short = dates(today, weeks, &t, ReportType::Type2, 3);
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
            let (_, _, kept_weeks) = remediation_weeks(&kept, t.capacity, 1.0);
            let phased = dates(today, kept_weeks, &t, t.report_type, t.period_months);
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
    }
    if late {
        let bridge_letter = if t.existing_report.is_some() {
            " Meanwhile, management can give customers a bridge letter covering the time since your last report's period ended."
        } else {
            ""
        };
        options.push(PlanOption {
            title: "Agree a later date with the customer".into(),
            detail: format!(
                "Share this plan with the customer and agree the report for {likely_on}.{bridge_letter}"
            ),
            report_date: Some(main.report_date),
            meets_target: Some(false),
        });
    }

    let mut assumptions = vec![
        format!(
            "Who does the work: {pace}, about {} person-days a week.",
            trim_number(t.capacity.days_per_week)
        ),
        format!(
            "Work per gap by its kind, in person-days for a company of 11 to 50 people: writing down what already happens 0.1 to 0.4; closing a known exception 0.2 to 1; finishing what is planned 0.25 to 2; building from nothing 0.3 to 2.5 (a large item is mostly choosing and rolling out a tool); none once documented. Scaled by the company's size ({}x here).",
            trim_number(size_factor(record))
        ),
        format!(
            "Remediation = the larger of the longest single piece of work ({longest:.1} weeks, a tool takes at least 4) and all the work ({total:.1} person-weeks) at the time given: {weeks} weeks likely; the cautious date allows {} times as long ({cautious_weeks} weeks).",
            trim_number(CAUTIOUS_FACTOR)
        ),
    ];
    assumptions.push(if t.auditor_engaged {
        format!(
            "The audit window opens {WINDOW_BUFFER_WEEKS} weeks after remediation (evidence gathered); the auditor is engaged."
        )
    } else {
        format!(
            "No auditor is engaged yet: the window opens no sooner than {AUDITOR_LEAD_WEEKS} weeks from today (choose and sign a firm, then its lead time), and {WINDOW_BUFFER_WEEKS} weeks after remediation."
        )
    });
    if let Some(start) = t.observation_start {
        assumptions.push(if start_not_credible {
            format!(
                "The observation start you chose ({}) comes before the design work can end, so the dates use the earliest credible start.",
                human_date(start)
            )
        } else {
            format!(
                "The observation period starts on {}, as answered in step 1.",
                human_date(start)
            )
        });
    }
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
                    " (not decided: the shortest first period auditors accept, proposed)"
                }
            ));
            if t.existing_report.as_deref() == Some(choice::TYPE1) {
                assumptions.push(
                    "You hold a Type I: the observation period can start as soon as the remaining design gaps are closed.".into(),
                );
            }
        }
    }
    if let (Some(end), true) = (t.last_period_end, t.report_type == ReportType::Type2) {
        let months = months_between(end, main.window_start);
        let text = format!(
            "The last period ended on {}; the next starts {}, so about {} months are covered only by a bridge letter.",
            human_date(end),
            human_date(main.window_start),
            trim_number(months)
        );
        if months > f64::from(BRIDGE_ACCEPTED_MONTHS) {
            let months = trim_number(months);
            decided_by.push(format!(
                "{months} months between periods, longer than many customers accept on a bridge letter: tell key customers now rather than pull the start forward before the fixes land"
            ));
        }
        assumptions.push(text);
    }
    let unanswered = gaps.iter().filter(|g| g.current_level.is_none()).count();
    if unanswered > 0 {
        assumptions.insert(
            0,
            format!(
                "{unanswered} unanswered questions count as not in place, with their full work; answering them will usually bring these dates forward."
            ),
        );
    }
    // The milestones must keep to the planned window, or to the target's when that is sooner.
    let target_window = t
        .target_date
        .map(|d| latest_window_start(t.report_type, t.period_months, d))
        .filter(|w| *w >= today);
    let task_window = target_window.map_or(main.window_start, |w| w.min(main.window_start));
    let audit_tasks = audit_tasks(record, task_applies, task_window, today);
    let due_in_window = if t.report_type == ReportType::Type2 {
        recurring
            .iter()
            .filter(|(_, in_scope)| *in_scope)
            .map(|(title, _)| title.clone())
            .collect()
    } else {
        Vec::new()
    };
    Plan {
        today,
        report_type: t.report_type,
        total_work_weeks: round1(total),
        longest_work_weeks: round1(longest),
        days_per_week: t.capacity.days_per_week,
        capacity_answered: t.capacity.answered,
        remediation_weeks: main.remediation_weeks,
        remediation_end: main.remediation_end,
        type1_date: (t.report_type == ReportType::Type1).then_some(main.window_start),
        observation_start: (t.report_type == ReportType::Type2).then_some(main.window_start),
        observation_end: main.observation_end,
        observation_months: (t.report_type == ReportType::Type2).then_some(t.period_months),
        report_date: main.report_date,
        cautious_report_date: cautious.report_date,
        target_date: t.target_date,
        meets_target: meets(main.report_date),
        slack_days,
        start_not_credible,
        verdict,
        decided_by,
        milestones,
        options,
        due_in_window,
        audit_tasks,
        assumptions,
    }
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// "2.5" and "1" rather than "2.50" and "1.0".
fn trim_number(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Months from one day to a later one, to the nearest half month.
fn months_between(from: NaiveDate, to: NaiveDate) -> f64 {
    ((to - from).num_days().max(0) as f64 / 30.44 * 2.0).round() / 2.0
}

fn weeks_and_days(days: i64) -> String {
    let (weeks, rest) = (days / 7, days % 7);
    match (weeks, rest) {
        (0, d) => plural(d, "day"),
        (w, 0) => plural(w, "week"),
        (w, d) => format!("{} {}", plural(w, "week"), plural(d, "day")),
    }
}

fn plural(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}
