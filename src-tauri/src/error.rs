//! The one error that crosses IPC: a stable kind for the UI to branch on and a message to show.

use serde::Serialize;
pub use soc2_readiness::ErrorKind;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct CommandError {
    /// Stable and machine-readable: the UI branches on it, never on the message.
    pub kind: ErrorKind,
    /// Lower case, says what went wrong and what to do; never a stack trace.
    pub message: String,
    /// The field to fix, when a register entry was refused (`invalid_record`), so a form marks it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
}

impl CommandError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> CommandError {
        CommandError {
            kind,
            message: message.into(),
            field: None,
        }
    }
}

impl From<soc2_readiness::Error> for CommandError {
    fn from(error: soc2_readiness::Error) -> CommandError {
        let field = match &error {
            soc2_readiness::Error::Record(e) => Some(e.field.clone()),
            _ => None,
        };
        CommandError {
            field,
            ..CommandError::new(error.kind(), error.to_string())
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
