//! Readiness scoring: per control question, per criterion, and roll-ups by category, step and overall.
//!
//! The method is written out in `docs/scoring.md`; this file is its only implementation, and the
//! screen, the CLI and the PDF all show what it returns.

use serde::{Deserialize, Serialize};

use crate::assessment::{AnswerValue, AssessmentRecord, ReportType};
use crate::catalog::{Bank, Category, Question};
use crate::findings::Effect;
use crate::scope::{CategoryDecision, decide_scope, evaluate, question_applies};

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

/// Where one control question stands. `credit` is the headline credit, min(effective level,
/// target) / target with unanswered as 0; `design_credit` and `operating_credit` use the targets
/// 3 and 4. The effective level is the level, except that a known exception caps it at 2.5.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct QuestionState {
    pub question_id: String,
    pub applicable: bool,
    pub answered: bool,
    pub level: Option<u8>,
    pub not_applicable: bool,
    /// The answer carries a known exception (recorded, or shown by the programme's records).
    pub exception: bool,
    /// The records do not show the control operating: it scores as documented at most.
    #[serde(default)]
    pub not_evidenced: bool,
    /// Answered "don't know": scored as not in place, to verify, not answered.
    #[serde(default)]
    pub unknown: bool,
    /// Implied by a missing foundation on the quick path: scored at 0, not answered.
    #[serde(default)]
    pub implied: bool,
    pub credit: Option<f64>,
    pub design_credit: Option<f64>,
    pub operating_credit: Option<f64>,
}

impl QuestionState {
    /// The level scoring uses: a known exception takes half a level off and caps at documented.
    pub fn effective_level(&self) -> f64 {
        evidenced_level(self.level.unwrap_or(0), self.exception, self.not_evidenced)
    }
}

/// Design readiness measures against "in place and documented" (3), operating against
/// "operating, with evidence retained" (4).
pub const DESIGN_TARGET: u8 = 3;
pub const OPERATING_TARGET: u8 = 4;

/// A control with a known exception is never fully designed nor operating: informal with an
/// exception counts 1.5, documented or operating with an exception 2.5.
pub fn effective_level(level: u8, exception: bool) -> f64 {
    if exception && level >= 2 {
        f64::from(level.min(DESIGN_TARGET)) - 0.5
    } else {
        f64::from(level)
    }
}

/// The effective level once the records have spoken: a control they do not show operating
/// counts as documented at most (`docs/scoring.md`, section 9).
pub fn evidenced_level(level: u8, exception: bool, not_evidenced: bool) -> f64 {
    let effective = effective_level(level, exception);
    if not_evidenced {
        effective.min(f64::from(DESIGN_TARGET))
    } else {
        effective
    }
}

/// Scores an assessment against the bank. Pure: same inputs, same numbers.
///
/// One pass over the control questions accumulates every criterion, category and step, so a
/// re-score on each saved answer stays cheap.
pub fn score(bank: &Bank, record: &AssessmentRecord) -> Scorecard {
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
        let state = question_state(question, record, applicable, target);
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

/// Running sums for one criterion, category or step.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    earned: f64,
    earned_design: f64,
    earned_operating: f64,
    possible: f64,
    applicable: usize,
    answered: usize,
    unknown: usize,
    implied: usize,
    not_applicable: usize,
}

impl Tally {
    fn add(&mut self, state: &QuestionState, weight: f64) {
        self.applicable += 1;
        self.answered += usize::from(state.answered);
        self.unknown += usize::from(state.unknown);
        self.implied += usize::from(state.implied);
        self.not_applicable += usize::from(state.not_applicable);
        // Not-applicable answers carry no credit and leave both sums.
        if let (Some(credit), Some(design), Some(operating)) =
            (state.credit, state.design_credit, state.operating_credit)
        {
            self.earned += weight * credit;
            self.earned_design += weight * design;
            self.earned_operating += weight * operating;
            self.possible += weight;
        }
    }

    fn readiness(&self) -> Option<f64> {
        percent(self.earned, self.possible)
    }

    fn design(&self) -> Option<f64> {
        percent(self.earned_design, self.possible)
    }

    fn operating(&self) -> Option<f64> {
        percent(self.earned_operating, self.possible)
    }

    fn completion(&self) -> Option<f64> {
        percent(self.answered as f64, self.applicable as f64)
    }
}

fn category_slot(category: Category) -> usize {
    Category::ALL
        .iter()
        .position(|c| *c == category)
        .expect("every category is in Category::ALL")
}

fn question_state(
    question: &Question,
    record: &AssessmentRecord,
    applicable: bool,
    target: f64,
) -> QuestionState {
    // One look-up per question: this runs on every save.
    let answer = record.answers.get(&question.id).filter(|_| applicable);
    let (level, not_applicable) = match answer.map(|a| &a.value) {
        Some(AnswerValue::Level(level)) => (Some(level.value()), false),
        Some(AnswerValue::NotApplicable(_)) => (None, true),
        _ => (None, false),
    };
    let unknown = matches!(answer.map(|a| &a.value), Some(AnswerValue::Unknown(())));
    let implied = level.is_some() && record.implied.contains_key(&question.id);
    // Findings are few (a handful per programme), so a scan per question stays cheap.
    let found = |effect: Effect| {
        applicable
            && record
                .findings
                .iter()
                .any(|f| f.effect == effect && f.question_id == question.id)
    };
    let exception = level.is_some()
        && (answer.is_some_and(|a| a.exception.is_some()) || found(Effect::KnownException));
    let not_evidenced = level.is_some() && found(Effect::NotEvidenced);
    let effective = evidenced_level(level.unwrap_or(0), exception, not_evidenced);
    let credit_at =
        |target: f64| (applicable && !not_applicable).then(|| effective.min(target) / target);
    QuestionState {
        question_id: question.id.clone(),
        applicable,
        answered: (level.is_some() && !implied) || not_applicable,
        level,
        not_applicable,
        exception,
        not_evidenced,
        unknown,
        implied,
        credit: credit_at(target),
        design_credit: credit_at(f64::from(DESIGN_TARGET)),
        operating_credit: credit_at(f64::from(OPERATING_TARGET)),
    }
}

fn scoping_states(
    bank: &Bank,
    record: &AssessmentRecord,
    scope: &[CategoryDecision],
) -> Vec<QuestionState> {
    bank.scoping_questions()
        .map(|q| {
            let applicable = question_applies(bank, q, record, scope);
            QuestionState {
                question_id: q.id.clone(),
                applicable,
                answered: applicable && record.value(&q.id).is_some(),
                level: None,
                not_applicable: false,
                exception: false,
                not_evidenced: false,
                unknown: applicable && record.is_unknown(&q.id),
                implied: false,
                credit: None,
                design_credit: None,
                operating_credit: None,
            }
        })
        .collect()
}

fn scoping_step(scoping: &[QuestionState], title: &str) -> StepScore {
    let applicable = scoping.iter().filter(|q| q.applicable).count();
    let answered = scoping.iter().filter(|q| q.answered).count();
    StepScore {
        step: 1,
        title: title.to_string(),
        readiness: None,
        design: None,
        operating: None,
        completion: percent(answered as f64, applicable as f64),
        applicable,
        answered,
    }
}

/// Each scored criterion counts once: the criterion is the unit of readiness.
fn mean_of_criteria(
    criteria: &[&CriterionScore],
    figure: impl Fn(&CriterionScore) -> Option<f64>,
) -> Option<f64> {
    let scored: Vec<f64> = criteria.iter().filter_map(|c| figure(c)).collect();
    percent(scored.iter().sum::<f64>() / 100.0, scored.len() as f64)
}

fn percent(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| round1(100.0 * part / whole))
}

/// One decimal place, so every surface shows the same figure.
fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The weakest scored criterion of each category in scope (lowest headline readiness; on a
/// tie, the lowest `rank`, then catalogue order), Security first: a panel of its own beside the
/// ranked gaps, so a weak category is seen without padding the top ten. `rank` gives a
/// criterion's place in the gap register (its first gap), so ties follow the ranked list.
pub fn weakest_criteria(
    scorecard: &Scorecard,
    rank: impl Fn(&str) -> usize,
) -> Vec<&CriterionScore> {
    let mut out: Vec<&CriterionScore> = Vec::new();
    for category in Category::ALL {
        let weakest = scorecard
            .criteria
            .iter()
            .filter(|c| c.category == category && c.status == CriterionStatus::Scored)
            .filter_map(|c| c.readiness.map(|r| (r, rank(&c.id), c)))
            .fold(
                None::<(f64, usize, &CriterionScore)>,
                |best, (r, k, c)| match best {
                    Some((b, bk, _)) if b < r || (b == r && bk <= k) => best,
                    _ => Some((r, k, c)),
                },
            );
        out.extend(weakest.map(|(_, _, c)| c));
    }
    out
}
