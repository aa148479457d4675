//! The quick path: the answers a missing foundation implies, and the history of their changes.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::assessment::HistoryEntry;
use crate::assessment::{Answer, AnswerValue, AssessmentRecord, Depth, MaturityLevel};
use crate::catalog::Bank;
use crate::scope::{decide_scope, question_applies};

/// The level a foundation must reach before its dependents are asked: anything below informal
/// means there is nothing yet for them to build on.
const ASKED_FROM: MaturityLevel = MaturityLevel::Informal;

/// The implied answers of a stored record, each with the foundation that implies it.
pub fn implied_answers<'b>(bank: &'b Bank, record: &AssessmentRecord) -> Vec<(&'b str, Answer)> {
    if record.assessment.depth != Depth::Quick {
        return Vec::new();
    }
    let decisions = decide_scope(bank, record);
    let mut out = Vec::new();
    for foundation in &bank.foundations {
        let Some(base) = record.answers.get(&foundation.question) else {
            continue;
        };
        if base.level().is_none_or(|level| level >= ASKED_FROM) {
            continue;
        }
        for dependent in &foundation.dependents {
            if record.answers.contains_key(dependent) {
                continue;
            }
            let Some(question) = bank.question(dependent) else {
                continue;
            };
            if !question_applies(bank, question, record, &decisions) {
                continue;
            }
            out.push((
                foundation.question.as_str(),
                Answer::bare(
                    dependent,
                    AnswerValue::Level(MaturityLevel::NotInPlace),
                    base.updated_at,
                ),
            ));
        }
    }
    out
}

/// History rows for every dependent whose implied answer a change turns on, off or to another
/// level, so the audit trail shows why a question became a gap or came back unanswered.
pub fn implied_history(
    bank: &Bank,
    before: &AssessmentRecord,
    after: &AssessmentRecord,
    at: DateTime<Utc>,
) -> Vec<HistoryEntry> {
    let levels = |record: &AssessmentRecord| -> BTreeMap<String, (String, AnswerValue)> {
        implied_answers(bank, record)
            .into_iter()
            .map(|(foundation, answer)| {
                (answer.question_id, (foundation.to_string(), answer.value))
            })
            .collect()
    };
    let (old, new) = (levels(before), levels(after));
    let mut entries = Vec::new();
    for question_id in old
        .keys()
        .chain(new.keys().filter(|k| !old.contains_key(*k)))
    {
        let (was, now) = (old.get(question_id), new.get(question_id));
        if was.map(|w| &w.1) == now.map(|n| &n.1) {
            continue;
        }
        // An answer the user has just given replaces the implied one; its own row says so.
        if now.is_none() && after.answers.contains_key(question_id) {
            continue;
        }
        let foundation = now.or(was).map(|(f, _)| f.clone());
        entries.push(HistoryEntry {
            value: now.map(|(_, value)| value.clone()),
            implied_by: foundation,
            ..HistoryEntry::cleared(question_id, at)
        });
    }
    entries
}
