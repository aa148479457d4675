//! An assessment and its answers: maturity levels, scoping values, and the checks every answer passes.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

mod coverage;
mod history;
mod input;
mod upgrades;

pub use coverage::Coverage;
pub use history::HistoryEntry;
pub use upgrades::{BankUpgrade, UpgradeNote};

pub use input::{
    AnswerError, EXCEPTION_FROM, MAX_EVIDENCE_ITEMS, MAX_TEXT_CHARS, check_details,
    check_exclusive, check_value, describe, describe_for, parse_answer_for, parse_value,
};

use crate::catalog::{Bank, Category, Question, REPORT_TYPE_QUESTION, ScopingInput, choice};

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
    pub const ALL: [ReportType; 2] = [ReportType::Type1, ReportType::Type2];

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
/// scoping questions take the value their input asks for. Any question can be answered "don't
/// know" (`Unknown`): a control then counts as not in place and is listed to verify, a scoping
/// question as not decided yet; neither counts as answered.
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
    /// "Don't know" or "not decided yet": `{"unknown": null}` in files.
    Unknown(()),
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
    /// The exception leaves something exposed today (a leaver's key still active, customer
    /// data in a tool with no agreement): it ranks as "Fix now". Only with an exception.
    #[serde(default, skip_serializing_if = "is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub live_exposure: bool,
    /// The exception repeats one the last report noted: it ranks as "Fix now" too.
    #[serde(default, skip_serializing_if = "is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub repeat_finding: bool,
    /// What the exception leaves uncovered (people, systems, data, a period); only with one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Coverage>>", optional)]
    pub not_covered: Vec<Coverage>,
    pub updated_at: DateTime<Utc>,
}

/// Serde's test for leaving a false flag out of a file, so files without it stay as they were.
pub fn is_false(flag: &bool) -> bool {
    !*flag
}

impl Answer {
    /// An answer with a value and nothing around it: no note, owner, date, evidence or exception.
    pub fn bare(question_id: &str, value: AnswerValue, at: DateTime<Utc>) -> Answer {
        Answer {
            question_id: question_id.to_string(),
            value,
            note: None,
            owner: None,
            due: None,
            evidence: Vec::new(),
            exception: None,
            live_exposure: false,
            repeat_finding: false,
            not_covered: Vec::new(),
            updated_at: at,
        }
    }

    /// Drops the known exception with everything that qualifies it (live, repeat, not covered).
    pub fn drop_exception(&mut self) {
        self.exception = None;
        self.live_exposure = false;
        self.repeat_finding = false;
        self.not_covered.clear();
    }

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
    /// The assessment a re-assessment is measured against: the one it was copied from, while
    /// that one still exists in the same data file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub baseline: Option<String>,
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
    pub const ALL: [Depth; 2] = [Depth::Quick, Depth::Full];

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
    /// The bank upgrades its answers went through, oldest first, with what changed for it.
    #[serde(default)]
    pub upgrades: Vec<BankUpgrade>,
    /// The question modules this assessment uses, one version each, in id order.
    #[serde(default)]
    pub modules: Vec<crate::catalog::ModuleRef>,
}

impl AssessmentRecord {
    /// The value a rule or the plan reads: "don't know" reads as not known yet, like no answer.
    pub fn value(&self, question_id: &str) -> Option<&AnswerValue> {
        self.answers
            .get(question_id)
            .map(|a| &a.value)
            .filter(|v| !matches!(v, AnswerValue::Unknown(())))
    }

    pub fn is_unknown(&self, question_id: &str) -> bool {
        matches!(
            self.answers.get(question_id).map(|a| &a.value),
            Some(AnswerValue::Unknown(()))
        )
    }

    /// Type II unless the scope step says Type I: the stricter target is the honest default.
    pub fn report_type(&self) -> ReportType {
        match self.value(REPORT_TYPE_QUESTION) {
            Some(AnswerValue::Choice(c)) if c == choice::TYPE1 => ReportType::Type1,
            _ => ReportType::Type2,
        }
    }
}
