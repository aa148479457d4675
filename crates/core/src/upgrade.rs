//! Bank upgrades: carrying an assessment's answers from the bank it was answered on to today's, by the bank's changelog.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::assessment::HistoryEntry;
use crate::assessment::{Answer, AnswerValue, AssessmentRecord, check_value};
use crate::catalog::{Bank, ChangeKind};

pub use crate::assessment::{BankUpgrade, UpgradeNote};

/// The answers after an upgrade, the history rows that record the moves, and the upgrade.
#[derive(Debug, Clone, PartialEq)]
pub struct Carried {
    pub answers: BTreeMap<String, Answer>,
    pub history: Vec<HistoryEntry>,
    pub upgrade: BankUpgrade,
}

fn version_parts(version: &str) -> Vec<u64> {
    version.split('.').map(|p| p.parse().unwrap_or(0)).collect()
}

/// Whether answers keyed to `version` need carrying to `bank`.
pub fn is_older(version: &str, bank: &Bank) -> bool {
    version_parts(version) < version_parts(&bank.version)
}

/// The version the assessment was first answered on: its method choices (such as keeping
/// earlier scope proposals) depend on it, not on the bank its answers were carried to.
pub fn started_on(record: &AssessmentRecord) -> &str {
    record.started_on()
}

/// Answers still to confirm after an upgrade: carried from merged or split questions and not
/// answered again since.
pub fn to_confirm(record: &AssessmentRecord) -> Vec<&UpgradeNote> {
    record
        .upgrades
        .iter()
        .flat_map(|u| u.notes.iter().map(move |n| (u.at, n)))
        .filter(|(at, note)| {
            note.confirm
                && note
                    .question_id
                    .as_ref()
                    .and_then(|id| record.answers.get(id))
                    .is_some_and(|a| a.updated_at <= *at)
        })
        .map(|(_, note)| note)
        .collect()
}

/// Carries `answers`, keyed to bank `from_version`, to `bank` by its changelog. Nothing is
/// dropped silently: a moved answer keeps its details, merged and split answers are marked to
/// confirm, a removed one leaves a history row, and an answer the new question cannot take is
/// kept in the history with a note to answer again. `None` when there is nothing to carry.
pub fn carry(
    bank: &Bank,
    from_version: &str,
    answers: &BTreeMap<String, Answer>,
    at: DateTime<Utc>,
) -> Option<Carried> {
    if !is_older(from_version, bank) {
        return None;
    }
    let mut current = answers.clone();
    let mut notes = Vec::new();
    let releases = bank
        .changelog
        .iter()
        .filter(|r| version_parts(&r.version) > version_parts(from_version));
    for release in releases {
        for change in &release.changes {
            let given: Vec<Answer> = change
                .from
                .iter()
                .filter_map(|id| current.get(id).cloned())
                .collect();
            match change.kind {
                ChangeKind::Added => {
                    for id in &change.to {
                        notes.push(note(
                            change.kind,
                            Some(id),
                            &[],
                            format!("New question: {}", change.note),
                            false,
                        ));
                    }
                }
                ChangeKind::Remapped => {
                    if !given.is_empty() {
                        notes.push(note(
                            change.kind,
                            change.to.first(),
                            &change.from,
                            format!("Your answer stands. {}", change.note),
                            false,
                        ));
                    }
                }
                ChangeKind::Removed => {
                    for answer in given {
                        current.remove(&answer.question_id);
                        notes.push(note(
                            change.kind,
                            None,
                            std::slice::from_ref(&answer.question_id),
                            format!(
                                "Removed: {} Your answer ({}) stays in the history.",
                                change.note,
                                crate::assessment::describe(&answer.value)
                            ),
                            false,
                        ));
                    }
                }
                ChangeKind::Renamed | ChangeKind::Merged | ChangeKind::Split => {
                    if given.is_empty() {
                        continue;
                    }
                    for answer in &given {
                        current.remove(&answer.question_id);
                    }
                    let carried = combine(&given);
                    let confirm = change.kind != ChangeKind::Renamed;
                    for id in &change.to {
                        let mut moved = carried.clone();
                        moved.question_id = id.clone();
                        // A merged or split answer is a new answer, made by the upgrade; the
                        // user's next save of it is the confirmation.
                        if confirm {
                            moved.updated_at = at;
                        }
                        current.insert(id.clone(), moved);
                        let text = match change.kind {
                            ChangeKind::Renamed => {
                                format!("Carried under a new id: {}", change.note)
                            }
                            ChangeKind::Merged => format!(
                                "Merged from {}: {} The lowest of your answers was kept; confirm it.",
                                change.from.join(", "),
                                change.note
                            ),
                            _ => format!(
                                "Split from {}: {} Your answer was carried to each part; confirm it.",
                                change.from.join(", "),
                                change.note
                            ),
                        };
                        notes.push(note(change.kind, Some(id), &change.from, text, confirm));
                    }
                }
            }
        }
    }
    // Whatever the changelog did not account for, or the new question cannot take, goes to
    // the history with a note rather than staying as an answer nothing reads.
    let ids: Vec<String> = current.keys().cloned().collect();
    for id in ids {
        let refusal = match bank.question(&id) {
            None => Some(format!("{id} is no longer in the question bank.")),
            Some(question) => check_value(question, &current[&id].value)
                .err()
                .map(|e| format!("The answer could not be carried ({e}); answer it again.")),
        };
        if let Some(text) = refusal {
            current.remove(&id);
            notes.push(note(
                ChangeKind::Removed,
                bank.question(&id).map(|_| &id),
                std::slice::from_ref(&id),
                text,
                false,
            ));
        }
    }
    let history = history_of_moves(answers, &current, at);
    Some(Carried {
        answers: current,
        history,
        upgrade: BankUpgrade {
            from_version: from_version.to_string(),
            to_version: bank.version.clone(),
            at,
            notes,
        },
    })
}

fn note(
    kind: ChangeKind,
    question_id: Option<&String>,
    from: &[String],
    text: String,
    confirm: bool,
) -> UpgradeNote {
    UpgradeNote {
        kind,
        question_id: question_id.cloned(),
        from: from.to_vec(),
        text,
        confirm,
    }
}

/// One answer for several: the lowest level (never a rosier merged answer than any part),
/// the first answer's details, and the other parts' notes kept beside its own.
fn combine(given: &[Answer]) -> Answer {
    let level_of = |a: &Answer| match a.value {
        AnswerValue::Level(level) => i16::from(level.value()),
        AnswerValue::NotApplicable(_) => 99,
        _ => 100,
    };
    let lowest = given
        .iter()
        .min_by_key(|a| level_of(a))
        .expect("at least one answer");
    let mut out = lowest.clone();
    let others: Vec<String> = given
        .iter()
        .filter(|a| a.question_id != lowest.question_id)
        .filter_map(|a| {
            a.note
                .as_ref()
                .map(|n| format!("(from {}) {n}", a.question_id))
        })
        .collect();
    if !others.is_empty() {
        let mut all: Vec<String> = out.note.take().into_iter().collect();
        all.extend(others);
        out.note = Some(all.join("\n"));
    }
    if out.owner.is_none() {
        out.owner = given.iter().find_map(|a| a.owner.clone());
    }
    if out.due.is_none() {
        out.due = given.iter().find_map(|a| a.due);
    }
    for a in given {
        for e in &a.evidence {
            if !out.evidence.contains(e) {
                out.evidence.push(e.clone());
            }
        }
    }
    out
}

/// A cleared row for every id that lost its answer, a row for every answer new or changed.
fn history_of_moves(
    before: &BTreeMap<String, Answer>,
    after: &BTreeMap<String, Answer>,
    at: DateTime<Utc>,
) -> Vec<HistoryEntry> {
    let mut rows = Vec::new();
    for id in before.keys().filter(|id| !after.contains_key(*id)) {
        rows.push(HistoryEntry::cleared(id, at));
    }
    for (id, answer) in after {
        if before.get(id) == Some(answer) {
            continue;
        }
        rows.push(HistoryEntry {
            changed_at: at,
            ..HistoryEntry::of(answer)
        });
    }
    rows
}
