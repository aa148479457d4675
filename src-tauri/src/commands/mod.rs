//! The Tauri commands, one file per area; each parses, locks the workspace, calls the engine.

pub mod answers;
pub mod app;
pub mod assessments;
pub mod launch;
pub mod report;
pub mod settings;

/// A fresh assessment id: 12 hex characters, like the CLI's.
pub(crate) fn new_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..12].to_string()
}
