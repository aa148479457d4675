//! Gaps (applicable control questions below target or with a known exception), their priority from impact, shortfall and time, and the roadmap they form.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::assessment::{AnswerValue, AssessmentRecord};
use crate::catalog::{Bank, Category, Effort, Impact, REQUIRED_CATEGORIES_QUESTION};
use crate::engagement::{
    Deadline, WINDOW_BUFFER_WEEKS, capacity, gap_floor_weeks, gap_work_weeks, human_date,
    size_factor,
};
use crate::findings::{Effect, RecordFinding, Source};
use crate::scope::{criterion_in_scope, evaluate};
use crate::scoring::{DESIGN_TARGET as DESIGN_LEVEL, Scorecard};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// A live exposure on a control that matters: something is exposed today (a leaver's
    /// access still active, customer data with a vendor under no agreement). Above High.
    FixNow,
    High,
    Medium,
    Low,
}

impl Priority {
    pub const ALL: [Priority; 4] = [
        Priority::FixNow,
        Priority::High,
        Priority::Medium,
        Priority::Low,
    ];

    /// The id in files and IPC (`fix_now`, `high`, ...).
    pub fn id(self) -> &'static str {
        match self {
            Priority::FixNow => "fix_now",
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Priority::FixNow => "Fix now",
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
    /// The exception leaves something exposed today (the user said so, or a register shows it).
    #[serde(default)]
    pub live_exposure: bool,
    /// The exception repeats one the company's last report noted.
    #[serde(default)]
    pub repeat_finding: bool,
    /// What the recorded exception leaves uncovered (people, systems, data, a period).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<crate::assessment::Coverage>>", optional)]
    pub not_covered: Vec<crate::assessment::Coverage>,
    /// Answered "don't know": listed to verify, counted as not in place.
    #[serde(default)]
    pub to_verify: bool,
    /// Why the impact is what it is here, when the company's context raised it ("critical
    /// here: your vendors receive health data").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub impact_reason: Option<String>,
    pub note: Option<String>,
    pub why: String,
    /// The next step from where the answer is (from nothing, from informal, or to operating).
    pub remediation: String,
    pub effort: Effort,
    pub weight: u32,
    pub key_control: bool,
    /// The bank's impact, raised one step when a customer requires one of the gap's categories.
    pub impact: Impact,
    /// Person-weeks of work before the audit window, from the kind of work (writing down,
    /// closing an exception, building), its effort and the company's size (docs/scoring.md).
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

    /// Something is exposed today, or the last report's exception repeats: first in its tier.
    pub fn exposed(&self) -> bool {
        self.live_exposure || self.repeat_finding
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

/// The audit project's milestones that are late or at risk for the target date, as High gaps
/// ranked with the others: an auditor not engaged in time moves the report whatever else is
/// ready. Only with a target date, and only the project's own tasks (the penetration test is a
/// control and already a gap when below target).
fn late_audit_tasks(
    bank: &Bank,
    record: &AssessmentRecord,
    scorecard: &Scorecard,
    deadline: &Deadline,
) -> Vec<(usize, Gap)> {
    let Some(window) = deadline.window_start else {
        return Vec::new();
    };
    let position = |id: &str| bank.control_questions().position(|q| q.id == id);
    crate::engagement::audit_tasks(record, |id| scorecard.asks(id), window, deadline.today)
        .into_iter()
        .filter(|t| t.late || t.at_risk)
        .filter_map(|task| {
            let i = position(&task.question_id)?;
            let question = bank.control_questions().nth(i)?;
            if !question.engagement {
                return None;
            }
            let answer = record.answers.get(&question.id);
            let state = &scorecard.questions[i];
            let when = human_date(task.start_by);
            let (title, reason) = if task.late {
                (
                    format!("{}: late, it had to start by {when}", task.title),
                    format!(
                        "an audit-project milestone: it had to start by {when} for the window the target date needs, so the report moves unless it starts now"
                    ),
                )
            } else {
                (
                    format!("{}: start by {when}", task.title),
                    format!(
                        "an audit-project milestone not started, due to start by {when} for the window the target date needs"
                    ),
                )
            };
            let level = state.level.unwrap_or(0);
            let gap = Gap {
                question_id: question.id.clone(),
                step: question.step,
                topic: question.topic.clone(),
                title,
                question: question.text.clone(),
                criteria: Vec::new(),
                categories: Vec::new(),
                current_level: state.level,
                effective_level: f64::from(level),
                target_level: DESIGN_LEVEL,
                exception: None,
                live_exposure: false,
                repeat_finding: false,
                not_covered: Vec::new(),
                to_verify: state.unknown,
                impact_reason: None,
                note: answer.and_then(|a| a.note.clone()),
                why: question.why.clone(),
                remediation: question.advice_for(level).to_string(),
                effort: question.effort.unwrap_or(Effort::S),
                weight: question.weight(),
                key_control: question.key,
                impact: Impact::High,
                work_weeks: 0.0,
                urgent: true,
                priority_score: round2(10.0 * (3.0_f64 / 4.0).powi(2)),
                priority: Priority::High,
                horizon: Horizon::Now,
                priority_reason: format!("high impact, {reason}"),
                owner: answer.and_then(|a| a.owner.clone()),
                due: answer.and_then(|a| a.due),
                implied_by: None,
                findings: Vec::new(),
                overdue: false,
            };
            Some((i, gap))
        })
        .collect()
}

/// Within each priority (and overdue first), takes next the gap whose score counts most once
/// the criteria already served by gaps above it count three quarters: an auditor reports per criterion,
/// so a second gap on CC6.2 adds less than the first gap on a criterion nobody has reached
/// yet. Ties keep the sorted order. `gaps` must be sorted as `find_gaps` sorts them.
fn spread_over_criteria(gaps: Vec<Gap>) -> Vec<Gap> {
    // Each gap's criteria as bits (the catalogue has 61): the loop below runs on every save.
    let mut bit_of: std::collections::BTreeMap<&str, u32> = std::collections::BTreeMap::new();
    let masks: Vec<u128> = gaps
        .iter()
        .map(|g| {
            g.criteria.iter().fold(0u128, |mask, c| {
                let next = bit_of.len() as u32;
                let bit = *bit_of.entry(c.as_str()).or_insert(next);
                if bit < 128 { mask | 1 << bit } else { mask }
            })
        })
        .collect();
    let mut rest: Vec<(usize, u128)> = masks.into_iter().enumerate().collect();
    let mut order = Vec::with_capacity(gaps.len());
    let mut served = 0u128;
    while !rest.is_empty() {
        let tier = |i: usize| {
            let g = &gaps[i];
            (g.priority, g.overdue, g.exposed())
        };
        let first = tier(rest[0].0);
        let tier_end = rest
            .iter()
            .position(|&(i, _)| tier(i) != first)
            .unwrap_or(rest.len());
        let weighed = |&(i, mask): &(usize, u128)| {
            let all = mask.count_ones();
            let share = if all == 0 {
                1.0
            } else {
                f64::from((mask & !served).count_ones()) / f64::from(all)
            };
            gaps[i].priority_score * (0.75 + 0.25 * share)
        };
        let mut best = 0;
        let mut best_score = weighed(&rest[0]);
        for (k, entry) in rest.iter().enumerate().take(tier_end).skip(1) {
            let score = weighed(entry);
            if score > best_score + 1e-9 {
                (best, best_score) = (k, score);
            }
        }
        let (index, mask) = rest.remove(best);
        served |= mask;
        order.push(index);
    }
    let mut slots: Vec<Option<Gap>> = gaps.into_iter().map(Some).collect();
    order
        .into_iter()
        .map(|i| slots[i].take().expect("each gap is placed once"))
        .collect()
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

/// What an answer's known exception says: there is one, and whether it leaves something
/// exposed today.
#[derive(Debug, Clone, Copy)]
struct Exposure {
    exception: bool,
    live: bool,
    /// It repeats an exception the last report noted.
    repeat: bool,
}

/// The priority table of docs/scoring.md, with the reason it gives.
fn prioritise(
    impact: Impact,
    effective: f64,
    exposure: Exposure,
    urgent: bool,
    raised_by: Option<&str>,
    deadline: &Deadline,
) -> (Priority, String) {
    let raised = raised_by.map(|why| format!(" ({why})")).unwrap_or_default();
    let impact_words = format!("{} impact{raised}", impact.label().to_lowercase());
    let exception = exposure.exception;
    // A live exposure outranks every plan: whatever the level, something is open today. A
    // repeat of the last report's exception is what the next report's readers look for first.
    if exposure.live || exposure.repeat {
        let what = match (exposure.live, exposure.repeat) {
            (true, true) => {
                "a live exposure that repeats an exception your last report noted: something is exposed today and readers will see it twice"
            }
            (true, false) => {
                "a live exposure: something is exposed today, so close it before any other work"
            }
            _ => {
                "it repeats an exception your last report noted, which readers of the next report weigh most"
            }
        };
        return match impact {
            Impact::Critical | Impact::High => {
                (Priority::FixNow, format!("{impact_words}, {what}"))
            }
            Impact::Moderate | Impact::Low => (
                Priority::High,
                format!("{impact_words}, {what} (on a supporting control)"),
            ),
        };
    }
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

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// The first `n` gaps of the register, the most important first: the one ranked list every
/// front end and the PDF show (its top five are the first five). Nothing is moved in to
/// represent a category; the weakest criterion of each category is its own panel
/// (`scoring::weakest_criteria`).
pub fn top_gaps(gaps: &[Gap], n: usize) -> Vec<Gap> {
    gaps.iter().take(n).cloned().collect()
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
