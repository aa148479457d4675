//! The programme's registers as tables: every field its description names, what needs attention as of the day, archived entries marked.
//!
//! Columns follow each register's field descriptions (`RegisterRecord::FIELDS`, a form's order:
//! the entry's name first), so a field added to a register reaches the sheet without a change
//! here. Rows are the app's list with archived entries shown: the same selection and order, the
//! same attention sentences.

use chrono::NaiveDate;
use serde_json::Value;

use crate::registers::{
    Entry, FieldKind, FieldSpec, Judging, Listed, Policy, Query, Register, RegisterRecord,
    Registers, acknowledged_versions, incident::Stage, select,
};

use super::tables::{list, yes_no};
use super::{Cell, Table, TableKind};

/// One register's table as of `today`.
pub fn register_table(registers: &Registers, register: Register, today: NaiveDate) -> Table {
    let at = &registers.judging(today);
    match register {
        Register::Vendors => table(&registers.vendors, TableKind::Vendors, at, |_| vec![]),
        Register::Policies => table(&registers.policies, TableKind::Policies, at, policy_extras),
        Register::Incidents => table(&registers.incidents, TableKind::Incidents, at, |i| {
            vec![Cell::text(stage(i.stage()))]
        }),
        Register::Risks => table(&registers.risks, TableKind::Risks, at, |r| {
            vec![Cell::Number(f64::from(r.score()))]
        }),
        // Which versions an acknowledgement covers is read from the policy register, so an
        // auditor sampling a hire sees what they acknowledged.
        Register::People => table(&registers.people, TableKind::People, at, |p| {
            vec![list(&acknowledged_versions(p, &registers.policies))]
        }),
        Register::Changes => table(&registers.changes, TableKind::Changes, at, |_| vec![]),
    }
}

/// The register's fields, with what needs attention after its name, then what the register
/// derives from them (`extras`: a risk's score, an incident's stage, headed by [`extra_titles`]),
/// then the entry's own dates and id.
fn table<T: RegisterRecord>(
    entries: &[Entry<T>],
    kind: TableKind,
    at: &Judging,
    extras: impl Fn(&T) -> Vec<Cell>,
) -> Table {
    let everything = Query {
        archived: true,
        ..Query::default()
    };
    // Filters and sort fields come from the query, and this one names none: it cannot fail.
    let listed: Vec<Listed<T>> =
        select(entries.to_vec(), &everything, at).expect("a query without fields");
    let (name, rest) = T::FIELDS.split_first().expect("a register has fields");
    let mut header: Vec<String> = vec![
        heading(name),
        "Needs attention".into(),
        "Attention since".into(),
    ];
    header.extend(rest.iter().map(heading));
    header.extend(extra_titles(T::REGISTER).iter().map(|t| t.to_string()));
    header.extend(["Archived", "Archived on", "Added", "Updated", "Id"].map(String::from));
    let rows = listed
        .iter()
        .map(|listed| {
            let entry = &listed.entry;
            let value = serde_json::to_value(&entry.record).expect("records serialise");
            let details: Vec<&str> = listed.attention.iter().map(|a| a.detail.as_str()).collect();
            // The oldest dated status: how long the entry has been waiting, for a sort. Statuses
            // with no day ("never reviewed") are in the text only. An archived entry's statuses
            // are shown as the app's list shows them; the "Archived" filter hides them.
            let since = listed.attention.iter().filter_map(|a| a.since).min();
            let mut row = vec![
                cell(name, &value[name.name]),
                Cell::optional((!details.is_empty()).then(|| details.join("; "))),
                Cell::date(since),
            ];
            row.extend(rest.iter().map(|f| cell(f, &value[f.name])));
            row.extend(extras(&entry.record));
            row.extend([
                yes_no(entry.archived_at.is_some()),
                Cell::date(entry.archived_at.map(|a| a.date_naive())),
                Cell::Date(entry.created_at.date_naive()),
                Cell::Date(entry.updated_at.date_naive()),
                Cell::text(&entry.id),
            ]);
            row
        })
        .collect();
    Table { kind, header, rows }
}

fn extra_titles(register: Register) -> &'static [&'static str] {
    match register {
        Register::Vendors => &[],
        Register::Policies => &["Acknowledged share", "Approved versions"],
        Register::Incidents => &["Stage"],
        Register::Risks => &["Score"],
        Register::People => &["Policy versions acknowledged"],
        Register::Changes => &[],
    }
}

fn policy_extras(policy: &Policy) -> Vec<Cell> {
    let versions: Vec<String> = policy
        .versions
        .iter()
        .map(|v| format!("{} ({}, {})", v.version, v.approved_by, v.approved_on))
        .collect();
    vec![
        policy
            .acknowledged_percent()
            .map_or(Cell::Empty, |p| Cell::Percent(f64::from(p) / 100.0)),
        list(&versions),
    ]
}

fn stage(stage: Stage) -> &'static str {
    match stage {
        Stage::Detected => "Detected",
        Stage::Contained => "Contained",
        Stage::Resolved => "Resolved",
        Stage::Improved => "Improved",
    }
}

/// A field's value as a typed cell: dates as dates and numbers as numbers, so a workbook sorts
/// and filters them as such; a choice and a flag in words.
fn cell(field: &FieldSpec, value: &Value) -> Cell {
    match (field.kind, value) {
        (_, Value::Null) => Cell::Empty,
        (FieldKind::Date, Value::String(text)) => text
            .parse::<NaiveDate>()
            .map_or_else(|_| Cell::text(text), Cell::Date),
        (FieldKind::Number { .. }, Value::Number(n)) => {
            n.as_f64().map_or(Cell::Empty, Cell::Number)
        }
        (FieldKind::Flag | FieldKind::FlagOrUnknown, Value::Bool(flag)) => yes_no(*flag),
        (FieldKind::Choice(_), Value::String(choice)) => Cell::text(words(choice)),
        (FieldKind::List, Value::Array(items)) => {
            let items: Vec<String> = items.iter().map(crate::registers::display).collect();
            list(&items)
        }
        (_, Value::String(text)) if text.trim().is_empty() => Cell::Empty,
        (_, other) => Cell::text(crate::registers::display(other)),
    }
}

/// Names whose letters are said one by one, or that a reader knows in another form; the
/// registers screen spells them the same way (`ui/src/features/registers/table.ts`).
const SPELLED: [(&str, &str); 6] = [
    ("dpa", "DPA signed"),
    ("baa", "BAA signed"),
    ("soc2_type1", "SOC 2 Type I"),
    ("soc2_type2", "SOC 2 Type II"),
    ("iso27001", "ISO 27001"),
    ("carve_out", "Carve-out"),
];

/// `next_review` as a person reads it: "Next review".
fn words(name: &str) -> String {
    if let Some((_, spelled)) = SPELLED.iter().find(|(n, _)| *n == name) {
        return spelled.to_string();
    }
    let spaced = name.replace('_', " ");
    let mut chars = spaced.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn heading(field: &FieldSpec) -> String {
    words(field.name)
}
