//! Registers as text rows and field descriptions, for a front end that shows any register with one table and one form.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::fields::{FieldKind, display};
use super::{Attention, Incident, Listed, Person, Policy, Register, RegisterRecord, Risk, Vendor};

/// One entry as a table shows it: each field's text, what needs attention, whether archived.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct RegisterRow {
    pub id: String,
    pub label: String,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
    pub archived: bool,
    /// Field name to its text ("" when not set), as `--FIELD VALUE` would give it back.
    pub values: BTreeMap<String, String>,
    pub attention: Vec<Attention>,
}

/// A field as a form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct FieldInfo {
    pub name: String,
    /// text, long_text, date, choice, flag, number, list
    pub kind: String,
    pub required: bool,
    pub help: String,
    /// The allowed values of a choice.
    pub choices: Vec<String>,
    /// The longest text accepted, for text fields.
    pub max_chars: Option<u32>,
}

impl<T: RegisterRecord> From<Listed<T>> for RegisterRow {
    fn from(listed: Listed<T>) -> RegisterRow {
        let value = serde_json::to_value(&listed.entry.record).expect("records serialise");
        let values = T::FIELDS
            .iter()
            .map(|f| (f.name.to_string(), display(&value[f.name])))
            .collect();
        RegisterRow {
            label: listed.entry.record.label().to_string(),
            id: listed.entry.id,
            updated_at: listed.entry.updated_at,
            archived: listed.entry.archived_at.is_some(),
            values,
            attention: listed.attention,
        }
    }
}

/// The fields of a register, in the order a form asks for them.
pub fn field_infos(register: Register) -> Vec<FieldInfo> {
    let fields = match register {
        Register::Vendors => Vendor::FIELDS,
        Register::Policies => Policy::FIELDS,
        Register::Incidents => Incident::FIELDS,
        Register::Risks => Risk::FIELDS,
        Register::People => Person::FIELDS,
        Register::Changes => super::Change::FIELDS,
    };
    fields
        .iter()
        .map(|f| {
            let (kind, choices, max_chars) = match f.kind {
                FieldKind::Text { max_chars } if max_chars > super::fields::SHORT_TEXT => {
                    ("long_text", Vec::new(), Some(max_chars))
                }
                FieldKind::Text { max_chars } => ("text", Vec::new(), Some(max_chars)),
                FieldKind::Date => ("date", Vec::new(), None),
                FieldKind::Choice(c) => ("choice", c.iter().map(|s| s.to_string()).collect(), None),
                FieldKind::Flag => ("flag", Vec::new(), None),
                FieldKind::FlagOrUnknown => ("flag_or_unknown", Vec::new(), None),
                FieldKind::Number { .. } => ("number", Vec::new(), None),
                FieldKind::List => ("list", Vec::new(), None),
            };
            FieldInfo {
                name: f.name.to_string(),
                kind: kind.to_string(),
                required: f.required,
                help: f.help.to_string(),
                choices,
                max_chars: max_chars.map(|m| u32::try_from(m).unwrap_or(u32::MAX)),
            }
        })
        .collect()
}

/// One change of an entry's history as a list shows it: the entry's fields as they stood after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ChangeRow {
    pub action: super::Action,
    #[ts(type = "string")]
    pub changed_at: DateTime<Utc>,
    pub values: BTreeMap<String, String>,
}

impl From<&super::RegisterChange> for ChangeRow {
    fn from(change: &super::RegisterChange) -> ChangeRow {
        let values = change.snapshot["record"]
            .as_object()
            .map(|record| {
                record
                    .iter()
                    .map(|(k, v)| (k.clone(), display(v)))
                    .collect()
            })
            .unwrap_or_default();
        ChangeRow {
            action: change.action,
            changed_at: change.changed_at,
            values,
        }
    }
}
