//! An assessment and its answers: maturity levels, scoping values, and the checks every answer passes.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::catalog::{Bank, Category, Question, REPORT_TYPE_QUESTION, ScopingInput};

/// How far a control has come. The numbers are the scores: 0 to 4.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    ts_rs::TS,
    schemars::JsonSchema,
)]
#[serde(try_from = "u8", into = "u8")]
#[ts(type = "number")]
#[schemars(
    with = "u8",
    description = "0 not in place, 1 planned, 2 informal, 3 documented, 4 operating"
)]
pub enum MaturityLevel {
    NotInPlace = 0,
    Planned = 1,
    Informal = 2,
    Documented = 3,
    Operating = 4,
}

impl MaturityLevel {
    pub const ALL: [MaturityLevel; 5] = [
        MaturityLevel::NotInPlace,
        MaturityLevel::Planned,
        MaturityLevel::Informal,
        MaturityLevel::Documented,
        MaturityLevel::Operating,
    ];

    pub fn value(self) -> u8 {
        self as u8
    }

    /// The machine name used on the command line and in files.
    pub fn id(self) -> &'static str {
        match self {
            MaturityLevel::NotInPlace => "not-in-place",
            MaturityLevel::Planned => "planned",
            MaturityLevel::Informal => "informal",
            MaturityLevel::Documented => "documented",
            MaturityLevel::Operating => "operating",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            MaturityLevel::NotInPlace => "Not in place",
            MaturityLevel::Planned => "Planned or in progress",
            MaturityLevel::Informal => "In place, informal",
            MaturityLevel::Documented => "In place and documented",
            MaturityLevel::Operating => "Operating, with evidence retained",
        }
    }
}

impl TryFrom<u8> for MaturityLevel {
    type Error = String;

    fn try_from(value: u8) -> Result<Self, Self::Error> {
        MaturityLevel::ALL
            .get(usize::from(value))
            .copied()
            .ok_or_else(|| format!("maturity level {value} is outside 0 to 4"))
    }
}

impl From<MaturityLevel> for u8 {
    fn from(level: MaturityLevel) -> u8 {
        level.value()
    }
}

/// The SOC 2 report the company is aiming for; it sets the target level of every control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ReportType {
    Type1,
    Type2,
}

impl ReportType {
    pub fn parse(text: &str) -> Option<ReportType> {
        match text
            .trim()
            .to_ascii_lowercase()
            .replace([' ', '-', '_'], "")
            .as_str()
        {
            "type1" | "typei" | "1" => Some(ReportType::Type1),
            "type2" | "typeii" | "2" => Some(ReportType::Type2),
            _ => None,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            ReportType::Type1 => "type1",
            ReportType::Type2 => "type2",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ReportType::Type1 => "Type I",
            ReportType::Type2 => "Type II",
        }
    }

    /// Type I looks at design on one date (documented); Type II at operation over a period.
    pub fn target_level(self) -> MaturityLevel {
        match self {
            ReportType::Type1 => MaturityLevel::Documented,
            ReportType::Type2 => MaturityLevel::Operating,
        }
    }
}

/// The value of one answer. Control questions take a level or not-applicable with a reason;
/// scoping questions take the value their input asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnswerValue {
    Level(MaturityLevel),
    NotApplicable(String),
    YesNo(bool),
    Choice(String),
    Choices(Vec<String>),
    Text(String),
    Date(NaiveDate),
}

/// One answer with what the user recorded around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
pub struct Answer {
    pub question_id: String,
    pub value: AnswerValue,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub evidence: Vec<String>,
    /// A known exception: who or what the control does not yet cover (people, systems, a
    /// period). A control with one is never counted as operating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub exception: Option<String>,
    pub updated_at: DateTime<Utc>,
}

impl Answer {
    /// The answer's maturity level, when it is a level.
    pub fn level(&self) -> Option<MaturityLevel> {
        match self.value {
            AnswerValue::Level(level) => Some(level),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
pub struct Assessment {
    pub id: String,
    pub organisation: String,
    pub bank_version: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub archived_at: Option<DateTime<Utc>>,
    /// How deep the questionnaire goes; files from before the quick path are full depth.
    #[serde(default)]
    pub depth: Depth,
    /// What this assessment is, beside the organisation: a re-assessment says so and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub label: Option<String>,
}

/// The quick path asks foundations first and lets a missing one stand for its dependents; the
/// full depth asks every question (workshops, and any assessment deepened later).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    ts_rs::TS,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Depth {
    Quick,
    #[default]
    Full,
}

impl Depth {
    pub fn parse(text: &str) -> Option<Depth> {
        match text.trim().to_ascii_lowercase().as_str() {
            "quick" => Some(Depth::Quick),
            "full" => Some(Depth::Full),
            _ => None,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Depth::Quick => "quick",
            Depth::Full => "full",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Depth::Quick => "Quick path",
            Depth::Full => "Full depth",
        }
    }
}

/// The user's decision to include or exclude a category against the proposal, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
pub struct ScopeOverride {
    pub category: Category,
    pub in_scope: bool,
    pub reason: String,
    pub updated_at: DateTime<Utc>,
}

/// An assessment with everything answered so far: the input of scoring, gaps and reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct AssessmentRecord {
    pub assessment: Assessment,
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub scope_overrides: Vec<ScopeOverride>,
    /// Answers in `answers` that were not given but implied by a missing foundation on the
    /// quick path: question id to the foundation's question id. Never stored.
    #[serde(default)]
    pub implied: BTreeMap<String, String>,
    /// The bank upgrades its answers went through, oldest first, with what changed for it.
    #[serde(default)]
    pub upgrades: Vec<crate::upgrade::BankUpgrade>,
}

impl AssessmentRecord {
    pub fn value(&self, question_id: &str) -> Option<&AnswerValue> {
        self.answers.get(question_id).map(|a| &a.value)
    }

    /// Type II unless the scope step says Type I: the stricter target is the honest default.
    pub fn report_type(&self) -> ReportType {
        match self.value(REPORT_TYPE_QUESTION) {
            Some(AnswerValue::Choice(c)) if c == "type1" => ReportType::Type1,
            _ => ReportType::Type2,
        }
    }
}

/// Why an answer was refused. Messages name the question and say what would be accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("unknown question '{0}' (run `soc2-readiness bank` to list the questions)")]
    UnknownQuestion(String),
    #[error(
        "question '{question}' takes a maturity level: 0-4, not-in-place, planned, informal, documented, operating, or na:<justification>; got '{got}'"
    )]
    BadLevel { question: String, got: String },
    #[error("question '{0}': not applicable needs a justification, as na:<why it does not apply>")]
    MissingJustification(String),
    #[error("question '{question}' takes {expected}; got '{got}'")]
    BadScopingValue {
        question: String,
        expected: String,
        got: String,
    },
    #[error("question '{question}': {field} is longer than {limit} characters")]
    TooLong {
        question: String,
        field: &'static str,
        limit: usize,
    },
    #[error("question '{question}': {field} must not be empty")]
    Empty {
        question: String,
        field: &'static str,
    },
    #[error(
        "question '{0}': a known exception belongs to a control that is in place (informal, documented or operating); for a control not yet in place, the level already says so"
    )]
    ExceptionWithoutControl(String),
    #[error("question '{question}': '{choice}' cannot be chosen together with other choices")]
    ExclusiveChoice { question: String, choice: String },
}

/// Limits that keep one answer readable on a page and keep imports bounded.
pub const MAX_TEXT_CHARS: usize = 10_000;
pub const MAX_EVIDENCE_ITEMS: usize = 100;

/// Parses the command-line or UI form of a value for `question`.
pub fn parse_value(question: &Question, raw: &str) -> Result<AnswerValue, AnswerError> {
    let trimmed = raw.trim();
    let value = match question.input.as_ref() {
        None => parse_control_value(question, trimmed)?,
        Some(input) => parse_scoping_value(question, input, trimmed)?,
    };
    check_value(question, &value)?;
    Ok(value)
}

fn parse_control_value(question: &Question, raw: &str) -> Result<AnswerValue, AnswerError> {
    let lowered = raw.to_ascii_lowercase();
    if let Some(justification) = lowered
        .strip_prefix("na:")
        .map(|_| raw[3..].trim().to_string())
    {
        return Ok(AnswerValue::NotApplicable(justification));
    }
    if lowered == "na" || lowered == "n/a" || lowered == "not-applicable" {
        return Err(AnswerError::MissingJustification(question.id.clone()));
    }
    MaturityLevel::ALL
        .into_iter()
        .find(|level| lowered == level.value().to_string() || lowered == level.id())
        .map(AnswerValue::Level)
        .ok_or_else(|| AnswerError::BadLevel {
            question: question.id.clone(),
            got: raw.to_string(),
        })
}

fn parse_scoping_value(
    question: &Question,
    input: &ScopingInput,
    raw: &str,
) -> Result<AnswerValue, AnswerError> {
    let bad = |expected: String| AnswerError::BadScopingValue {
        question: question.id.clone(),
        expected,
        got: raw.to_string(),
    };
    match input {
        ScopingInput::YesNo => match raw.to_ascii_lowercase().as_str() {
            "yes" | "y" | "true" => Ok(AnswerValue::YesNo(true)),
            "no" | "n" | "false" => Ok(AnswerValue::YesNo(false)),
            _ => Err(bad("yes or no".into())),
        },
        ScopingInput::Choice => Ok(AnswerValue::Choice(raw.to_string())),
        ScopingInput::MultiChoice => Ok(AnswerValue::Choices(
            raw.split(',')
                .map(|part| part.trim().to_string())
                .filter(|part| !part.is_empty())
                .collect(),
        )),
        ScopingInput::Text => Ok(AnswerValue::Text(raw.to_string())),
        ScopingInput::Date => NaiveDate::parse_from_str(raw, "%Y-%m-%d")
            .map(AnswerValue::Date)
            .map_err(|_| bad("a date as YYYY-MM-DD".into())),
    }
}

/// Checks a value already in typed form (from the UI or an import) against its question.
pub fn check_value(question: &Question, value: &AnswerValue) -> Result<(), AnswerError> {
    let mismatch = |expected: String| AnswerError::BadScopingValue {
        question: question.id.clone(),
        expected,
        got: describe(value),
    };
    match (question.input.as_ref(), value) {
        (None, AnswerValue::Level(_)) => Ok(()),
        (None, AnswerValue::NotApplicable(why)) => {
            if why.trim().is_empty() {
                Err(AnswerError::MissingJustification(question.id.clone()))
            } else {
                check_length(question, "the justification", why)
            }
        }
        (None, other) => Err(AnswerError::BadLevel {
            question: question.id.clone(),
            got: describe(other),
        }),
        (Some(ScopingInput::YesNo), AnswerValue::YesNo(_)) => Ok(()),
        (Some(ScopingInput::Choice), AnswerValue::Choice(c)) => {
            if question.choices.iter().any(|choice| &choice.id == c) {
                Ok(())
            } else {
                Err(mismatch(format!("one of: {}", choice_ids(question))))
            }
        }
        (Some(ScopingInput::MultiChoice), AnswerValue::Choices(chosen)) => {
            let unknown = chosen
                .iter()
                .any(|c| !question.choices.iter().any(|choice| &choice.id == c));
            if unknown {
                Err(mismatch(format!(
                    "comma-separated choices from: {}",
                    choice_ids(question)
                )))
            } else {
                Ok(())
            }
        }
        (Some(ScopingInput::Text), AnswerValue::Text(text)) => {
            if text.trim().is_empty() {
                Err(AnswerError::Empty {
                    question: question.id.clone(),
                    field: "the answer",
                })
            } else {
                check_length(question, "the answer", text)
            }
        }
        (Some(ScopingInput::Date), AnswerValue::Date(_)) => Ok(()),
        (Some(input), _) => Err(mismatch(expected_for(input, question))),
    }
}

/// Refuses a choice marked exclusive ("None of these") picked together with others. Checked
/// when an answer is given, not on import, so files written before the rule still load.
pub fn check_exclusive(question: &Question, value: &AnswerValue) -> Result<(), AnswerError> {
    if let AnswerValue::Choices(chosen) = value
        && chosen.len() > 1
        && let Some(choice) = question
            .choices
            .iter()
            .find(|c| c.exclusive && chosen.contains(&c.id))
    {
        return Err(AnswerError::ExclusiveChoice {
            question: question.id.clone(),
            choice: choice.label.clone(),
        });
    }
    Ok(())
}

/// Checks the note, owner, evidence and exception that travel with an answer.
pub fn check_details(question: &Question, answer: &Answer) -> Result<(), AnswerError> {
    if let Some(exception) = &answer.exception {
        let in_place = answer
            .level()
            .is_some_and(|level| level >= MaturityLevel::Informal);
        if !question.is_control() || !in_place {
            return Err(AnswerError::ExceptionWithoutControl(question.id.clone()));
        }
        if exception.trim().is_empty() {
            return Err(AnswerError::Empty {
                question: question.id.clone(),
                field: "the exception",
            });
        }
        check_length(question, "the exception", exception)?;
    }
    for (field, text) in [("the note", &answer.note), ("the owner", &answer.owner)] {
        if let Some(text) = text {
            check_length(question, field, text)?;
        }
    }
    if answer.evidence.len() > MAX_EVIDENCE_ITEMS {
        return Err(AnswerError::TooLong {
            question: question.id.clone(),
            field: "the evidence list",
            limit: MAX_EVIDENCE_ITEMS,
        });
    }
    for item in &answer.evidence {
        check_length(question, "an evidence reference", item)?;
    }
    Ok(())
}

fn check_length(question: &Question, field: &'static str, text: &str) -> Result<(), AnswerError> {
    if text.chars().count() > MAX_TEXT_CHARS {
        Err(AnswerError::TooLong {
            question: question.id.clone(),
            field,
            limit: MAX_TEXT_CHARS,
        })
    } else {
        Ok(())
    }
}

fn choice_ids(question: &Question) -> String {
    question
        .choices
        .iter()
        .map(|c| c.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn expected_for(input: &ScopingInput, question: &Question) -> String {
    match input {
        ScopingInput::YesNo => "yes or no".into(),
        ScopingInput::Choice => format!("one of: {}", choice_ids(question)),
        ScopingInput::MultiChoice => "a list of choices".into(),
        ScopingInput::Text => "text".into(),
        ScopingInput::Date => "a date as YYYY-MM-DD".into(),
    }
}

/// A short human form of a value, for messages and the `show` command.
pub fn describe(value: &AnswerValue) -> String {
    match value {
        AnswerValue::Level(level) => format!("{} ({})", level.value(), level.label()),
        AnswerValue::NotApplicable(why) => format!("not applicable: {why}"),
        AnswerValue::YesNo(true) => "yes".into(),
        AnswerValue::YesNo(false) => "no".into(),
        AnswerValue::Choice(c) => c.clone(),
        AnswerValue::Choices(cs) if cs.is_empty() => "(none)".into(),
        AnswerValue::Choices(cs) => cs.join(", "),
        AnswerValue::Text(t) => t.clone(),
        AnswerValue::Date(d) => d.to_string(),
    }
}

/// Like [`describe`], but with the labels of the question's choices instead of their ids.
pub fn describe_for(question: &Question, value: &AnswerValue) -> String {
    let label = |id: &String| {
        question
            .choices
            .iter()
            .find(|c| &c.id == id)
            .map_or_else(|| id.clone(), |c| c.label.clone())
    };
    match value {
        AnswerValue::Choice(id) => label(id),
        AnswerValue::Choices(ids) if !ids.is_empty() => {
            ids.iter().map(label).collect::<Vec<_>>().join("; ")
        }
        other => describe(other),
    }
}

/// Looks a question up and parses a raw value for it in one go.
pub fn parse_answer_for(
    bank: &Bank,
    question_id: &str,
    raw: &str,
) -> Result<AnswerValue, AnswerError> {
    let question = bank
        .question(question_id)
        .ok_or_else(|| AnswerError::UnknownQuestion(question_id.to_string()))?;
    parse_value(question, raw)
}

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
            implied_by: None,
            changed_at: at,
        }
    }
}
