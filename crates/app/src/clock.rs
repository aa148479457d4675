//! The one place that reads the clock: the instant stored on what is written, and the user's own day that decides what is due, overdue or in the future.

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
