//! Gaps (applicable control questions below target or with a known exception), their priority from impact, shortfall and time, and the roadmap they form.

use crate::assessment::{AnswerValue, AssessmentRecord};
use crate::catalog::{Bank, Category, Effort, Impact, REQUIRED_CATEGORIES_QUESTION};
use crate::engagement::{
    Deadline, WINDOW_BUFFER_WEEKS, capacity, gap_floor_weeks, gap_work_weeks, size_factor,
};
use crate::evaluation::Evaluation;
use crate::findings::{Effect, RecordFinding, Source};
use crate::scope::{criterion_in_scope, evaluate};
use crate::scoring::{DESIGN_TARGET as DESIGN_LEVEL, Scorecard};

mod gap;
mod milestones;
mod ranking;

use gap::{Exposure, prioritise};
pub use gap::{Gap, Horizon, Priority};
use milestones::late_audit_tasks;
pub use ranking::{Roadmap, roadmap, top_gaps};
use ranking::{group_implied, spread_over_criteria};

/// The gap register, most important first: priority, then the priority score (impact times
/// shortfall), ties broken by impact, a key control, a known exception, the quick fix (smaller
/// effort), and bank order last.
pub fn find_gaps(
    bank: &Bank,
    record: &Evaluation,
    scorecard: &Scorecard,
    deadline: &Deadline,
) -> Vec<Gap> {
    let target = scorecard.target_level;
    let required = required_categories(record);
    let pace = capacity(record);
    let size = size_factor(record);
    let mut ranked: Vec<(usize, Gap)> = bank
        .control_questions()
        .zip(&scorecard.questions)
        .enumerate()
        .filter(|(_, (question, state))| {
            state.applicable && !state.not_applicable && !question.engagement
        })
        .filter(|(_, (_, state))| state.effective_level() < f64::from(target))
        .map(|(position, (question, state))| {
            let answer = record.answers.get(&question.id);
            let effective = state.effective_level();
            let findings: Vec<RecordFinding> = record
                .findings
                .iter()
                .filter(|f| f.question_id == question.id)
                .cloned()
                .collect();
            // The answer's own words first; otherwise what the records show stands as the exception.
            let exception = answer
                .and_then(|a| a.exception.clone())
                .or_else(|| {
                    let mut shown: Vec<&str> = findings
                        .iter()
                        .filter(|f| f.effect == Effect::KnownException)
                        .map(|f| f.detail.as_str())
                        .collect();
                    // Each detail is a sentence; joined, only the last keeps its full stop
                    // (no ".;" between them).
                    let last = shown.len().saturating_sub(1);
                    for detail in shown.iter_mut().take(last) {
                        *detail = detail.trim_end_matches('.');
                    }
                    (!shown.is_empty()).then(|| upper_first(&shown.join("; ")))
                })
                .filter(|_| state.exception);
            let shown_by_records = exception.is_some()
                && answer.is_none_or(|a| a.exception.is_none());
            let overdue = record.overdue.contains(&question.id);
            // A control the records do not show operating is placed as documented.
            let shown_level = state
                .level
                .map(|l| if state.not_evidenced { l.min(DESIGN_LEVEL) } else { l });
            let categories = gap_categories(bank, &question.criteria, scorecard);
            let customer_required = categories
                .iter()
                .any(|c| *c != Category::Security && required.contains(c));
            let leaned_on = question
                .impact_raised_when
                .as_ref()
                .is_some_and(|c| evaluate(c, record) == Some(true));
            let base = if leaned_on {
                question.impact().stepped_up()
            } else {
                question.impact()
            };
            let raised = if customer_required {
                base.raised()
            } else {
                base
            };
            // What the company holds or does can make the control matter more still; the most
            // serious context that holds decides, and the gap says which.
            let context = bank
                .impact_context
                .iter()
                .filter(|c| c.questions.contains(&question.id))
                .filter(|c| evaluate(&c.when, record) == Some(true))
                .min_by_key(|c| c.impact);
            let (impact, impact_reason) = match context {
                Some(c) if c.impact < raised => (
                    c.impact,
                    Some(format!("{} here: {}", c.impact.label().to_lowercase(), c.reason)),
                ),
                _ => (raised, None),
            };
            // Something exposed today: the user said so of the exception, or a register shows
            // data with a third party under no agreement.
            let live_exposure = (exception.is_some()
                && answer.is_some_and(|a| a.exception.is_some() && a.live_exposure))
                || findings.iter().any(|f| f.live_exposure);
            let not_covered = answer
                .filter(|_| exception.is_some())
                .map(|a| a.not_covered.clone())
                .unwrap_or_default();
            let repeat_finding =
                exception.is_some() && answer.is_some_and(|a| a.exception.is_some() && a.repeat_finding);
            let effort = question.effort.unwrap_or(Effort::M);
            let work_weeks = gap_work_weeks(effort, effective, exception.is_some(), size);
            // Calendar weeks at the company's pace: one person cannot give it more than full time.
            let elapsed = (work_weeks * 5.0 / pace.days_per_week.min(5.0))
                .max(gap_floor_weeks(effort, work_weeks));
            // Work must be done before the buffer ahead of the window. Once even that is past,
            // the target cannot be met at all: the plan says so, and priority stays with impact
            // rather than making every gap High.
            let urgent = overdue
                || impact != Impact::Low
                    && deadline.weeks_to_window.is_some_and(|weeks| {
                    let left = weeks - WINDOW_BUFFER_WEEKS as f64;
                    left > 0.0 && elapsed > left
                });
            let shortfall = (f64::from(target) - effective) / f64::from(target);
            // Impact counts squared: a critical control half-way outranks a high one not
            // started only when it carries a live exception.
            let factor = f64::from(impact.factor());
            let priority_score = round2(
                10.0 * (factor / 4.0).powi(2) * shortfall
                    + if exception.is_some() {
                        factor / 2.0
                    } else {
                        0.0
                    },
            );
            let raised_by = if let Some(reason) = &impact_reason {
                Some(reason.as_str())
            } else if leaned_on {
                Some("raised one step: the system's scope leans on it")
            } else if impact != question.impact() {
                Some("raised one step: a customer requires its category")
            } else {
                None
            };
            let (priority, priority_reason) = prioritise(
                impact,
                effective,
                Exposure {
                    exception: exception.is_some(),
                    live: live_exposure,
                    repeat: repeat_finding,
                },
                urgent,
                raised_by,
                deadline,
            );
            let (priority, priority_reason) = if overdue && priority != Priority::FixNow {
                (
                    Priority::High,
                    "the check log shows a run overdue inside the observation window: an exception the auditor will find unless it is run now".to_string(),
                )
            } else {
                (priority, priority_reason)
            };
            let mut priority_reason = priority_reason;
            if state.unknown {
                priority_reason.push_str(" (answered don't know: to verify, counted as not in place)");
            } else if state.level.is_none() {
                priority_reason.push_str(" (unanswered, so counted as not in place)");
            }
            let advice = question.advice_for(shown_level.unwrap_or(0));
            let remediation = match &exception {
                Some(_) => format!(
                    "Close the known exception first, so the control covers everyone and everything in scope; then {}",
                    lower_first(advice)
                ),
                None => advice.to_string(),
            };
            let gap = Gap {
                question_id: question.id.clone(),
                step: question.step,
                topic: question.topic.clone(),
                title: match (&question.subject, shown_by_records) {
                    // The control exists and runs; the records show it did not run every time.
                    (Some(subject), true) if findings.iter().any(|f| f.source == Source::CheckLog) => {
                        format!("{subject}: the check log shows exceptions in the observation period")
                    }
                    (Some(subject), true) => format!("{subject}: the records show a known exception"),
                    _ => question.gap_title_at(shown_level, exception.is_some()),
                },
                question: question.text.clone(),
                // Only the criteria in scope: a Security-only report never hears of A1.3.
                criteria: question
                    .criteria
                    .iter()
                    .filter(|id| criterion_in_scope(bank, id, &scorecard.scope))
                    .cloned()
                    .collect(),
                categories,
                current_level: state.level,
                effective_level: effective,
                target_level: target,
                exception,
                live_exposure,
                repeat_finding,
                not_covered,
                to_verify: state.unknown,
                impact_reason,
                note: answer.and_then(|a| a.note.clone()),
                why: question.why.clone(),
                remediation,
                effort,
                weight: question.weight(),
                key_control: question.key,
                impact,
                work_weeks,
                urgent,
                priority_score,
                priority,
                horizon: match priority {
                    Priority::FixNow | Priority::High => Horizon::Now,
                    Priority::Medium => Horizon::Next90Days,
                    Priority::Low => Horizon::Later,
                },
                priority_reason,
                owner: answer.and_then(|a| a.owner.clone()),
                due: answer.and_then(|a| a.due),
                implied_by: record.implied.get(&question.id).cloned(),
                findings,
                overdue,
            };
            (position, gap)
        })
        .collect();
    ranked.extend(late_audit_tasks(bank, record, scorecard, deadline));
    ranked.sort_by(|(pa, a), (pb, b)| {
        a.priority
            .cmp(&b.priority)
            .then(b.overdue.cmp(&a.overdue))
            .then(b.exposed().cmp(&a.exposed()))
            .then(b.priority_score.total_cmp(&a.priority_score))
            .then(a.impact.cmp(&b.impact))
            .then(b.key_control.cmp(&a.key_control))
            .then(b.is_exception().cmp(&a.is_exception()))
            .then(a.effort.cmp(&b.effort))
            .then(pa.cmp(pb))
    });
    let ranked = spread_over_criteria(ranked.into_iter().map(|(_, gap)| gap).collect());
    group_implied(ranked)
}

fn gap_categories(bank: &Bank, criteria: &[String], scorecard: &Scorecard) -> Vec<Category> {
    let mut out: Vec<Category> = criteria
        .iter()
        .filter_map(|id| bank.criterion(id))
        .map(|c| c.category)
        .filter(|category| {
            scorecard
                .scope
                .iter()
                .any(|d| d.category == *category && d.in_scope)
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The categories customers, contracts or prospects require, from the scoping answer.
pub fn required_categories(record: &AssessmentRecord) -> Vec<Category> {
    match record.value(REQUIRED_CATEGORIES_QUESTION) {
        Some(AnswerValue::Choices(chosen)) => {
            chosen.iter().filter_map(|c| Category::parse(c)).collect()
        }
        _ => Vec::new(),
    }
}

/// "Record each leaver" → "record each leaver", leaving acronyms ("MFA on…") as they are.
pub(crate) fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "On track: …" → "on track: …", leaving acronyms ("MFA on…") as they are.
pub(crate) fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

pub(super) fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}
