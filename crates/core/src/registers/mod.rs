//! The programme's registers (vendors, policies, incidents, risks, people, changes): entries, their fields, checks and what needs attention.
//!
//! A register entry is a plain record (`Vendor`, `Policy`, ...) inside an [`Entry`] that carries
//! its id and dates. Every register describes its fields once ([`FieldSpec`]); setting a field
//! from text, the required-field and length checks, search, filter and sort are written once over
//! that description, and each register adds only its date rules and what a consultant would flag.

mod acknowledgement;
pub mod change;
mod fields;
pub mod findings;
pub mod incident;
mod limits;
pub mod person;
pub mod policy;
pub mod query;
pub mod risk;
pub mod rows;
pub mod vendor;

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

pub use acknowledgement::{acknowledged_versions, in_force};
pub use change::{Change, ChangeKind};
pub use fields::{
    FieldKind, FieldSpec, checked_record, display, field_problems, from_fields, set_fields,
};
pub use findings::register_findings;
pub use incident::Incident;
pub use limits::{Judging, Limits};
pub use person::{Person, PersonKind, Training};
pub use policy::{Policy, PolicyVersion, approve};
pub use query::{Listed, Query, select};
pub use risk::Risk;
pub use rows::{ChangeRow, FieldInfo, RegisterRow, field_infos};
pub use vendor::Vendor;

/// The six registers a programme keeps.
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
    schemars::JsonSchema,
    ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Register {
    Vendors,
    Policies,
    Incidents,
    Risks,
    People,
    Changes,
}

impl Register {
    pub const ALL: [Register; 6] = [
        Register::Vendors,
        Register::Policies,
        Register::Incidents,
        Register::Risks,
        Register::People,
        Register::Changes,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Register::Vendors => "vendors",
            Register::Policies => "policies",
            Register::Incidents => "incidents",
            Register::Risks => "risks",
            Register::People => "people",
            Register::Changes => "changes",
        }
    }

    pub fn parse(text: &str) -> Option<Register> {
        Register::ALL.into_iter().find(|r| r.id() == text)
    }

    /// One entry of the register, in a sentence ("vendor", "policy", ...).
    pub fn singular(self) -> &'static str {
        match self {
            Register::Vendors => "vendor",
            Register::Policies => "policy",
            Register::Incidents => "incident",
            Register::Risks => "risk",
            Register::People => "person",
            Register::Changes => "change",
        }
    }
}

/// One entry of a register: the record and the dates the app keeps for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry<T> {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Set while the entry is archived: kept, out of the working list and of the findings.
    #[serde(default)]
    pub archived_at: Option<DateTime<Utc>>,
    pub record: T,
}

/// What happened to an entry, as kept in its history.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Added,
    Edited,
    /// A policy version approved (the entry's version list grew).
    Approved,
    Archived,
    Restored,
    Deleted,
}

impl Action {
    pub fn id(self) -> &'static str {
        match self {
            Action::Added => "added",
            Action::Edited => "edited",
            Action::Approved => "approved",
            Action::Archived => "archived",
            Action::Restored => "restored",
            Action::Deleted => "deleted",
        }
    }

    pub fn parse(text: &str) -> Option<Action> {
        [
            Action::Added,
            Action::Edited,
            Action::Approved,
            Action::Archived,
            Action::Restored,
            Action::Deleted,
        ]
        .into_iter()
        .find(|a| a.id() == text)
    }
}

/// One row of a register's history: the whole entry as it stood after the change, so the trail
/// reads without the entry (a deleted entry keeps its history).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterChange {
    pub register: Register,
    pub record_id: String,
    pub action: Action,
    pub changed_at: DateTime<Utc>,
    pub snapshot: serde_json::Value,
}

/// Something about an entry a consultant would raise, with the day it became due when there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, ts_rs::TS)]
pub struct Attention {
    /// Stable code (`review_overdue`, `no_report`, ...), for filters and the findings.
    pub code: String,
    /// A sentence for the reader, in our words.
    pub detail: String,
    /// The day it fell due or started, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub since: Option<NaiveDate>,
}

impl Attention {
    pub(crate) fn new(code: &str, detail: String, since: Option<NaiveDate>) -> Attention {
        Attention {
            code: code.to_string(),
            detail,
            since,
        }
    }
}

/// A record refused, naming the field a person has to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, ts_rs::TS)]
#[error("{field}: {message}")]
pub struct RecordError {
    pub field: String,
    pub message: String,
}

impl RecordError {
    pub fn new(field: &str, message: impl Into<String>) -> RecordError {
        RecordError {
            field: field.to_string(),
            message: message.into(),
        }
    }
}

/// What each register's record offers to the code written once over all six.
pub trait RegisterRecord: Serialize + DeserializeOwned + Clone + PartialEq {
    const REGISTER: Register;
    const FIELDS: &'static [FieldSpec];
    /// What the entry is called in a sentence (a vendor's name, a policy's title).
    fn label(&self) -> &str;
    /// The date rules beyond each field's own shape (ordering, nothing in the future that
    /// cannot be).
    fn check_dates(&self, today: NaiveDate) -> Result<(), RecordError>;
    /// What needs attention as judged in `at` (the day, the company's limits, the other
    /// registers), most pressing first.
    fn attention(&self, at: &Judging) -> Vec<Attention>;
    /// The references into the question bank (a risk's linked controls) name its questions.
    fn check_links(&self, _bank: &crate::catalog::Bank) -> Result<(), RecordError> {
        Ok(())
    }
    /// What a row read from another tool's file must share with an entry to be that entry
    /// again: its name as a person means it ("Acme Ltd" and " acme  LTD" are one), so
    /// importing the same export twice updates instead of adding. A key, not a comparison, so
    /// an import of thousands of rows finds its matches by lookup.
    fn match_key(&self) -> String {
        name_key(self.label())
    }
}

/// A name as a key: lower case, single spaces.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks a whole record: required fields, lengths and the register's date rules.
pub fn check<T: RegisterRecord>(record: &T, today: NaiveDate) -> Result<(), RecordError> {
    fields::check_shape(record)?;
    record.check_dates(today)
}

/// [`check`], and the record's references into the bank.
pub fn check_against<T: RegisterRecord>(
    record: &T,
    bank: &crate::catalog::Bank,
    today: NaiveDate,
) -> Result<(), RecordError> {
    check(record, today)?;
    record.check_links(bank)
}

/// Refuses a date after today, for things that cannot have happened yet.
pub(crate) fn not_future(
    field: &str,
    date: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(), RecordError> {
    match date {
        Some(d) if d > today => Err(RecordError::new(
            field,
            format!("{d} is in the future; give the day it happened"),
        )),
        _ => Ok(()),
    }
}

/// Refuses `later` before `earlier`, naming the later field.
pub(crate) fn not_before(
    field: &str,
    later: Option<NaiveDate>,
    earlier_field: &str,
    earlier: Option<NaiveDate>,
) -> Result<(), RecordError> {
    match (later, earlier) {
        (Some(l), Some(e)) if l < e => Err(RecordError::new(
            field,
            format!(
                "{l} is before the {} ({e})",
                earlier_field.replace('_', " ")
            ),
        )),
        _ => Ok(()),
    }
}

/// Twelve months on, for the yearly reviews a SOC 2 auditor expects.
pub(crate) fn months_after(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(chrono::Months::new(months))
        .unwrap_or(date)
}

/// Dates are written as the rest of the engine writes them (14 Feb 2027).
pub(crate) fn day(date: NaiveDate) -> String {
    crate::engagement::human_date(date)
}

/// A programme's registers together, as exported, reported and turned into findings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Registers {
    #[serde(default)]
    pub vendors: Vec<Entry<Vendor>>,
    #[serde(default)]
    pub policies: Vec<Entry<Policy>>,
    #[serde(default)]
    pub incidents: Vec<Entry<Incident>>,
    #[serde(default)]
    pub risks: Vec<Entry<Risk>>,
    /// Absent in files from before the people register.
    #[serde(default)]
    pub people: Vec<Entry<Person>>,
    /// Absent in files from before the change register.
    #[serde(default)]
    pub changes: Vec<Entry<Change>>,
    /// The company's own limits; none set yet: the usual ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<Limits>,
}

impl Registers {
    pub fn is_empty(&self) -> bool {
        self.vendors.is_empty()
            && self.policies.is_empty()
            && self.incidents.is_empty()
            && self.risks.is_empty()
            && self.people.is_empty()
            && self.changes.is_empty()
    }
}

#[cfg(test)]
mod tests;
