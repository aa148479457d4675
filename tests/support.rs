//! Fixtures shared by the integration tests: a fixed clock and assessments built in memory.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeZone, Utc};
use soc2_readiness::assessment::{
    Answer, AnswerValue, Assessment, AssessmentRecord, MaturityLevel,
};
use soc2_readiness::catalog::{Bank, bundled_bank};

pub fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, minute, 0).unwrap()
}

pub fn bank() -> Bank {
    bundled_bank()
}

pub fn empty_record(bank: &Bank) -> AssessmentRecord {
    AssessmentRecord {
        assessment: Assessment {
            id: "a1".into(),
            organisation: "Acme".into(),
            bank_version: bank.version.clone(),
            created_at: at(0),
            updated_at: at(0),
            archived_at: None,
        },
        answers: BTreeMap::new(),
        scope_overrides: Vec::new(),
    }
}

pub fn set(record: &mut AssessmentRecord, question: &str, value: AnswerValue) {
    record.answers.insert(
        question.to_string(),
        Answer {
            question_id: question.to_string(),
            value,
            note: None,
            owner: None,
            due: None,
            evidence: Vec::new(),
            updated_at: at(1),
        },
    );
}

/// Scoping answers that bring every category into scope.
pub fn everything_in_scope(record: &mut AssessmentRecord) {
    set(record, "scope.sla", AnswerValue::YesNo(true));
    set(
        record,
        "scope.transaction-processing",
        AnswerValue::YesNo(true),
    );
    set(
        record,
        "scope.data-kinds",
        AnswerValue::Choices(vec!["customer-confidential".into(), "personal".into()]),
    );
}

pub fn answer_all_controls(bank: &Bank, record: &mut AssessmentRecord, level: MaturityLevel) {
    for q in bank.control_questions() {
        set(record, &q.id, AnswerValue::Level(level));
    }
}
