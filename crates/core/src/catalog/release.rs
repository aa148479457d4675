//! A bank release and what it changed (`assets/changelog.toml`), so answers given on an older bank are carried forward.

use serde::{Deserialize, Serialize};

/// What one bank version changed, so assessments made on an older bank carry their answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Release {
    pub version: String,
    pub summary: String,
    #[serde(rename = "change", default)]
    pub changes: Vec<BankChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct BankChange {
    pub kind: ChangeKind,
    /// Ids in the previous version (empty for an added question).
    #[serde(default)]
    pub from: Vec<String>,
    /// Ids in this version (empty for a removed question).
    #[serde(default)]
    pub to: Vec<String>,
    /// Why, in a sentence a user reads.
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// One question under a new id; its answer moves as it is.
    Renamed,
    /// Several questions became one; answers are carried and must be confirmed.
    Merged,
    /// One question became several; its answer is carried to each, to confirm.
    Split,
    /// A question left the bank; its answer stays in the history.
    Removed,
    /// A new question to answer.
    Added,
    /// The same question counts towards other criteria (or none: an audit-project task).
    Remapped,
}
