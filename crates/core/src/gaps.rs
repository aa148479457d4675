//! Gaps (applicable control questions below target or with a known exception), their priority from impact, shortfall and time, and the roadmap they form.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::assessment::{AnswerValue, AssessmentRecord};
use crate::catalog::{Bank, Category, Effort, Impact, REQUIRED_CATEGORIES_QUESTION};
use crate::findings::{Effect, RecordFinding, Source};
use crate::plan::{Deadline, WINDOW_BUFFER_WEEKS, gap_work_weeks, human_date};
use crate::scope::evaluate;
use crate::scoring::{DESIGN_TARGET as DESIGN_LEVEL, Scorecard};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    High,
    Medium,
    Low,
}

impl Priority {
    pub fn label(self) -> &'static str {
        match self {
            Priority::High => "High",
            Priority::Medium => "Medium",
            Priority::Low => "Low",
        }
    }
}

/// When a gap should be worked on: the roadmap's three columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    Now,
    Next90Days,
    Later,
}

impl Horizon {
    pub fn label(self) -> &'static str {
        match self {
            Horizon::Now => "Now",
            Horizon::Next90Days => "Next 90 days",
            Horizon::Later => "Later",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Gap {
    pub question_id: String,
    pub step: u8,
    pub topic: String,
    /// The gap in a leader's words ("Leavers' access is not removed promptly").
    pub title: String,
    pub question: String,
    pub criteria: Vec<String>,
    /// The in-scope categories the gap's criteria belong to, Security first.
    pub categories: Vec<Category>,
    /// `None` when the question is unanswered (scored as 0, reported as unanswered).
    pub current_level: Option<u8>,
    /// The level scoring uses: the level, or at most 2.5 with a known exception.
    pub effective_level: f64,
    pub target_level: u8,
    /// The known exception the answer records, if any: never a refinement.
    pub exception: Option<String>,
    pub note: Option<String>,
    pub why: String,
    /// The next step from where the answer is (from nothing, from informal, or to operating).
    pub remediation: String,
    pub effort: Effort,
    pub weight: u32,
    pub key_control: bool,
    /// The bank's impact, raised one step when a customer requires one of the gap's categories.
    pub impact: Impact,
    /// Weeks of work before the audit window, from the effort and how far the answer is.
    pub work_weeks: f64,
    /// The work does not fit before the audit window must start for the target date.
    pub urgent: bool,
    /// 10 x (impact factor / 4)² x shortfall, plus half the impact factor for a known exception
    /// (0 to 12); docs/scoring.md.
    pub priority_score: f64,
    pub priority: Priority,
    pub horizon: Horizon,
    /// Why the gap has its priority, in words.
    pub priority_reason: String,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    /// On the quick path, the foundation whose absence implies this gap (not asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub implied_by: Option<String>,
    /// What the programme's records show against this answer ("the check log shows …").
    #[serde(default)]
    pub findings: Vec<RecordFinding>,
    /// The control's recurring check is overdue inside the observation window: urgent.
    #[serde(default)]
    pub overdue: bool,
}

impl Gap {
    pub fn is_exception(&self) -> bool {
        self.exception.is_some()
    }
}

/// The gap register, most important first: priority, then the priority score (impact times
/// shortfall), ties broken by impact, a key control, a known exception, the quick fix (smaller
/// effort), and bank order last.
pub fn find_gaps(
    bank: &Bank,
    record: &AssessmentRecord,
    scorecard: &Scorecard,
    deadline: &Deadline,
) -> Vec<Gap> {
    let target = scorecard.target_level;
    let required = required_categories(record);
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
                    let shown: Vec<&str> = findings
                        .iter()
                        .filter(|f| f.effect == Effect::KnownException)
                        .map(|f| f.detail.as_str())
                        .collect();
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
            let impact = if customer_required {
                base.raised()
            } else {
                base
            };
            let effort = question.effort.unwrap_or(Effort::M);
            let work_weeks = gap_work_weeks(effort, effective, exception.is_some());
            // Work must be done before the buffer ahead of the window. Once even that is past,
            // the target cannot be met at all: the plan says so, and priority stays with impact
            // rather than making every gap High.
            let urgent = overdue
                || impact != Impact::Low
                    && deadline.weeks_to_window.is_some_and(|weeks| {
                    let left = weeks - WINDOW_BUFFER_WEEKS as f64;
                    left > 0.0 && work_weeks > left
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
            let raised_by = if leaned_on {
                Some("raised one step: the system's scope leans on it")
            } else if impact != question.impact() {
                Some("raised one step: a customer requires its category")
            } else {
                None
            };
            let (priority, priority_reason) = prioritise(
                impact,
                effective,
                exception.is_some(),
                urgent,
                raised_by,
                deadline,
            );
            let (priority, priority_reason) = if overdue {
                (
                    Priority::High,
                    "the check log shows a run overdue inside the observation window: an exception the auditor will find unless it is run now".to_string(),
                )
            } else {
                (priority, priority_reason)
            };
            let mut priority_reason = priority_reason;
            if state.level.is_none() {
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
                criteria: question.criteria.clone(),
                categories,
                current_level: state.level,
                effective_level: effective,
                target_level: target,
                exception,
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
                    Priority::High => Horizon::Now,
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
    ranked.sort_by(|(pa, a), (pb, b)| {
        a.priority
            .cmp(&b.priority)
            .then(b.overdue.cmp(&a.overdue))
            .then(b.priority_score.total_cmp(&a.priority_score))
            .then(a.impact.cmp(&b.impact))
            .then(b.key_control.cmp(&a.key_control))
            .then(b.is_exception().cmp(&a.is_exception()))
            .then(a.effort.cmp(&b.effort))
            .then(pa.cmp(pb))
    });
    group_implied(ranked.into_iter().map(|(_, gap)| gap).collect())
}

/// Implied gaps follow their foundation's gap, in their own ranked order, so a register reads
/// one missing foundation as one block rather than as lines scattered down the list. One whose
/// foundation is not a gap (an audit-project task stands for it) keeps its own place.
fn group_implied(ranked: Vec<Gap>) -> Vec<Gap> {
    let ids: std::collections::BTreeSet<String> =
        ranked.iter().map(|g| g.question_id.clone()).collect();
    let follows = |g: &Gap| g.implied_by.as_ref().is_some_and(|f| ids.contains(f));
    let mut out = Vec::with_capacity(ranked.len());
    for gap in ranked.iter().filter(|g| !follows(g)) {
        out.push(gap.clone());
        out.extend(
            ranked
                .iter()
                .filter(|g| g.implied_by.as_deref() == Some(gap.question_id.as_str()))
                .cloned(),
        );
    }
    out
}

/// The priority table of docs/scoring.md, with the reason it gives.
fn prioritise(
    impact: Impact,
    effective: f64,
    exception: bool,
    urgent: bool,
    raised_by: Option<&str>,
    deadline: &Deadline,
) -> (Priority, String) {
    let raised = raised_by.map(|why| format!(" ({why})")).unwrap_or_default();
    let impact_words = format!("{} impact{raised}", impact.label().to_lowercase());
    let window_near = deadline.weeks_to_window.is_some_and(|w| w <= 13.0);
    if urgent {
        let when = match deadline.window_start {
            Some(date) => format!(
                "the audit window must start by {} for the target date",
                human_date(date)
            ),
            None => "the audit window is near".into(),
        };
        return (
            Priority::High,
            format!(
                "{impact_words}; the work will not be finished before {when}, so it would be an audit exception"
            ),
        );
    }
    let (priority, because) = match impact {
        Impact::Critical if exception => (Priority::High, "with a known exception"),
        Impact::Critical if effective <= 2.0 => (Priority::High, "not yet documented"),
        Impact::Critical => (
            Priority::Medium,
            "designed, not yet operating with evidence",
        ),
        Impact::High if exception && window_near => (
            Priority::High,
            "with a known exception and the audit window within 13 weeks",
        ),
        Impact::High if effective <= 1.0 => (Priority::High, "not in place"),
        Impact::High if exception => (Priority::Medium, "with a known exception"),
        Impact::High => (Priority::Medium, "partly in place"),
        Impact::Moderate if exception => (Priority::Medium, "with a known exception"),
        Impact::Moderate if effective <= 1.0 => (Priority::Medium, "not in place"),
        Impact::Moderate => (Priority::Low, "partly in place"),
        Impact::Low if exception => (Priority::Medium, "with a known exception"),
        Impact::Low => (Priority::Low, "hygiene"),
    };
    (priority, format!("{impact_words}, {because}"))
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
fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// The first `n` gaps of the register, with every in-scope category that has gaps represented:
/// a category's best gap takes the place of the lowest-ranked gap whose categories stay
/// represented without it, so the weakest category cannot be hidden behind Security.
pub fn top_gaps(gaps: &[Gap], n: usize) -> Vec<Gap> {
    let mut chosen: Vec<usize> = (0..gaps.len().min(n)).collect();
    let mut categories: Vec<Category> = gaps.iter().flat_map(|g| g.categories.clone()).collect();
    categories.sort();
    categories.dedup();
    for category in categories {
        if chosen
            .iter()
            .any(|&i| gaps[i].categories.contains(&category))
        {
            continue;
        }
        let Some(best) = gaps.iter().position(|g| g.categories.contains(&category)) else {
            continue;
        };
        let replaceable = chosen.iter().rposition(|&i| {
            gaps[i].categories.iter().all(|c| {
                chosen
                    .iter()
                    .filter(|&&j| j != i)
                    .any(|&j| gaps[j].categories.contains(c))
            })
        });
        match replaceable {
            Some(slot) => chosen[slot] = best,
            None if chosen.len() < n => chosen.push(best),
            None => {}
        }
        chosen.sort();
    }
    chosen.into_iter().map(|i| gaps[i].clone()).collect()
}

/// The roadmap: gaps in their horizon, each column in register order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Roadmap {
    pub now: Vec<String>,
    pub next_90_days: Vec<String>,
    pub later: Vec<String>,
}

pub fn roadmap(gaps: &[Gap]) -> Roadmap {
    let column = |horizon: Horizon| {
        gaps.iter()
            .filter(|g| g.horizon == horizon)
            .map(|g| g.question_id.clone())
            .collect()
    };
    Roadmap {
        now: column(Horizon::Now),
        next_90_days: column(Horizon::Next90Days),
        later: column(Horizon::Later),
    }
}
