//! The one place that reads the clock and the time zone: the instant stored on what is written, the user's own day that decides what is due, overdue or in the future, and the day an exported timestamp falls on for the user.

use chrono::{DateTime, Local, NaiveDate, Utc};

/// An instant and the day it falls on in the user's time zone, read together: near midnight
/// the UTC date is another day, and the CLI and the app must agree on what is overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
}

impl Moment {
    /// Reads the clock. Front ends call this once per command; everything below takes the
    /// moment as an argument, so tests pass a fixed one.
    pub fn read() -> Moment {
        let now = Utc::now();
        Moment {
            now,
            today: now.with_timezone(&Local).date_naive(),
        }
    }

    /// A given moment (tests, and replaying what was recorded).
    pub fn new(now: DateTime<Utc>, today: NaiveDate) -> Moment {
        Moment { now, today }
    }
}

/// The user's own day of a timestamp that names its zone, as other tools export them
/// (`2026-03-02T23:30:00Z`, `2026-03-02 23:30:00 +0000`, `2026-03-02 23:30 UTC`): a pull request
/// merged late in the evening in New York is that evening's change, not the next day's, and
/// never "in the future". A day alone, or a timestamp with no zone, is none of these.
pub fn local_day_of(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let utc = text.strip_suffix(" UTC").map(|t| format!("{t} +0000"));
    let text = utc.as_deref().unwrap_or(text);
    let instant = DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f %z"))
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%d %H:%M %z"))
        .ok()?;
    Some(instant.with_timezone(&Local).date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zoned_timestamp_is_the_user_s_day_and_anything_else_is_not_one() {
        let at = |t: &str| {
            DateTime::parse_from_rfc3339(t)
                .unwrap()
                .with_timezone(&Local)
                .date_naive()
        };
        assert_eq!(
            local_day_of("2026-03-02T23:30:00Z"),
            Some(at("2026-03-02T23:30:00Z"))
        );
        assert_eq!(
            local_day_of("2026-03-02 23:30:00 +0200"),
            Some(at("2026-03-02T23:30:00+02:00"))
        );
        assert_eq!(
            local_day_of("2026-03-02 23:30 UTC"),
            Some(at("2026-03-02T23:30:00Z"))
        );
        for none in [
            "2026-03-02",
            "2026-03-02T23:30:00",
            "2026-03-02T99:30:00Z",
            "soon",
        ] {
            assert_eq!(local_day_of(none), None, "{none}");
        }
    }
}
