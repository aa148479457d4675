//! What a known exception leaves uncovered: people, systems, data or a period, as the user marks it.

use serde::{Deserialize, Serialize};

/// One kind of thing a control does not yet cover.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    ts_rs::TS,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    People,
    Systems,
    Data,
    Period,
}

impl Coverage {
    pub const ALL: [Coverage; 4] = [
        Coverage::People,
        Coverage::Systems,
        Coverage::Data,
        Coverage::Period,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Coverage::People => "people",
            Coverage::Systems => "systems",
            Coverage::Data => "data",
            Coverage::Period => "period",
        }
    }

    pub fn parse(text: &str) -> Option<Coverage> {
        Coverage::ALL.into_iter().find(|c| c.id() == text.trim())
    }

    /// "people and systems", for a gap's line.
    pub fn words(kinds: &[Coverage]) -> String {
        let names: Vec<&str> = kinds.iter().map(|c| c.id()).collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => (*one).to_string(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }
}
