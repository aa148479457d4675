//! A day as people type it: 2027-02-28 or 28 Feb 2027 (or 28 February 2027, or an export's timestamp), one parser for the CLI, the questionnaire, the registers and the calendar.

use chrono::{Datelike, NaiveDate};

/// What to write, for messages: "a date as 2027-02-28 or 28 Feb 2027".
pub const DAY_FORMS: &str = "a date as 2027-02-28 or 28 Feb 2027";

/// Years outside this range are slips (0015 for 2015, 20277 for 2027), not dates anyone means.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1970..=2100;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The day `text` names, or why it names none, in words for a person.
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    let t = text.trim();
    let day = iso(t)
        .or_else(|| timestamp(t))
        .or_else(|| words(t))
        .ok_or_else(|| format!("'{t}' is not a date; write it as 2027-02-28 or 28 Feb 2027"))?;
    if !PLAUSIBLE_YEARS.contains(&day.year()) {
        return Err(format!(
            "'{t}' has the year {}; give a year from {} to {}",
            day.year(),
            PLAUSIBLE_YEARS.start(),
            PLAUSIBLE_YEARS.end()
        ));
    }
    Ok(day)
}

fn iso(t: &str) -> Option<NaiveDate> {
    let mut parts = t.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || y.len() != 4
        || !(1..=2).contains(&m.len())
        || !(1..=2).contains(&d.len())
    {
        return None;
    }
    NaiveDate::from_ymd_opt(number(y)? as i32, number(m)?, number(d)?)
}

/// A timestamp as exports write it (2027-02-28T14:05:00Z, 2027-02-28 14:05:00 +0000,
/// 2027-02-28 14:05 UTC): the day it names as written. The app turns one with a zone into the
/// user's own day before it gets here (`clock::local_day_of`), for imports.
fn timestamp(t: &str) -> Option<NaiveDate> {
    // The day is the part before the first 'T' or space ("UTC" holds a T too).
    let at = t.find(['T', ' '])?;
    let (date, rest) = (&t[..at], t[at + 1..].trim());
    let (clock, zone) = if let Some(clock) = rest.strip_suffix('Z') {
        (clock, "")
    } else if let Some(clock) = rest.strip_suffix("UTC") {
        (clock.trim_end(), "")
    } else {
        match rest.find(['+', '-']) {
            Some(at) => (rest[..at].trim_end(), &rest[at + 1..]),
            None => (rest, ""),
        }
    };
    let offset_reads = zone.is_empty()
        || [&zone.replace(':', "")]
            .iter()
            .any(|z| matches!(z.len(), 2 | 4) && z.bytes().all(|b| b.is_ascii_digit()));
    // Two digits each, as machines write them; chrono alone would take 1:5.
    let clock_reads = clock.len() >= 5
        && clock.as_bytes()[2] == b':'
        && ["%H:%M:%S%.f", "%H:%M"]
            .iter()
            .any(|format| chrono::NaiveTime::parse_from_str(clock, format).is_ok());
    if !(offset_reads && clock_reads) {
        return None;
    }
    iso(date)
}

/// Digits only: `u32::parse` would take "+5" too.
fn number(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn words(t: &str) -> Option<NaiveDate> {
    let mut parts = t.split_whitespace();
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || !(1..=2).contains(&d.len()) {
        return None;
    }
    let m = m.trim_end_matches('.').to_lowercase();
    // Compared by characters, never sliced by bytes: "août" or "12月" must be refused, not panic.
    let short: String = m.chars().take(3).collect();
    let month = MONTHS
        .iter()
        .position(|name| *name == short && full_or_short(&m))?;
    NaiveDate::from_ymd_opt(number(y)? as i32, month as u32 + 1, number(d)?)
}

/// "feb", "february" and "sept" name a month; "febx" does not.
fn full_or_short(m: &str) -> bool {
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    m.len() == 3 || m == "sept" || FULL.contains(&m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_people_type_name_one_day() {
        let day = NaiveDate::from_ymd_opt(2027, 2, 28).unwrap();
        for text in [
            "2027-02-28",
            " 2027-2-28 ",
            "28 Feb 2027",
            "28 feb. 2027",
            "28 February 2027",
        ] {
            assert_eq!(parse_day(text), Ok(day), "{text}");
        }
        for stamp in [
            "2027-02-28T14:05:00Z",
            "2027-02-28T23:59:59.123+02:00",
            "2027-02-28 14:05",
            "2027-02-28 14:05:00 +0000",
            "2027-02-28 14:05 UTC",
        ] {
            assert_eq!(parse_day(stamp), Ok(day), "{stamp}");
        }
        assert_eq!(
            parse_day("5 Sept 2027"),
            Ok(NaiveDate::from_ymd_opt(2027, 9, 5).unwrap())
        );
        for bad in [
            "2027-02-30",
            "30 Feb 2027",
            "28 Febx 2027",
            "28/02/2027",
            "2027",
            "",
            "0015-12-11",
            "2027-02-28T",
            "2027-02-28 lunch",
            "2027-02-28T1:5",
            "2027-02-28T99:99",
            "2027-02-28T14:05Zjunk",
            "2027-02-28T14:05+1",
        ] {
            assert!(parse_day(bad).is_err(), "{bad}");
        }
        assert!(parse_day("0015-12-11").unwrap_err().contains("year 15"));
    }
}
