//! The answers appendix: each question as answered (or implied on the quick path), and the blocks a missing foundation implies.

use chrono::NaiveDate;
use serde::Serialize;
use soc2_readiness_core::assessment::describe_for;
use soc2_readiness_core::catalog::{Bank, Question};
use soc2_readiness_core::evaluation::Evaluation;
use soc2_readiness_core::scope::question_applies;
use soc2_readiness_core::scoring::Scorecard;

/// One answered (or unanswered) question, as the appendix lists it.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerRow {
    pub question_id: String,
    pub question: String,
    pub answer: String,
    pub applies: bool,
    pub note: Option<String>,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub evidence: Vec<String>,
    pub exception: Option<String>,
    /// The foundation whose absence implies this answer on the quick path.
    pub implied_by: Option<String>,
}

/// A missing foundation and the gaps it implies on the quick path, for the register and the
/// appendix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImpliedBlock {
    pub foundation: String,
    pub title: String,
    pub reason: String,
    /// Each implied question as "gap (step N)", in bank order.
    pub dependents: Vec<String>,
    /// The foundation has a row of its own in the register (it is a control, not a task).
    pub is_gap: bool,
}

pub(super) fn implied_blocks(bank: &Bank, record: &Evaluation) -> Vec<ImpliedBlock> {
    bank.foundations
        .iter()
        .filter_map(|f| {
            let dependents: Vec<String> = bank
                .questions
                .iter()
                .filter(|q| record.implied.get(&q.id) == Some(&f.question))
                .map(|q| format!("{} (step {})", q.gap_title(), q.step))
                .collect();
            let base = bank.question(&f.question)?;
            (!dependents.is_empty()).then(|| ImpliedBlock {
                foundation: f.question.clone(),
                title: base.gap_title().to_string(),
                reason: f.reason.clone(),
                dependents,
                is_gap: !base.engagement,
            })
        })
        .collect()
}

pub(super) fn answer_rows(
    bank: &Bank,
    record: &Evaluation,
    scorecard: &Scorecard,
    step: u8,
) -> Vec<AnswerRow> {
    bank.questions
        .iter()
        .filter(|q| q.step == step)
        .map(|q| answer_row(bank, q, record, scorecard))
        .collect()
}

pub(super) fn answer_row(
    bank: &Bank,
    question: &Question,
    record: &Evaluation,
    scorecard: &Scorecard,
) -> AnswerRow {
    let applies = question_applies(bank, question, record, &scorecard.scope);
    let answer = record.answers.get(&question.id);
    let condition_holds = question
        .applies_when
        .as_ref()
        .is_none_or(|c| soc2_readiness_core::scope::evaluate(c, record) != Some(false));
    let shown = match (answer, applies) {
        (_, false) if !condition_holds => question
            .otherwise
            .clone()
            .unwrap_or_else(|| "Does not apply, given the scope answers.".into()),
        (_, false) => format!(
            "Out of scope: {} belong to categories outside this report.",
            question.criteria.join(", ")
        ),
        (Some(a), true) => match record.implied.get(&question.id) {
            Some(base) => format!(
                "{} (implied: not asked on the quick path while {base} is not in place)",
                describe_for(question, &a.value)
            ),
            None => describe_for(question, &a.value),
        },
        (None, true) => "Unanswered".into(),
    };
    AnswerRow {
        question_id: question.id.clone(),
        question: question.text.clone(),
        answer: shown,
        applies,
        note: answer.and_then(|a| a.note.clone()),
        owner: answer.and_then(|a| a.owner.clone()),
        due: answer.and_then(|a| a.due),
        evidence: answer.map(|a| a.evidence.clone()).unwrap_or_default(),
        exception: answer.and_then(|a| a.exception.clone()),
        implied_by: record.implied.get(&question.id).cloned(),
    }
}
