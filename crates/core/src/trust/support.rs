//! Whether the answers support a claim: its own question's answer and basis, and the other questions its words rest on.

use super::{Basis, PassingChecks};
use crate::assessment::MaturityLevel;
use crate::catalog::Bank;
use crate::evaluation::Evaluation;
use crate::findings::Effect;
use crate::scoring::QuestionState;

/// Whether an answer supports a claim: its basis, or why not, naming the exception or the
/// record that stands in the way.
pub(super) fn support(
    evaluation: &Evaluation,
    state: &QuestionState,
    passing: &PassingChecks,
) -> (Option<Basis>, Option<String>) {
    let level = state.level.unwrap_or(0);
    let why = if state.implied {
        Some(
            "the quick path takes it as missing, because a foundation it rests on is not in place"
                .to_string(),
        )
    } else if state.unknown {
        Some("answered \"don't know\": find out first".to_string())
    } else if state.not_applicable {
        Some("answered not applicable".to_string())
    } else if !state.answered {
        Some("not answered yet".to_string())
    } else if state.exception {
        Some(exception_reason(evaluation, &state.question_id))
    } else if level < 3 {
        let label = MaturityLevel::try_from(level)
            .map(|l| l.label())
            .unwrap_or("not in place");
        Some(format!(
            "answered \"{label}\"; a claim needs \"In place and documented\" or better"
        ))
    } else {
        None
    };
    // "With evidence" is said only where there is some: a reference kept on the answer, or a
    // passing check in the log. An answer of "operating" alone is the company's word.
    let kept = evaluation
        .answers
        .get(&state.question_id)
        .is_some_and(|a| !a.evidence.is_empty());
    let shown = kept || passing.contains(&state.question_id);
    match why {
        Some(why) => (None, Some(why)),
        None if level >= 4 && !state.not_evidenced && shown => (Some(Basis::Evidenced), None),
        None => (Some(Basis::Documented), None),
    }
}

/// Why a question a claim also rests on keeps it off, if it does: an exception on it, an answer
/// below documented, or one nobody vouches for. Unanswered, it is for its own gap to say.
pub(super) fn related_gap(
    bank: &Bank,
    evaluation: &Evaluation,
    state: &QuestionState,
) -> Option<String> {
    let name = bank
        .question(&state.question_id)
        .and_then(|q| q.subject.clone())
        .unwrap_or_else(|| state.question_id.clone());
    if state.exception {
        let why = exception_reason(evaluation, &state.question_id);
        return Some(format!(
            "it rests on {} too, where {why}",
            lower_first(&name)
        ));
    }
    // A support nobody can vouch for is no support: "don't know", not applicable, or taken as
    // missing on the quick path.
    let unvouched = if state.unknown {
        Some("answered \"don't know\"")
    } else if state.not_applicable {
        Some("answered not applicable")
    } else if state.implied {
        Some("taken as missing on the quick path")
    } else {
        None
    };
    if let Some(why) = unvouched {
        return Some(format!("it rests on {} too, {why}", lower_first(&name)));
    }
    let level = state.level?;
    (level < 3).then(|| {
        let label = MaturityLevel::try_from(level)
            .map(|l| l.label())
            .unwrap_or("not in place");
        format!(
            "it rests on {} too, answered \"{label}\"",
            lower_first(&name)
        )
    })
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The exception the user recorded, else what the records show.
fn exception_reason(evaluation: &Evaluation, question_id: &str) -> String {
    if let Some(text) = evaluation
        .answers
        .get(question_id)
        .and_then(|a| a.exception.as_deref())
    {
        return format!("a known exception is recorded: {text}");
    }
    evaluation
        .findings
        .iter()
        .find(|f| f.question_id == question_id && f.effect == Effect::KnownException)
        .map(|f| format!("the records show it did not fully operate: {}", f.detail))
        .unwrap_or_else(|| "a known exception stands against it".to_string())
}
