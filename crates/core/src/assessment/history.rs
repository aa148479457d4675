//! One change of one answer as the audit trail keeps it: the history row and how it is made.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Answer, AnswerValue, Coverage, is_false};

/// One change of one answer, as kept in the audit trail. `value` is `None` when it was cleared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
pub struct HistoryEntry {
    pub question_id: String,
    pub value: Option<AnswerValue>,
    pub note: Option<String>,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub evidence: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub exception: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub live_exposure: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub repeat_finding: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Coverage>>", optional)]
    pub not_covered: Vec<Coverage>,
    /// The foundation behind a change the quick path made: with a value, the answer became
    /// implied by it; without one, it is no longer implied and the question is open again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub implied_by: Option<String>,
    pub changed_at: DateTime<Utc>,
}

impl HistoryEntry {
    /// The row for an answer as saved: its value and every detail.
    pub fn of(answer: &Answer) -> HistoryEntry {
        HistoryEntry {
            question_id: answer.question_id.clone(),
            value: Some(answer.value.clone()),
            note: answer.note.clone(),
            owner: answer.owner.clone(),
            due: answer.due,
            evidence: answer.evidence.clone(),
            exception: answer.exception.clone(),
            live_exposure: answer.live_exposure,
            repeat_finding: answer.repeat_finding,
            not_covered: answer.not_covered.clone(),
            implied_by: None,
            changed_at: answer.updated_at,
        }
    }

    /// The row for a question left without an answer.
    pub fn cleared(question_id: &str, at: DateTime<Utc>) -> HistoryEntry {
        HistoryEntry {
            question_id: question_id.to_string(),
            value: None,
            note: None,
            owner: None,
            due: None,
            evidence: Vec::new(),
            exception: None,
            live_exposure: false,
            repeat_finding: false,
            not_covered: Vec::new(),
            implied_by: None,
            changed_at: at,
        }
    }
}
