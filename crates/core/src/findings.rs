//! What the programme's records (registers and the check log) say against the answers they serve.
//!
//! Records are kept per programme (one organisation, all its assessments); a finding names the
//! control question it bears on, so scoring, gaps and the plan can treat it like a known exception
//! the user recorded. Producers: the check log (missed or failed checks in the window) and the
//! registers (an overdue review, an incident without its post-incident review) and the account exports
//! (a leaver's live account, an admin without MFA).

use serde::{Deserialize, Serialize};

/// How a finding bears on the answer to its question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The records do not show the control operating (no check in the window yet): the answer
    /// cannot score as operating, only as documented.
    NotEvidenced,
    /// The records show the control did not fully operate (a failed or missed check, an overdue
    /// review, an incident without its review): the answer scores as carrying a known exception.
    KnownException,
}

/// Which record a finding comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    CheckLog,
    Vendors,
    Policies,
    Incidents,
    Risks,
    People,
    Changes,
    /// An account export from one of the company's systems.
    Accounts,
}

/// One thing the records show about one control question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct RecordFinding {
    pub question_id: String,
    pub source: Source,
    pub effect: Effect,
    /// The record's id, so the app can open it.
    pub record_id: String,
    /// A sentence for the reader naming the record and what is missing, in our own words.
    pub detail: String,
    /// Something is exposed today because of it (a vendor holding personal or health data with
    /// no agreement), not only a record missing: its gap ranks as "Fix now".
    #[serde(default)]
    pub live_exposure: bool,
}

/// The key records are kept under: one per organisation, the same grouping compare and trend use,
/// so a re-assessment sees the registers and check log its baseline saw.
pub fn programme_key(organisation: &str) -> String {
    normalised_organisation(organisation)
}

/// Organisation names as a person means them: "Acme Ltd" and " acme ltd" are one organisation.
/// Compare, trend and the programme's records all group by it.
pub fn normalised_organisation(organisation: &str) -> String {
    organisation
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
