//! The cells of account exports read as people and systems write them: yes/true/enrolled, ISO timestamps, "N/A" and "Never" as no value.

use chrono::NaiveDate;

use crate::day::parse_day;

/// The cell means "nothing recorded": the account never signed in, the key never existed.
fn empty(cell: &str) -> bool {
    matches!(
        cell.trim().to_lowercase().as_str(),
        "" | "n/a"
            | "na"
            | "none"
            | "never"
            | "never logged in"
            | "never signed in"
            | "no_information"
            | "not_supported"
            | "-"
            | "null"
    )
}

/// A yes or no as the exports write it; `None` for an empty cell, an error for anything else.
pub(super) fn flag(cell: &str) -> Result<Option<bool>, String> {
    if empty(cell) {
        return Ok(None);
    }
    let t = cell.trim().to_lowercase();
    match t.as_str() {
        "true" | "yes" | "y" | "1" | "on" | "enabled" | "enrolled" | "enforced" | "active"
        | "capable" | "registered" => Ok(Some(true)),
        "false" | "no" | "n" | "0" | "off" | "disabled" | "not enrolled" | "not enforced"
        | "not capable" | "not registered" | "inactive" | "suspended" | "blocked" | "archived"
        | "deleted" => Ok(Some(false)),
        _ => Err(format!("'{}' is not a yes or no", cell.trim())),
    }
}

/// The day of a timestamp or date cell: 2026-03-01, 2026-03-01T10:20:30+00:00, 2026/03/01
/// 10:20:30 UTC, or 1 Mar 2026. A slashed day-month order (03/01/2026) is refused, since it
/// could mean either.
pub(super) fn date(cell: &str) -> Result<Option<NaiveDate>, String> {
    if empty(cell) {
        return Ok(None);
    }
    let t = cell.trim();
    let head: String = t.chars().take(10).collect();
    let iso_like = head.len() == 10
        && head.as_bytes()[4] == head.as_bytes()[7]
        && matches!(head.as_bytes()[4], b'-' | b'/');
    if iso_like {
        let day = head.replace('/', "-");
        return parse_day(&day).map(Some);
    }
    parse_day(t).map(Some).map_err(|_| {
        format!("'{t}' is not a date; the export should give it as 2026-03-01 or a timestamp")
    })
}

/// A key's age as a number of days, or the day it was created or rotated.
pub(super) fn age_or_date(cell: &str, taken_on: NaiveDate) -> Result<Option<NaiveDate>, String> {
    let t = cell.trim();
    if let Ok(days) = t.parse::<u32>() {
        return Ok(Some(taken_on - chrono::Duration::days(i64::from(days))));
    }
    date(cell)
}
