//! The one error that crosses IPC: a stable kind for the UI to branch on and a message to show.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct CommandError {
    /// Stable, machine-readable: `not_found`, `invalid_answer`, `invalid_import`, `file`,
    /// `cannot_open`, `in_use`, `too_new`, `locked`, `disk_full`, `read_only`, `store`, `report`,
    /// `invalid_input`, `bank`, `unavailable`.
    pub kind: String,
    /// Lower case, says what went wrong and what to do; never a stack trace.
    pub message: String,
}

impl CommandError {
    pub fn new(kind: &str, message: impl Into<String>) -> CommandError {
        CommandError {
            kind: kind.to_string(),
            message: message.into(),
        }
    }
}

impl From<soc2_readiness::Error> for CommandError {
    fn from(error: soc2_readiness::Error) -> CommandError {
        CommandError::new(error.kind(), error.to_string())
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
