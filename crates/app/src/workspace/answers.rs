//! Answering: saving and clearing answers with their details, scope decisions, and what the quick path implies.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::Workspace;
use crate::assessment::{
    Answer, AnswerError, AnswerValue, AssessmentRecord, Depth, ScopeOverride, check_details,
    check_exclusive, check_value,
};
use crate::catalog::Category;
use crate::depth::implied_history;
use crate::{Error, Result};

/// What to change besides the value. `None` keeps what is stored; `Some(empty)` clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct AnswerDetails {
    pub note: Option<String>,
    pub owner: Option<String>,
    pub due: Option<Option<NaiveDate>>,
    pub evidence: Option<Vec<String>>,
    /// A known exception: `Some(empty)` clears it; a level below informal clears it too.
    #[ts(optional)]
    pub exception: Option<String>,
    /// Whether the exception leaves something exposed today; `None` keeps what is stored.
    /// Without an exception it is always false.
    #[serde(default)]
    #[ts(optional)]
    pub live_exposure: Option<bool>,
    /// Whether the exception repeats one the last report noted; `None` keeps what is stored.
    #[serde(default)]
    #[ts(optional)]
    pub repeat_finding: Option<bool>,
    /// What the exception leaves uncovered; `None` keeps what is stored.
    #[serde(default)]
    #[ts(optional)]
    pub not_covered: Option<Vec<crate::assessment::Coverage>>,
}

/// A decision about one category's place in the report: in or out (each with a reason), or
/// back to what the scoping answers propose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ScopeDecision {
    In,
    Out,
    Proposed,
}

impl ScopeDecision {
    pub fn parse(text: &str) -> Option<ScopeDecision> {
        match text {
            "in" => Some(ScopeDecision::In),
            "out" => Some(ScopeDecision::Out),
            "proposed" => Some(ScopeDecision::Proposed),
            _ => None,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            ScopeDecision::In => "in",
            ScopeDecision::Out => "out",
            ScopeDecision::Proposed => "proposed",
        }
    }
}

impl Workspace {
    /// Checks and saves one answer; when this returns the answer is durable on disk.
    pub fn save_answer(
        &mut self,
        assessment_id: &str,
        question_id: &str,
        value: AnswerValue,
        details: AnswerDetails,
        now: DateTime<Utc>,
    ) -> Result<Answer> {
        // The assessment's own bank: the bundled questions and those of its modules (only the
        // modules are read, so a save stays one small query; an unknown assessment has none and
        // is refused by the save).
        let bank = self.bank_with(&self.store.assessment_modules(assessment_id)?)?;
        let question = bank
            .question(question_id)
            .ok_or_else(|| AnswerError::UnknownQuestion(question_id.to_string()))?;
        check_value(question, &value)?;
        check_exclusive(question, &value)?;
        // Only this question's answer is needed; an unknown assessment is refused by the save.
        let previous = self.store.load_answer(assessment_id, question_id)?;
        let keep = |new: Option<String>, old: Option<String>| match new {
            Some(text) if text.trim().is_empty() => None,
            Some(text) => Some(text.trim().to_string()),
            None => old,
        };
        let exception = exception_after(
            &value,
            details.exception,
            previous.as_ref().and_then(|p| p.exception.clone()),
        );
        let live_exposure = exception.is_some()
            && details
                .live_exposure
                .unwrap_or_else(|| previous.as_ref().is_some_and(|p| p.live_exposure));
        let repeat_finding = exception.is_some()
            && details
                .repeat_finding
                .unwrap_or_else(|| previous.as_ref().is_some_and(|p| p.repeat_finding));
        let mut not_covered = if exception.is_some() {
            details.not_covered.unwrap_or_else(|| {
                previous
                    .as_ref()
                    .map(|p| p.not_covered.clone())
                    .unwrap_or_default()
            })
        } else {
            Vec::new()
        };
        not_covered.sort();
        not_covered.dedup();
        let answer = Answer {
            question_id: question_id.to_string(),
            value,
            note: keep(details.note, previous.as_ref().and_then(|p| p.note.clone())),
            owner: keep(
                details.owner,
                previous.as_ref().and_then(|p| p.owner.clone()),
            ),
            due: details
                .due
                .unwrap_or_else(|| previous.as_ref().and_then(|p| p.due)),
            evidence: details
                .evidence
                .map(|items| {
                    items
                        .into_iter()
                        .map(|e| e.trim().to_string())
                        .filter(|e| !e.is_empty())
                        .collect()
                })
                .unwrap_or_else(|| {
                    previous
                        .as_ref()
                        .map(|p| p.evidence.clone())
                        .unwrap_or_default()
                }),
            exception,
            live_exposure,
            repeat_finding,
            not_covered,
            updated_at: now,
        };
        check_details(question, &answer)?;
        let also = self.implied_changes(
            assessment_id,
            question_id,
            |record| {
                record
                    .answers
                    .insert(question_id.to_string(), answer.clone());
            },
            now,
        )?;
        self.store.save_answer(assessment_id, &answer, &also)?;
        Ok(answer)
    }

    pub fn clear_answer(
        &mut self,
        assessment_id: &str,
        question_id: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let bank = self.bank_with(&self.store.assessment_modules(assessment_id)?)?;
        if bank.question(question_id).is_none() {
            return Err(AnswerError::UnknownQuestion(question_id.to_string()).into());
        }
        let also = self.implied_changes(
            assessment_id,
            question_id,
            |record| {
                record.answers.remove(question_id);
            },
            now,
        )?;
        Ok(self
            .store
            .clear_answer(assessment_id, question_id, now, &also)?)
    }

    /// Overrides the proposed scope of a category (`Some`) or returns to the proposal (`None`).
    pub fn set_scope(
        &mut self,
        assessment_id: &str,
        category: Category,
        decision: ScopeDecision,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        if category == Category::Security {
            return Err(Error::Refused {
                field: "category".into(),
                reason: "Security is always in scope in a SOC 2 report; it cannot be overridden"
                    .into(),
            });
        }
        let in_scope = match decision {
            ScopeDecision::Proposed => {
                return Ok(self
                    .store
                    .clear_scope_override(assessment_id, category, now)?);
            }
            ScopeDecision::In => true,
            ScopeDecision::Out => false,
        };
        if reason.trim().is_empty() {
            return Err(Error::Refused {
                field: "reason".into(),
                reason: "needs a reason to override the proposed scope: say why the category is in or out"
                    .into(),
            });
        }
        let decision = ScopeOverride {
            category,
            in_scope,
            reason: reason.trim().to_string(),
            updated_at: now,
        };
        Ok(self.store.set_scope_override(assessment_id, &decision)?)
    }

    /// History rows for the implied answers a change to one question turns on or off. Only a
    /// foundation or a scoping answer can do that, and only on the quick path.
    fn implied_changes(
        &self,
        assessment_id: &str,
        question_id: &str,
        change: impl FnOnce(&mut AssessmentRecord),
        now: DateTime<Utc>,
    ) -> Result<Vec<soc2_readiness_store::HistoryEntry>> {
        let matters = self.bank.foundation(question_id).is_some()
            || self.bank.foundation_of(question_id).is_some()
            || self
                .bank
                .question(question_id)
                .is_some_and(|q| !q.is_control());
        if !matters {
            return Ok(Vec::new());
        }
        let before = self.store.load_record(assessment_id)?;
        if before.assessment.depth != Depth::Quick {
            return Ok(Vec::new());
        }
        let mut after = before.clone();
        change(&mut after);
        Ok(implied_history(
            &*self.bank_for(&before)?,
            &before,
            &after,
            now,
        ))
    }
}

/// The exception an answer keeps: a new one when given (empty clears it), else the previous
/// one while the control is still in place. Moving to a level below informal or to
/// not-applicable drops it (the history keeps it), since "not in place" already says more.
fn exception_after(
    value: &AnswerValue,
    given: Option<String>,
    previous: Option<String>,
) -> Option<String> {
    let in_place = matches!(value, AnswerValue::Level(level) if level.value() >= 2);
    match given {
        Some(text) if text.trim().is_empty() => None,
        // Kept as given, so an exception on a control not in place is refused by name.
        Some(text) => Some(text.trim().to_string()),
        None if in_place => previous,
        None => None,
    }
}
