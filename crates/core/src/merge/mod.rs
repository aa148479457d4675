//! Merging two copies of one assessment answered apart (workshop laptops): per answer, a three-way merge against the last answer both histories share.
//!
//! The copies carry their answer history (the portable JSON does), so the common base of a
//! question is the last history entry both hold: an entry is the same entry when its question,
//! value, details and time all match, which two people typing on two machines never produce by
//! chance. A side "changed" a question when its answer now differs from that base. Scope
//! overrides keep no history; their base is what either side held before the copies parted
//! (see [`plan_merge`]).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::assessment::{
    Answer, AnswerValue, AssessmentRecord, HistoryEntry, ScopeOverride, describe, describe_for,
};
use crate::catalog::{Bank, Category};

mod resolve;
mod scope;

pub use resolve::{MergeWrites, resolve};
use scope::scope_merges;

/// Which copy something comes from: this assessment, or the file merged into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Mine,
    Theirs,
}

impl Side {
    pub fn parse(text: &str) -> Option<Side> {
        match text.trim().to_ascii_lowercase().as_str() {
            "mine" => Some(Side::Mine),
            "theirs" => Some(Side::Theirs),
            _ => None,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Side::Mine => "mine",
            Side::Theirs => "theirs",
        }
    }
}

/// What the merge does with one question or one category's scope decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Only this copy changed it since the copies parted: kept as it is.
    KeepMine,
    /// Only the other copy changed it: taken from the file.
    TakeTheirs,
    /// Both changed it, to the same answer: nothing to do.
    Same,
    /// Both changed it, differently: a person chooses.
    Conflict,
}

/// One side's answer to a question, with its value in words (`unanswered` when there is none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct AnswerSide {
    pub answer: Option<Answer>,
    pub words: String,
}

/// A question both copies do not hold alike, or changed alike.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct QuestionMerge {
    pub question_id: String,
    /// The question as people read it (its id when a module that asked it is gone).
    #[serde(default)]
    pub question: String,
    pub outcome: Outcome,
    /// The answer both copies last agreed on, in words.
    pub base: String,
    pub mine: AnswerSide,
    pub theirs: AnswerSide,
}

/// A category whose scope decision the copies do not hold alike.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ScopeMerge {
    pub category: Category,
    /// How a choice names this decision, `scope:<category>`, apart from every question id: the
    /// front ends send it back as it is, never build it.
    pub key: String,
    pub outcome: Outcome,
    /// `None`: the proposed scope (no override).
    pub mine: Option<ScopeOverride>,
    pub theirs: Option<ScopeOverride>,
}

impl ScopeMerge {
    /// How a choice names the decision on `category`.
    pub fn key_of(category: Category) -> String {
        format!("scope:{}", category.id())
    }
}

/// Everything a merge would do, worked out before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct MergePlan {
    /// Questions in order of id; those neither copy changed are left out.
    pub questions: Vec<QuestionMerge>,
    pub scope: Vec<ScopeMerge>,
    /// Entries of the file's history this assessment lacks, oldest first: appended on merge.
    pub history_to_add: Vec<HistoryEntry>,
    /// Questions answered in either copy that the question bank no longer knows: left as they are.
    pub unknown_questions: Vec<String>,
    /// False only for a merge forced on copies that share no history.
    pub shared_history: bool,
}

/// The choices a person made about conflicts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct MergeChoices {
    /// Per conflict: a question id, or `scope:<category>`.
    pub chosen: BTreeMap<String, Side>,
    /// For every conflict not chosen one by one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub all: Option<Side>,
    /// Merge even though the copies share no history (every answer then counts as changed).
    #[serde(default)]
    pub unrelated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error(
        "these do not look like copies of one assessment: they share no answer history (merge anyway only if you are sure)"
    )]
    Unrelated,
    #[error(
        "the assessment is on question bank {mine} and the file on {theirs}: upgrade the assessment to this bank first"
    )]
    OtherBank { mine: String, theirs: String },
    #[error(
        "{} conflict{} need{} a choice of mine or theirs, nothing was merged: {}",
        .0.len(), if .0.len() == 1 { "" } else { "s" }, if .0.len() == 1 { "s" } else { "" }, .0.join(", ")
    )]
    Unresolved(Vec<String>),
    #[error("there is no conflict to choose for on {}", .0.join(", "))]
    NotAConflict(Vec<String>),
}

/// One copy of the assessment: its stored answers (never the implied ones) and its history.
#[derive(Debug, Clone, Copy)]
pub struct AssessmentCopy<'a> {
    pub record: &'a AssessmentRecord,
    pub history: &'a [HistoryEntry],
}

impl MergePlan {
    /// The ids of every conflict: question ids, then `scope:<category>`.
    pub fn conflicts(&self) -> Vec<String> {
        let questions = self
            .questions
            .iter()
            .filter(|q| q.outcome == Outcome::Conflict);
        let scope = self.scope.iter().filter(|s| s.outcome == Outcome::Conflict);
        questions
            .map(|q| q.question_id.clone())
            .chain(scope.map(|s| s.key.clone()))
            .collect()
    }
}

/// Works out, per question and per category, what merging `theirs` into `mine` does. Copies
/// that share no history are refused unless `unrelated` is set.
pub fn plan_merge(
    bank: &Bank,
    mine: AssessmentCopy<'_>,
    theirs: AssessmentCopy<'_>,
    unrelated: bool,
) -> Result<MergePlan, MergeError> {
    let (my_bank, their_bank) = (
        &mine.record.assessment.bank_version,
        &theirs.record.assessment.bank_version,
    );
    if my_bank != their_bank || *my_bank != bank.version {
        return Err(MergeError::OtherBank {
            mine: my_bank.clone(),
            theirs: their_bank.clone(),
        });
    }
    let their_index = Index::of(theirs.history);
    let shared: Vec<&HistoryEntry> = mine
        .history
        .iter()
        .filter(|e| their_index.holds(e))
        .collect();
    if shared.is_empty() && !unrelated {
        return Err(MergeError::Unrelated);
    }
    let ids: BTreeSet<&String> = mine
        .record
        .answers
        .keys()
        .chain(theirs.record.answers.keys())
        .chain(mine.history.iter().map(|e| &e.question_id))
        .chain(theirs.history.iter().map(|e| &e.question_id))
        .collect();
    let questions = ids
        .iter()
        .filter_map(|id| question_merge(bank, id, &shared, mine, theirs))
        .collect();
    let my_index = Index::of(mine.history);
    let mut history_to_add: Vec<HistoryEntry> = theirs
        .history
        .iter()
        .filter(|e| !my_index.holds(e))
        .cloned()
        .collect();
    // Stable, so entries written at one instant keep the file's order.
    history_to_add.sort_by_key(|e| e.changed_at);
    let answered = mine
        .record
        .answers
        .keys()
        .chain(theirs.record.answers.keys());
    let unknown_questions: BTreeSet<String> = answered
        .filter(|id| bank.question(id).is_none())
        .cloned()
        .collect();
    let parted = shared.iter().map(|e| e.changed_at).max();
    Ok(MergePlan {
        questions,
        scope: scope_merges(mine.record, theirs.record, parted),
        history_to_add,
        unknown_questions: unknown_questions.into_iter().collect(),
        shared_history: !shared.is_empty(),
    })
}

fn question_merge(
    bank: &Bank,
    question_id: &str,
    shared: &[&HistoryEntry],
    mine: AssessmentCopy<'_>,
    theirs: AssessmentCopy<'_>,
) -> Option<QuestionMerge> {
    // The last entry of this copy's history the other holds too; implied rows are the quick
    // path's, never an answer someone gave.
    let base = shared
        .iter()
        .rfind(|e| e.question_id == question_id && e.implied_by.is_none());
    let base_content = base.map_or_else(Content::default, |e| Content::of_entry(e));
    let my_answer = mine.record.answers.get(question_id);
    let their_answer = theirs.record.answers.get(question_id);
    let (my_content, their_content) = (
        Content::of_answer(my_answer),
        Content::of_answer(their_answer),
    );
    let outcome = match (my_content != base_content, their_content != base_content) {
        (false, false) => return None,
        (true, false) => Outcome::KeepMine,
        (false, true) => Outcome::TakeTheirs,
        (true, true) if my_content == their_content => Outcome::Same,
        (true, true) => Outcome::Conflict,
    };
    let words = |value: Option<&AnswerValue>| match (value, bank.question(question_id)) {
        (None, _) => "unanswered".to_string(),
        (Some(v), Some(question)) => describe_for(question, v),
        (Some(v), None) => describe(v),
    };
    Some(QuestionMerge {
        question_id: question_id.to_string(),
        question: bank
            .question(question_id)
            .map_or_else(|| question_id.to_string(), |q| q.text.clone()),
        outcome,
        base: words(base.and_then(|e| e.value.as_ref())),
        mine: AnswerSide {
            answer: my_answer.cloned(),
            words: words(my_answer.map(|a| &a.value)),
        },
        theirs: AnswerSide {
            answer: their_answer.cloned(),
            words: words(their_answer.map(|a| &a.value)),
        },
    })
}

/// A history looked up by question and time, which nearly always single out one entry.
struct Index<'a>(BTreeMap<(&'a str, DateTime<Utc>), Vec<&'a HistoryEntry>>);

impl<'a> Index<'a> {
    fn of(history: &'a [HistoryEntry]) -> Index<'a> {
        let mut index: BTreeMap<_, Vec<_>> = BTreeMap::new();
        for entry in history {
            index
                .entry((entry.question_id.as_str(), entry.changed_at))
                .or_default()
                .push(entry);
        }
        Index(index)
    }

    fn holds(&self, entry: &HistoryEntry) -> bool {
        self.0
            .get(&(entry.question_id.as_str(), entry.changed_at))
            .is_some_and(|entries| entries.contains(&entry))
    }
}

/// What an answer says, without when: two answers are the same answer when this is equal.
#[derive(Debug, Default, PartialEq)]
struct Content<'a> {
    value: Option<&'a AnswerValue>,
    note: Option<&'a str>,
    owner: Option<&'a str>,
    due: Option<NaiveDate>,
    evidence: &'a [String],
    exception: Option<&'a str>,
    live_exposure: bool,
    repeat_finding: bool,
    not_covered: &'a [crate::assessment::Coverage],
}

impl<'a> Content<'a> {
    fn of_answer(answer: Option<&'a Answer>) -> Content<'a> {
        answer.map_or_else(Content::default, |a| Content {
            value: Some(&a.value),
            note: a.note.as_deref(),
            owner: a.owner.as_deref(),
            due: a.due,
            evidence: &a.evidence,
            exception: a.exception.as_deref(),
            live_exposure: a.live_exposure,
            repeat_finding: a.repeat_finding,
            not_covered: &a.not_covered,
        })
    }

    fn of_entry(entry: &'a HistoryEntry) -> Content<'a> {
        // A cleared answer has no details, whatever the row held.
        if entry.value.is_none() {
            return Content::default();
        }
        Content {
            value: entry.value.as_ref(),
            note: entry.note.as_deref(),
            owner: entry.owner.as_deref(),
            due: entry.due,
            evidence: &entry.evidence,
            exception: entry.exception.as_deref(),
            live_exposure: entry.live_exposure,
            repeat_finding: entry.repeat_finding,
            not_covered: &entry.not_covered,
        }
    }
}
