//! Shapes that exist only to cross IPC; engine types cross as they are.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use soc2_readiness::assessment::{Answer, AnswerValue, AssessmentRecord};
use soc2_readiness::catalog::Category;
use soc2_readiness::scoring::Scorecard;
use soc2_readiness::workspace::ScopeDecision;

use crate::error::CommandError;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AppInfo {
    pub version: String,
    pub bank_version: String,
    /// Where the data lives, shown in settings.
    pub data_file: Option<String>,
    /// The data file can be read but not changed (a read-only file or file system).
    pub read_only: bool,
    /// The data file is protected with a passphrase (`docs/protected-data-file.md`).
    pub protected: bool,
    /// Set when the data file could not be opened: the app still starts and says why.
    pub startup_error: Option<CommandError>,
}

/// Everything the questionnaire and dashboard need about one assessment.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AssessmentView {
    /// The record as judged today: its `answers` include the quick path's implied ones.
    pub record: AssessmentRecord,
    /// Which answers in `record` were implied, not given: question id to the foundation's id.
    pub implied: BTreeMap<String, String>,
    /// Answers carried by a bank upgrade from merged or split questions and not answered since:
    /// question id to what happened (`upgrade::to_confirm`).
    pub to_confirm: BTreeMap<String, String>,
    pub scorecard: Scorecard,
    pub fingerprint: String,
    /// Answered on an older question bank: opening it carries its answers to this one
    /// (`upgrade_assessment`), and the questionnaire says what changed.
    pub needs_upgrade: bool,
}

/// One question card's full state, sent whole on every change so the UI never merges.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct SaveAnswerRequest {
    pub assessment_id: String,
    pub question_id: String,
    pub value: AnswerValue,
    pub note: Option<String>,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub evidence: Vec<String>,
    /// A known exception; absent or empty means none.
    #[serde(default)]
    pub exception: Option<String>,
    /// The exception leaves something exposed today; absent means no.
    #[serde(default)]
    #[ts(optional)]
    pub live_exposure: Option<bool>,
    /// The exception repeats one the last report noted; absent means no.
    #[serde(default)]
    #[ts(optional)]
    pub repeat_finding: Option<bool>,
    /// What the exception leaves uncovered; absent means none marked.
    #[serde(default)]
    #[ts(optional)]
    pub not_covered: Option<Vec<soc2_readiness::assessment::Coverage>>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SavedAnswer {
    pub answer: Answer,
    pub scorecard: Scorecard,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct ScopeRequest {
    pub assessment_id: String,
    pub category: Category,
    pub decision: ScopeDecision,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ExportedReport {
    pub path: String,
    pub pages: usize,
    pub bytes: usize,
    /// Whether a viewer opened it; when none could, the UI says where it is and offers the folder.
    pub opened: bool,
}

/// The trust page's screen: the page, the choices that made it, and its preview (the styles and
/// content the exported HTML holds, for a shadow root).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct TrustPageView {
    pub page: soc2_readiness::trust::TrustPage,
    pub choices: soc2_readiness::trust::TrustChoices,
    pub preview: String,
}

/// Which of the trust page's two files to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum TrustFormat {
    Html,
    Pdf,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ExportedTrustPage {
    pub path: String,
    /// Claims the written page makes.
    pub claims: usize,
    /// Whether a browser or viewer opened it.
    pub opened: bool,
}

/// What a write changed, sent as the `changed` event once it has landed, so every open view of
/// that assessment reads again what it shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Changed {
    pub assessment_id: String,
    /// The organisation's programme (its registers, its check log) changed: its findings move
    /// the figures of every assessment of that organisation.
    pub programme: bool,
}
