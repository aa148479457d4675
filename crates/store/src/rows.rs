//! Conversions between column text and domain values, one way each, for every table.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use soc2_readiness_core::assessment::Depth;

use super::StoreError;

pub(crate) fn timestamp(at: &DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

pub(crate) fn parse_time(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        // RFC 3339 has four-digit years only, while `timestamp` writes any year chrono holds
        // ("-0026-11-02T..." from an imported file): whatever was written must read back.
        .or_else(|_| text.parse::<DateTime<Utc>>())
        .map_err(|e| StoreError::Corrupt(format!("time '{text}': {e}")))
}

pub(crate) fn parse_date(text: Option<String>) -> Result<Option<NaiveDate>, StoreError> {
    text.map(|t| {
        NaiveDate::parse_from_str(&t, "%Y-%m-%d")
            .map_err(|e| StoreError::Corrupt(format!("date '{t}': {e}")))
    })
    .transpose()
}

pub(crate) fn parse_depth(text: &str) -> Result<Depth, StoreError> {
    Depth::parse(text).ok_or_else(|| StoreError::Corrupt(format!("depth '{text}'")))
}

pub(crate) fn from_json<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("'{text}': {e}")))
}

pub(crate) fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("answer values serialise to JSON")
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_time_written_reads_back() {
        for text in [
            "2026-11-02T09:00:00Z",
            "-0026-11-02T09:00:00Z",
            "+12026-01-01T00:00:00Z",
        ] {
            let at: chrono::DateTime<chrono::Utc> = text.parse().unwrap();
            assert_eq!(
                super::parse_time(&super::timestamp(&at)).unwrap(),
                at,
                "{text}"
            );
        }
    }
}
