//! The dated path to a report: remediation, the Type I date or observation period, the report, and what to do when a deadline cannot be met.

use chrono::NaiveDate;

use crate::assessment::{AssessmentRecord, ReportType};
use crate::catalog::{Category, choice};
use crate::engagement::latest_window_start;
use crate::gaps::{Gap, lower_first};

mod dates;
mod options;
mod path;

use dates::{Dates, dates, remediation_weeks};
pub use path::{Milestone, MilestoneKind, Plan, PlanOption};

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

/// What the options for a late or not credible path are worked out from.
struct Situation<'a> {
    engagement: &'a Engagement,
    gaps: &'a [Gap],
    /// The categories customers require: only the others can wait for the next period.
    required: &'a [Category],
    today: NaiveDate,
    /// Remediation at the likely pace, in calendar weeks.
    weeks: u32,
    main: &'a Dates,
    late: bool,
    start_not_credible: bool,
    /// The time people give, in words.
    pace: &'a str,
    likely_on: &'a str,
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
    let options = options::options(&Situation {
        engagement: &t,
        gaps,
        required: &required,
        today,
        weeks,
        main: &main,
        late,
        start_not_credible,
        pace: &pace,
        likely_on: &likely_on,
    });

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
