//! The evaluation context: a stored record judged on one day, with what is derived from it (the quick path's implied answers, what the programme's records show) held beside it and never stored on it.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Deref;

use chrono::NaiveDate;

use crate::assessment::AssessmentRecord;
use crate::catalog::Bank;
use crate::depth::implied_answers;
use crate::findings::RecordFinding;

/// What scoring, the gap register, the plan, a what-if, a comparison and the report all read:
/// built once per question asked of an assessment, so every conclusion in one answer comes from
/// the same answers, the same records and the same day.
///
/// It reads as the record it judges (`Deref`), whose `answers` hold the implied answers too:
/// every rule reads an implied "not in place" like a given one.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// The stored record, with the quick path's implied answers added to its `answers`.
    pub record: AssessmentRecord,
    /// The user's own day it is judged on: what is due, overdue and how long is left.
    pub today: NaiveDate,
    /// Answers in `record.answers` that were not given but implied by a missing foundation on
    /// the quick path: question id to the foundation's question id.
    pub implied: BTreeMap<String, String>,
    /// What the programme's records (check log, registers) say against the answers on `today`.
    pub findings: Vec<RecordFinding>,
    /// Control questions whose recurring control is overdue inside the observation window: the
    /// plan treats their gaps as urgent.
    pub overdue: BTreeSet<String>,
}

impl Evaluation {
    /// The record as judged on `today` with nothing from the programme's records. On the quick
    /// path every applicable dependent of a missing foundation without an answer of its own is
    /// implied "not in place" (`depth`); an answer the user gave always wins.
    pub fn new(bank: &Bank, stored: AssessmentRecord, today: NaiveDate) -> Self {
        let mut record = stored;
        let mut implied = BTreeMap::new();
        for (foundation, answer) in implied_answers(bank, &record) {
            implied.insert(answer.question_id.clone(), foundation.to_string());
            record.answers.insert(answer.question_id.clone(), answer);
        }
        Evaluation {
            record,
            today,
            implied,
            findings: Vec::new(),
            overdue: BTreeSet::new(),
        }
    }

    /// With what the programme's records show on the day (`calendar::check_log_findings`,
    /// `registers::register_findings`).
    pub fn with_records(mut self, findings: Vec<RecordFinding>, overdue: BTreeSet<String>) -> Self {
        self.findings = findings;
        self.overdue = overdue;
        self
    }

    /// The answers the user gave, as stored: the implied ones taken out again.
    pub fn given(&self) -> AssessmentRecord {
        let mut given = self.record.clone();
        given.answers.retain(|id, _| !self.implied.contains_key(id));
        given
    }
}

impl Deref for Evaluation {
    type Target = AssessmentRecord;

    fn deref(&self) -> &AssessmentRecord {
        &self.record
    }
}
