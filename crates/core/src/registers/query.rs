//! A register's list as a person asks for it: search, filters, sort, archived or not, with what needs attention.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::fields::{FieldKind, FieldSpec, display, spec};
use super::{Attention, Entry, Judging, RecordError, RegisterRecord};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    /// Words that must all appear in some field (any case).
    #[serde(default)]
    pub search: Option<String>,
    /// `(field, value)`: the field's text equals the value (any case).
    #[serde(default)]
    pub filters: Vec<(String, String)>,
    /// A field to sort by; by default the entries needing attention come first, then by name.
    #[serde(default)]
    pub sort: Option<String>,
    #[serde(default)]
    pub descending: bool,
    /// Archived entries too (by default only the working list).
    #[serde(default)]
    pub archived: bool,
    /// Only entries needing attention.
    #[serde(default)]
    pub attention_only: bool,
}

/// One entry as listed, with what needs attention as of the day asked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Listed<T> {
    #[serde(flatten)]
    pub entry: Entry<T>,
    pub attention: Vec<Attention>,
}

/// The entries the query asks for, in its order. An unknown filter or sort field is refused by name.
pub fn select<T: RegisterRecord>(
    entries: Vec<Entry<T>>,
    query: &Query,
    at: &Judging,
) -> Result<Vec<Listed<T>>, RecordError> {
    let filters: Vec<(&str, String)> = query
        .filters
        .iter()
        .map(|(f, v)| Ok((spec::<T>(f)?.name, v.trim().to_lowercase())))
        .collect::<Result<_, RecordError>>()?;
    let sort = query.sort.as_deref().map(spec::<T>).transpose()?;
    let words: Vec<String> = query
        .search
        .as_deref()
        .unwrap_or("")
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let mut kept: Vec<(Listed<T>, Value)> = Vec::with_capacity(entries.len());
    for entry in entries {
        if entry.archived_at.is_some() && !query.archived {
            continue;
        }
        // Only what the query needs is turned into JSON: a plain list of 1,000 entries stays cheap.
        let needs_value = !words.is_empty() || !filters.is_empty() || sort.is_some();
        let value = if needs_value {
            serde_json::to_value(&entry.record).expect("records serialise")
        } else {
            Value::Null
        };
        if !filters
            .iter()
            .all(|(field, wanted)| display(&value[*field]).to_lowercase() == *wanted)
        {
            continue;
        }
        if !words.is_empty() {
            let text = searchable(&value);
            if !words.iter().all(|w| text.contains(w.as_str())) {
                continue;
            }
        }
        let attention = entry.record.attention(at);
        if query.attention_only && attention.is_empty() {
            continue;
        }
        kept.push((Listed { entry, attention }, value));
    }
    match sort {
        Some(field) => kept.sort_by(|(a, av), (b, bv)| {
            compare(field, &av[field.name], &bv[field.name]).then_with(|| by_label(a, b))
        }),
        None => kept.sort_by(|(a, _), (b, _)| {
            b.attention
                .len()
                .min(1)
                .cmp(&a.attention.len().min(1))
                .then_with(|| by_label(a, b))
        }),
    }
    let mut listed: Vec<Listed<T>> = kept.into_iter().map(|(l, _)| l).collect();
    if query.descending {
        listed.reverse();
    }
    Ok(listed)
}

fn by_label<T: RegisterRecord>(a: &Listed<T>, b: &Listed<T>) -> Ordering {
    a.entry
        .record
        .label()
        .to_lowercase()
        .cmp(&b.entry.record.label().to_lowercase())
        .then_with(|| a.entry.id.cmp(&b.entry.id))
}

fn searchable(value: &Value) -> String {
    match value {
        Value::Object(fields) => fields
            .values()
            .map(display)
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
        other => display(other).to_lowercase(),
    }
}

/// Numbers as numbers, a choice in its list's order (critical before low), text (and ISO
/// dates) as text; an empty field sorts last.
fn compare(field: &FieldSpec, a: &Value, b: &Value) -> Ordering {
    if let (FieldKind::Choice(choices), Value::String(x), Value::String(y)) = (field.kind, a, b) {
        let at = |v: &String| choices.iter().position(|c| c == v);
        return at(x).cmp(&at(y));
    }
    match (a, b) {
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Greater,
        (_, Value::Null) => Ordering::Less,
        (Value::Number(x), Value::Number(y)) => x
            .as_f64()
            .partial_cmp(&y.as_f64())
            .unwrap_or(Ordering::Equal),
        _ => display(a).to_lowercase().cmp(&display(b).to_lowercase()),
    }
}
