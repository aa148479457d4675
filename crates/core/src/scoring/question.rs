//! One control question's standing: its level, a known exception and what the records show, turned into the credit every roll-up adds up.

use crate::assessment::{AnswerValue, AssessmentRecord};
use crate::catalog::{Bank, Question};
use crate::evaluation::Evaluation;
use crate::findings::Effect;
use crate::scope::{CategoryDecision, question_applies};
use serde::{Deserialize, Serialize};

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

pub(super) fn question_state(
    question: &Question,
    record: &Evaluation,
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

pub(super) fn scoping_states(
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
