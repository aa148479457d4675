//! How the register commands print: a register's fields, its list with the columns that tell entries apart, and one entry in full.

use serde_json::Value;

use soc2_readiness::registers::{FieldKind, Listed, Register, RegisterRecord, display};

use super::output::truncate;

pub(super) fn print_fields<T: RegisterRecord>() {
    for field in T::FIELDS {
        let kind = match field.kind {
            FieldKind::Text { max_chars } => format!("text, up to {max_chars}"),
            FieldKind::Date => "date, 2027-02-28 or 28 Feb 2027".into(),
            FieldKind::Choice(choices) => choices.join("|"),
            FieldKind::Flag => "yes|no".into(),
            FieldKind::FlagOrUnknown => "yes|no, or empty".into(),
            FieldKind::Number { min, max } => format!("{min}-{max}"),
            FieldKind::List => "comma-separated".into(),
        };
        let required = if field.required { "required" } else { "" };
        println!(
            "--{:<24} {:<9} {:<28} {}",
            field.name.replace('_', "-"),
            required,
            kind,
            field.help
        );
    }
}

/// The columns that tell entries apart in each register, after the id and the label.
fn key_fields<T: RegisterRecord>() -> &'static [&'static str] {
    match T::REGISTER {
        Register::Vendors => &["criticality", "subservice", "next_review"],
        Register::Policies => &["version", "approved_on", "next_review"],
        Register::Incidents => &["severity", "detected_on", "resolved_on"],
        Register::Risks => &["likelihood", "impact", "treatment"],
        // The seed's per-person training status, beside when they started and left.
        Register::People => &["kind", "training", "end"],
        Register::Changes => &["kind", "approved_by", "released_on"],
    }
}

pub(super) fn print_list<T: RegisterRecord>(listed: &[Listed<T>]) {
    if listed.is_empty() {
        println!("no {} yet", T::REGISTER.id());
        return;
    }
    let keys = key_fields::<T>();
    print!("{:<12}  {:<32}", "id", "name");
    for key in keys {
        print!("  {:<12}", truncate(&key.replace('_', " "), 12));
    }
    println!("  attention");
    for item in listed {
        let value = serde_json::to_value(&item.entry.record).unwrap_or(Value::Null);
        print!(
            "{:<12}  {:<32}",
            item.entry.id,
            truncate(item.entry.record.label(), 32)
        );
        for key in keys {
            print!("  {:<12}", truncate(&display(&value[*key]), 12));
        }
        let attention = match item.attention.as_slice() {
            [] if item.entry.archived_at.is_some() => "(archived)".to_string(),
            [] => "-".to_string(),
            [one] => one.detail.clone(),
            [first, more @ ..] => format!("{} (+{} more)", first.detail, more.len()),
        };
        println!("  {attention}");
    }
}

pub(super) fn print_entry<T: RegisterRecord>(listed: &Listed<T>) {
    let entry = &listed.entry;
    let value = serde_json::to_value(&entry.record).unwrap_or(Value::Null);
    println!("{} {}", T::REGISTER.singular(), entry.id);
    for field in T::FIELDS {
        let shown = display(&value[field.name]);
        if !shown.is_empty() {
            println!("  {:<24} {shown}", field.name.replace('_', " "));
        }
    }
    // A policy's kept versions, oldest first.
    if let Some(versions) = value["versions"].as_array().filter(|v| !v.is_empty()) {
        println!("  approved versions");
        for v in versions {
            println!(
                "    {} by {} on {}",
                display(&v["version"]),
                display(&v["approved_by"]),
                display(&v["approved_on"])
            );
        }
    }
    if let Some(at) = entry.archived_at {
        println!("  archived {}", at.format("%Y-%m-%d"));
    }
    for attention in &listed.attention {
        println!("  ! {}", attention.detail);
    }
}
