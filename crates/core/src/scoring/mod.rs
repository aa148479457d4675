//! Readiness scoring: per control question, per criterion, and roll-ups by category, step and overall.
//!
//! The method is written out in `docs/scoring.md`; this module is its only implementation (a
//! question's standing in `question.rs`, the roll-ups in `tally.rs`), and the screen, the CLI
//! and the PDF all show what it returns.

use serde::{Deserialize, Serialize};

use crate::assessment::{AssessmentRecord, ReportType};
use crate::catalog::{Bank, Category};
use crate::evaluation::Evaluation;
use crate::scope::{CategoryDecision, decide_scope, evaluate};

mod question;
mod tally;

pub use question::{
    DESIGN_TARGET, OPERATING_TARGET, QuestionState, effective_level, evidenced_level,
};
use question::{question_state, scoping_states};
pub use tally::weakest_criteria;
use tally::*;

/// Everything the engine computes about an assessment's readiness.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Scorecard {
    pub report_type: ReportType,
    pub target_level: u8,
    pub overall: Rollup,
    pub categories: Vec<CategoryScore>,
    pub steps: Vec<StepScore>,
    pub criteria: Vec<CriterionScore>,
    pub scope: Vec<CategoryDecision>,
    /// Every control question, in bank order.
    pub questions: Vec<QuestionState>,
    /// Every scoping question, in bank order: which apply (some depend on other answers).
    pub scoping: Vec<QuestionState>,
    /// Set when the assessment was answered against an older bank: what changed in the method.
    pub method_note: Option<String>,
    /// The audit project's checklist (step 5 tasks), kept out of every readiness figure.
    pub tasks: TaskProgress,
}

/// How far the audit project has got: tasks that apply, answered, and done (documented or
/// better: a firm chosen in writing, a scope agreed on record).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct TaskProgress {
    pub applicable: usize,
    pub answered: usize,
    pub done: usize,
}

/// Readiness and completion in percent (0 to 100, one decimal), with the counts behind them.
/// `None` means there is nothing to measure, never "perfect".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Rollup {
    /// The headline: design readiness for a Type I target, operating readiness for a Type II.
    pub readiness: Option<f64>,
    /// Designed and documented (target level 3): what a Type I tests.
    pub design: Option<f64>,
    /// Operating with evidence (target level 4): what a Type II tests.
    pub operating: Option<f64>,
    pub completion: Option<f64>,
    pub applicable: usize,
    /// Answers the user gave: never an implied one, never "don't know".
    pub answered: usize,
    /// Applicable questions with no answer at all.
    pub unanswered: usize,
    /// Answered "don't know": counted as not in place and listed to verify, shown beside
    /// completion, never in it.
    #[serde(default)]
    pub unknown: usize,
    /// Implied by a missing foundation on the quick path: shown beside completion, never in it.
    #[serde(default)]
    pub implied: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CategoryScore {
    pub id: Category,
    pub name: String,
    pub in_scope: bool,
    pub readiness: Option<f64>,
    pub design: Option<f64>,
    pub operating: Option<f64>,
    pub completion: Option<f64>,
    pub applicable: usize,
    pub answered: usize,
    pub criteria_in_scope: usize,
    pub criteria_scored: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct StepScore {
    pub step: u8,
    pub title: String,
    pub readiness: Option<f64>,
    pub design: Option<f64>,
    pub operating: Option<f64>,
    pub completion: Option<f64>,
    pub applicable: usize,
    pub answered: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum CriterionStatus {
    /// At least one applicable question counts towards the score.
    Scored,
    /// The criterion's category is out of scope.
    OutOfScope,
    /// In scope, but every mapped question is excluded by scope answers or marked not applicable.
    NoApplicableQuestion,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CriterionScore {
    pub id: String,
    pub category: Category,
    pub title: String,
    pub in_scope: bool,
    pub status: CriterionStatus,
    pub readiness: Option<f64>,
    pub design: Option<f64>,
    pub operating: Option<f64>,
    pub completion: Option<f64>,
    pub applicable: usize,
    pub answered: usize,
    pub not_applicable: usize,
    /// The applicable control question furthest below target (unanswered lowest, a known
    /// exception half a level down, the bank's order breaking ties): the one to open from the
    /// criterion's cell.
    #[serde(default)]
    pub weakest_question: Option<String>,
}

/// Where the readiness bands start: amber, yellow-green and green (below the first, red). The
/// PDF colours figures by them and the app draws its bars and heat map with the same numbers.
pub const BAND_FROM: [f64; 3] = [40.0, 70.0, 90.0];

/// The band a readiness figure falls in; see [`BAND_FROM`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Low,
    Mid,
    Good,
    High,
}

impl Band {
    pub fn of(value: f64) -> Band {
        match value {
            v if v < BAND_FROM[0] => Band::Low,
            v if v < BAND_FROM[1] => Band::Mid,
            v if v < BAND_FROM[2] => Band::Good,
            _ => Band::High,
        }
    }
}

/// Scores an assessment against the bank. Pure: same inputs, same numbers.
///
/// One pass over the control questions accumulates every criterion, category and step, so a
/// re-score on each saved answer stays cheap.
pub fn score(bank: &Bank, evaluation: &Evaluation) -> Scorecard {
    let record: &AssessmentRecord = evaluation;
    let report_type = record.report_type();
    let target = f64::from(report_type.target_level().value());
    let scope = decide_scope(bank, record);
    let category_in_scope =
        |category: Category| scope.iter().any(|d| d.category == category && d.in_scope);
    let criterion_in_scope: Vec<bool> = bank
        .criteria
        .iter()
        .map(|c| category_in_scope(c.category))
        .collect();

    let mut per_criterion = vec![Tally::default(); bank.criteria.len()];
    let mut per_category = [Tally::default(); 5];
    let mut per_step = [Tally::default(); 7];
    let mut overall = Tally::default();
    let mut tasks = TaskProgress::default();
    let mut questions = Vec::with_capacity(bank.questions.len());
    let mut weakest: Vec<Option<(usize, f64)>> = vec![None; bank.criteria.len()];

    for (position, question) in bank.questions.iter().enumerate() {
        if !question.is_control() {
            continue;
        }
        let criteria = bank.criteria_of(position);
        let condition_holds = question
            .applies_when
            .as_ref()
            .is_none_or(|c| evaluate(c, record) != Some(false));
        let applicable = condition_holds
            && (question.engagement || criteria.iter().any(|&i| criterion_in_scope[i]));
        let state = question_state(question, evaluation, applicable, target);
        if applicable && !state.not_applicable {
            let level =
                state.level.map_or(-1.0, f64::from) - if state.exception { 0.5 } else { 0.0 };
            for &i in criteria {
                if weakest[i].is_none_or(|(_, lowest)| level < lowest) {
                    weakest[i] = Some((position, level));
                }
            }
        }
        if applicable && question.engagement {
            tasks.applicable += 1;
            tasks.answered += usize::from(state.answered);
            tasks.done += usize::from(state.level.is_some_and(|l| l >= 3) && !state.exception);
        } else if applicable {
            let weight = f64::from(question.weight());
            let mut categories_touched = [false; 5];
            for &i in criteria.iter().filter(|&&i| criterion_in_scope[i]) {
                per_criterion[i].add(&state, weight);
                categories_touched[category_slot(bank.criteria[i].category)] = true;
            }
            for (slot, touched) in categories_touched.into_iter().enumerate() {
                if touched {
                    per_category[slot].add(&state, weight);
                }
            }
            per_step[usize::from(question.step.min(6))].add(&state, weight);
            overall.add(&state, weight);
        }
        questions.push(state);
    }

    let criteria: Vec<CriterionScore> = bank
        .criteria
        .iter()
        .zip(&per_criterion)
        .zip(&criterion_in_scope)
        .zip(&weakest)
        .map(|(((criterion, tally), &in_scope), weakest)| {
            let readiness = tally.readiness();
            CriterionScore {
                id: criterion.id.clone(),
                category: criterion.category,
                title: criterion.title.clone(),
                in_scope,
                status: match (in_scope, readiness) {
                    (false, _) => CriterionStatus::OutOfScope,
                    (true, None) => CriterionStatus::NoApplicableQuestion,
                    (true, Some(_)) => CriterionStatus::Scored,
                },
                readiness,
                design: tally.design(),
                operating: tally.operating(),
                completion: tally.completion(),
                applicable: tally.applicable,
                answered: tally.answered,
                not_applicable: tally.not_applicable,
                weakest_question: weakest.map(|(position, _)| bank.questions[position].id.clone()),
            }
        })
        .collect();

    let categories = Category::ALL
        .into_iter()
        .map(|category| {
            let members: Vec<&CriterionScore> = criteria
                .iter()
                .filter(|c| c.category == category && c.in_scope)
                .collect();
            let tally = &per_category[category_slot(category)];
            CategoryScore {
                id: category,
                name: category.name().to_string(),
                in_scope: category_in_scope(category),
                readiness: mean_of_criteria(&members, |c| c.readiness),
                design: mean_of_criteria(&members, |c| c.design),
                operating: mean_of_criteria(&members, |c| c.operating),
                completion: tally.completion(),
                applicable: tally.applicable,
                answered: tally.answered,
                criteria_in_scope: members.len(),
                criteria_scored: members.iter().filter(|c| c.readiness.is_some()).count(),
            }
        })
        .collect();

    let scoping = scoping_states(bank, record, &scope);
    let steps = bank
        .steps
        .iter()
        .map(|step| {
            if step.number == crate::catalog::SCOPE_STEP {
                return scoping_step(&scoping, &step.title);
            }
            let tally = &per_step[usize::from(step.number.min(6))];
            StepScore {
                step: step.number,
                title: step.title.clone(),
                readiness: tally.readiness(),
                design: tally.design(),
                operating: tally.operating(),
                completion: tally.completion(),
                applicable: tally.applicable,
                answered: tally.answered,
            }
        })
        .collect();

    let in_scope_criteria: Vec<&CriterionScore> = criteria.iter().filter(|c| c.in_scope).collect();
    let overall = Rollup {
        readiness: mean_of_criteria(&in_scope_criteria, |c| c.readiness),
        design: mean_of_criteria(&in_scope_criteria, |c| c.design),
        operating: mean_of_criteria(&in_scope_criteria, |c| c.operating),
        completion: overall.completion(),
        applicable: overall.applicable,
        answered: overall.answered,
        unanswered: overall.applicable - overall.answered - overall.unknown - overall.implied,
        unknown: overall.unknown,
        implied: overall.implied,
    };

    Scorecard {
        report_type,
        target_level: report_type.target_level().value(),
        overall,
        categories,
        steps,
        criteria,
        scope,
        questions,
        scoping,
        method_note: method_note(bank, record),
        tasks,
    }
}

/// What changed in the method since the bank the assessment was answered against, so a user
/// who upgrades knows why figures moved.
pub fn method_note(bank: &Bank, record: &AssessmentRecord) -> Option<String> {
    use crate::scope::{CONCLUSIONS_METHOD_SINCE, SCOPE_METHOD_SINCE, answered_before};
    let mut since = Vec::new();
    if answered_before(record, SCOPE_METHOD_SINCE) {
        since.push("Since 2026.11.2 scope asks which categories customers require and your role for personal data (categories your earlier answers proposed stay in scope until you answer), answers can record known exceptions, readiness is shown for design and for operation, and gaps are ranked by impact and time.");
    }
    if answered_before(record, CONCLUSIONS_METHOD_SINCE) {
        since.push("Since 2026.12.1 a category is needed only when customers ask for it in the report (or you make specific promises about their content, or control personal data); a commitment alone, such as an uptime SLA or confidentiality terms, makes it worth discussing, so a category proposed from one may have left scope until you choose it. Exceptions marked as live exposures rank as Fix now, impact follows what you hold and do, and the plan follows the time people can give (step 1 asks).");
    }
    (!since.is_empty()).then(|| {
        format!(
            "Answered against question bank {}; scored with {}. {} Figures can differ from earlier exports of this assessment.",
            crate::upgrade::started_on(record),
            bank.version,
            since.join(" ")
        )
    })
}

impl Scorecard {
    /// Whether a control question (an audit-project task among them) is asked: it applies and
    /// is not marked not applicable.
    pub fn asks(&self, question_id: &str) -> bool {
        self.questions
            .iter()
            .any(|s| s.question_id == question_id && s.applicable && !s.not_applicable)
    }
}
