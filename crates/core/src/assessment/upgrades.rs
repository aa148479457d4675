//! What bank upgrades did to an assessment, kept with it: the record's own history of the banks it was answered on.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::catalog::ChangeKind;

/// What one upgrade did to one assessment: kept with it, shown in the app, the CLI and the PDF.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
pub struct BankUpgrade {
    pub from_version: String,
    pub to_version: String,
    pub at: DateTime<Utc>,
    pub notes: Vec<UpgradeNote>,
}

/// One thing that changed for this assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
pub struct UpgradeNote {
    #[schemars(with = "String")]
    #[ts(type = "string")]
    pub kind: ChangeKind,
    /// The question in the new bank (none for a removed one).
    pub question_id: Option<String>,
    /// The questions of the old bank it came from.
    pub from: Vec<String>,
    /// What happened and what to do, for people.
    pub text: String,
    /// A carried answer the user should confirm (merged or split questions).
    pub confirm: bool,
}

impl super::AssessmentRecord {
    /// The version the assessment was first answered on: its method choices (such as keeping
    /// earlier scope proposals) depend on it, not on the bank its answers were carried to.
    pub fn started_on(&self) -> &str {
        self.upgrades
            .first()
            .map_or(&self.assessment.bank_version, |u| &u.from_version)
    }
}
