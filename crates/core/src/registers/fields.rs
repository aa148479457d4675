//! Register fields described once: setting them from text, the required and length checks, and their text for tables.
//!
//! A record goes through its JSON object form, so one description serves all six registers and
//! a field's shape is checked before serde ever sees it (an error names the field, not a type).

use serde_json::{Map, Value};

use super::{RecordError, RegisterRecord};

/// Short text (names, owners) and long text (what happened, root cause): enough for any real
/// entry, capped so a pasted document does not end up in a table cell or the PDF.
pub const SHORT_TEXT: usize = 200;
pub const LONG_TEXT: usize = 4_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Text {
        max_chars: usize,
    },
    /// A day, written YYYY-MM-DD.
    Date,
    /// One of a closed list (the serde names of the record's enum).
    Choice(&'static [&'static str]),
    /// yes or no; left empty, no.
    Flag,
    /// yes or no, or not recorded when left empty (what an export may not say).
    FlagOrUnknown,
    /// A whole number from `min` to `max`.
    Number {
        min: u32,
        max: u32,
    },
    /// Several values separated by commas (question ids).
    List,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    pub name: &'static str,
    pub kind: FieldKind,
    pub required: bool,
    /// What the field holds, for help and forms.
    pub help: &'static str,
}

impl FieldSpec {
    pub const fn text(name: &'static str, required: bool, help: &'static str) -> FieldSpec {
        FieldSpec {
            name,
            kind: FieldKind::Text {
                max_chars: SHORT_TEXT,
            },
            required,
            help,
        }
    }

    pub const fn long(name: &'static str, required: bool, help: &'static str) -> FieldSpec {
        FieldSpec {
            name,
            kind: FieldKind::Text {
                max_chars: LONG_TEXT,
            },
            required,
            help,
        }
    }

    pub const fn of(
        name: &'static str,
        kind: FieldKind,
        required: bool,
        help: &'static str,
    ) -> FieldSpec {
        FieldSpec {
            name,
            kind,
            required,
            help,
        }
    }
}

/// A new record from `(field, text)` pairs; every required field must be among them.
pub fn from_fields<T: RegisterRecord>(pairs: &[(String, String)]) -> Result<T, RecordError> {
    let mut object = Map::new();
    apply::<T>(&mut object, pairs)?;
    into_record(object)
}

/// The record with the given fields changed; an empty text clears an optional field.
pub fn set_fields<T: RegisterRecord>(
    record: &T,
    pairs: &[(String, String)],
) -> Result<T, RecordError> {
    let Value::Object(mut object) = serde_json::to_value(record).expect("records serialise") else {
        panic!("a record serialises to a JSON object")
    };
    apply::<T>(&mut object, pairs)?;
    into_record(object)
}

/// Every problem with an entry as a form holds it (`pairs`: its fields as text), each naming its
/// field, so a form can mark them all at once; empty when the entry would be kept. Each field's
/// own shape is checked first; the rules between fields (dates in order, links into the bank)
/// only once every field reads.
pub fn field_problems<T: RegisterRecord>(
    pairs: &[(String, String)],
    bank: &crate::catalog::Bank,
    today: chrono::NaiveDate,
) -> Vec<RecordError> {
    checked_record::<T>(pairs, bank, today)
        .err()
        .unwrap_or_default()
}

/// The entry a form's (or an imported row's) fields make, or every problem with them, as
/// [`field_problems`] names them: one reading of the fields serves the check and the record.
pub fn checked_record<T: RegisterRecord>(
    pairs: &[(String, String)],
    bank: &crate::catalog::Bank,
    today: chrono::NaiveDate,
) -> Result<T, Vec<RecordError>> {
    let mut object = Map::new();
    let mut problems = Vec::new();
    for (given, text) in pairs {
        match spec::<T>(given).and_then(|field| Ok((field, parse(field, text)?))) {
            // A field left empty is left out, as a form that sends only what is filled in
            // leaves it: its default then applies (a choice with a default takes no null).
            Ok((_, Value::Null)) => {}
            Ok((field, value)) => {
                object.insert(field.name.to_string(), value);
            }
            Err(problem) => problems.push(problem),
        }
    }
    for field in T::FIELDS {
        if problems.iter().any(|p| p.field == field.name) {
            continue;
        }
        if let Err(problem) = check_field(field, &object) {
            problems.push(problem);
        }
    }
    if problems.is_empty() {
        return into_record::<T>(object)
            .and_then(|record| super::check_against(&record, bank, today).map(|()| record))
            .map_err(|problem| vec![problem]);
    }
    // In the form's order, so the first one named is the first one seen.
    problems.sort_by_key(|p| {
        T::FIELDS
            .iter()
            .position(|f| f.name == p.field)
            .unwrap_or(usize::MAX)
    });
    Err(problems)
}

/// A field's value as text for a table, a search or a sort ("" when not set).
pub fn display(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items.iter().map(display).collect::<Vec<_>>().join(", "),
        Value::Object(_) => String::new(),
    }
}

/// The field named by a person: `next-review` and `next_review` are the same field.
pub(crate) fn spec<T: RegisterRecord>(given: &str) -> Result<&'static FieldSpec, RecordError> {
    let name = given.trim().trim_start_matches("--").replace('-', "_");
    T::FIELDS.iter().find(|f| f.name == name).ok_or_else(|| {
        let known: Vec<&str> = T::FIELDS.iter().map(|f| f.name).collect();
        RecordError::new(
            &name,
            format!(
                "not a field of a {}; the fields are {}",
                T::REGISTER.singular(),
                known.join(", ")
            ),
        )
    })
}

/// Required fields present and every text within its length, on the record as it stands.
pub(crate) fn check_shape<T: RegisterRecord>(record: &T) -> Result<(), RecordError> {
    let Value::Object(object) = serde_json::to_value(record).expect("records serialise") else {
        panic!("a record serialises to a JSON object")
    };
    check_object::<T>(&object)
}

fn apply<T: RegisterRecord>(
    object: &mut Map<String, Value>,
    pairs: &[(String, String)],
) -> Result<(), RecordError> {
    for (given, text) in pairs {
        let field = spec::<T>(given)?;
        // Emptied means left out: an optional field reads as none, a choice as its default
        // (it takes no null).
        match parse(field, text)? {
            Value::Null => object.remove(field.name),
            value => object.insert(field.name.to_string(), value),
        };
    }
    check_object::<T>(object)
}

fn check_object<T: RegisterRecord>(object: &Map<String, Value>) -> Result<(), RecordError> {
    T::FIELDS
        .iter()
        .try_for_each(|field| check_field(field, object))
}

/// A required field present, and a text within its length.
fn check_field(field: &FieldSpec, object: &Map<String, Value>) -> Result<(), RecordError> {
    let value = object.get(field.name).unwrap_or(&Value::Null);
    let empty = match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    };
    if field.required && empty {
        return Err(RecordError::new(field.name, "required; give a value"));
    }
    if let (FieldKind::Text { max_chars }, Value::String(s)) = (field.kind, value) {
        let count = s.chars().count();
        if count > max_chars {
            return Err(RecordError::new(
                field.name,
                format!(
                    "{count} characters is too long; keep it to {max_chars} (put a longer text in a document and name it here)"
                ),
            ));
        }
    }
    Ok(())
}

fn parse(field: &FieldSpec, text: &str) -> Result<Value, RecordError> {
    let text = text.trim();
    let refuse = |message: String| Err(RecordError::new(field.name, message));
    if text.is_empty() {
        // Nothing given is not "no": a flag the record may leave unknown (whether a change's
        // tests passed) stays unknown, and one that may not takes its default.
        return Ok(match field.kind {
            FieldKind::List => Value::Array(Vec::new()),
            _ => Value::Null,
        });
    }
    match field.kind {
        FieldKind::Text { .. } => Ok(Value::String(text.to_string())),
        FieldKind::Date => match crate::day::parse_day(text) {
            Ok(d) => Ok(Value::String(d.to_string())),
            Err(why) => refuse(why),
        },
        FieldKind::Choice(choices) => {
            let wanted = text.to_lowercase().replace(['-', ' '], "_");
            match choices.iter().find(|c| **c == wanted) {
                Some(c) => Ok(Value::String(c.to_string())),
                None => refuse(format!("'{text}' is not one of {}", choices.join(", "))),
            }
        }
        FieldKind::Flag | FieldKind::FlagOrUnknown => match text.to_lowercase().as_str() {
            // As people and CI exports write them.
            "yes" | "y" | "true" | "1" | "pass" | "passed" | "success" => Ok(Value::Bool(true)),
            "no" | "n" | "false" | "0" | "fail" | "failed" | "failure" => Ok(Value::Bool(false)),
            _ => refuse(format!("'{text}' is not yes or no")),
        },
        FieldKind::Number { min, max } => match text.parse::<u32>() {
            Ok(n) if (min..=max).contains(&n) => Ok(Value::from(n)),
            _ => refuse(format!(
                "'{text}' is not a whole number from {min} to {max}"
            )),
        },
        FieldKind::List => Ok(Value::Array(
            text.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.to_string()))
                .collect(),
        )),
    }
}

fn into_record<T: RegisterRecord>(mut object: Map<String, Value>) -> Result<T, RecordError> {
    // A field left empty is absent, so the record's own default stands (false, an empty list,
    // none, the usual choice); a required one was refused before.
    object.retain(|_, value| !value.is_null());
    serde_json::from_value(Value::Object(object)).map_err(|e| {
        // The shape was checked field by field; what is left is a field serde names.
        let text = e.to_string();
        let field = text
            .split('`')
            .nth(1)
            .unwrap_or(T::REGISTER.singular())
            .to_string();
        RecordError::new(&field, text)
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::catalog::bundled_bank;
    use crate::registers::Vendor;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(f, v)| (f.to_string(), v.to_string()))
            .collect()
    }
    #[test]
    fn a_form_hears_every_problem_at_once_in_its_field_order() {
        let bank = bundled_bank();
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let problems = field_problems::<Vendor>(
            &pairs(&[
                ("name", ""),
                ("service", "hosting"),
                ("criticality", "urgent"),
                ("last_review", "31 Feb 2026"),
                ("owner", ""),
            ]),
            &bank,
            today,
        );
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["name", "criticality", "owner", "last_review"]);
        // The rules between fields wait until every field reads: then the future review is named.
        let later = field_problems::<Vendor>(
            &pairs(&[
                ("name", "Cloudhost"),
                ("service", "hosting"),
                ("criticality", "high"),
                ("owner", "Sam"),
                ("last_review", "1 Jan 2099"),
            ]),
            &bank,
            today,
        );
        assert_eq!(later.len(), 1);
        assert_eq!(later[0].field, "last_review");
        assert!(
            later[0].message.contains("in the future"),
            "{}",
            later[0].message
        );
        let fine = field_problems::<Vendor>(
            &pairs(&[
                ("name", "Cloudhost"),
                ("service", "hosting"),
                ("criticality", "high"),
                ("owner", "Sam"),
                ("last_review", "28 Feb 2026"),
                // A form sends every field; those left empty read as left out.
                ("subservice", ""),
                ("report", ""),
                ("next_review", ""),
                ("personal_data", "no"),
            ]),
            &bank,
            today,
        );
        assert!(fine.is_empty(), "{fine:?}");
    }

    #[test]
    fn emptying_a_choice_with_a_default_sets_the_default() {
        let vendor: Vendor = from_fields(&pairs(&[
            ("name", "Cloudhost"),
            ("service", "hosting"),
            ("criticality", "high"),
            ("owner", "Sam"),
            ("subservice", "carve_out"),
        ]))
        .unwrap();
        let cleared = set_fields(&vendor, &pairs(&[("subservice", ""), ("location", "")])).unwrap();
        assert_eq!(cleared.subservice, Default::default());
        assert_eq!(cleared.location, None);
        let required = set_fields(&vendor, &pairs(&[("owner", "")])).unwrap_err();
        assert_eq!(required.field, "owner");
    }
}
