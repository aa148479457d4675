//! Applying a person's choices to a merge plan: the answers, scope decisions and history rows to write.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};

use super::{AssessmentCopy, Content, MergeChoices, MergeError, MergePlan, Outcome, Side};
use crate::assessment::{Answer, HistoryEntry, ScopeOverride};
use crate::catalog::Category;

/// What applying a plan writes: answers saved or cleared, scope set or cleared, history
/// appended in this order (the file's missing entries first, then a row restating each merged
/// answer whose history would otherwise end on another answer).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeWrites {
    pub save: Vec<Answer>,
    pub clear: Vec<String>,
    pub set_scope: Vec<ScopeOverride>,
    pub clear_scope: Vec<Category>,
    pub history: Vec<HistoryEntry>,
}

impl MergeWrites {
    pub fn is_empty(&self) -> bool {
        self.save.is_empty()
            && self.clear.is_empty()
            && self.set_scope.is_empty()
            && self.clear_scope.is_empty()
            && self.history.is_empty()
    }
}

/// Applies the choices to a plan: what to write, or every conflict still open (nothing is
/// written then). A choice naming no conflict is refused too, so a typing slip is not ignored.
pub fn resolve(
    plan: &MergePlan,
    mine: AssessmentCopy<'_>,
    theirs: AssessmentCopy<'_>,
    choices: &MergeChoices,
    now: DateTime<Utc>,
) -> Result<MergeWrites, MergeError> {
    let conflicts = plan.conflicts();
    let strays: Vec<String> = choices
        .chosen
        .keys()
        .filter(|k| !conflicts.contains(k))
        .cloned()
        .collect();
    if !strays.is_empty() {
        return Err(MergeError::NotAConflict(strays));
    }
    let choice = |key: &str| choices.chosen.get(key).copied().or(choices.all);
    let open: Vec<String> = conflicts
        .iter()
        .filter(|k| choice(k).is_none())
        .cloned()
        .collect();
    if !open.is_empty() {
        return Err(MergeError::Unresolved(open));
    }
    let mut writes = MergeWrites {
        history: plan.history_to_add.clone(),
        ..MergeWrites::default()
    };
    let mut touched: BTreeSet<&str> = plan
        .history_to_add
        .iter()
        .map(|e| e.question_id.as_str())
        .collect();
    let mut final_side = BTreeMap::new();
    for q in &plan.questions {
        let side = match q.outcome {
            Outcome::TakeTheirs => Side::Theirs,
            Outcome::Conflict => choice(&q.question_id).expect("every conflict has a choice"),
            Outcome::KeepMine | Outcome::Same => Side::Mine,
        };
        final_side.insert(q.question_id.as_str(), side);
        if side == Side::Theirs {
            touched.insert(&q.question_id);
            match &q.theirs.answer {
                Some(answer) => writes.save.push(answer.clone()),
                None => writes.clear.push(q.question_id.clone()),
            }
        }
    }
    for question_id in touched {
        let side = final_side.get(question_id).copied().unwrap_or(Side::Mine);
        let copy = if side == Side::Mine { mine } else { theirs };
        let statement = statement(copy, question_id, now);
        let last = mine
            .history
            .iter()
            .chain(&writes.history)
            .rfind(|e| e.question_id == question_id && e.implied_by.is_none());
        if let Some(statement) = statement
            && last != Some(&statement)
        {
            writes.history.push(statement);
        }
    }
    for s in &plan.scope {
        let side = match s.outcome {
            Outcome::TakeTheirs => Side::Theirs,
            Outcome::Conflict => choice(&s.key).expect("every conflict has a choice"),
            Outcome::KeepMine | Outcome::Same => Side::Mine,
        };
        if side == Side::Theirs {
            match &s.theirs {
                Some(decision) => writes.set_scope.push(decision.clone()),
                None => writes.clear_scope.push(s.category),
            }
        }
    }
    Ok(writes)
}

/// The history row that states a copy's current answer: its own last row when that says the
/// same, so a merged answer keeps the time it was given.
fn statement(
    copy: AssessmentCopy<'_>,
    question_id: &str,
    now: DateTime<Utc>,
) -> Option<HistoryEntry> {
    let answer = copy.record.answers.get(question_id);
    let last = copy
        .history
        .iter()
        .rfind(|e| e.question_id == question_id && e.implied_by.is_none());
    match (answer, last) {
        (_, Some(entry)) if Content::of_entry(entry) == Content::of_answer(answer) => {
            Some(entry.clone())
        }
        (Some(answer), _) => Some(HistoryEntry::of(answer)),
        (None, Some(_)) => Some(HistoryEntry::cleared(question_id, now)),
        (None, None) => None,
    }
}
