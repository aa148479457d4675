//! The one error that crosses IPC: a stable kind for the UI to branch on and a message to show.

use serde::Serialize;
pub use soc2_readiness::ErrorKind;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct CommandError {
    /// Stable and machine-readable: the UI branches on it, never on the message.
    pub kind: ErrorKind,
    /// Lower case, says what went wrong and what to do; never a stack trace.
    pub message: String,
    /// The field to fix, when a value was refused (`invalid_record` for a register entry,
    /// `invalid_input` for a check or an adopted control), so a form marks it; `message` is then
    /// what to show under that field.
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
        let (field, message) = match &error {
            soc2_readiness::Error::Record(e) => (Some(e.field.clone()), e.message.clone()),
            soc2_readiness::Error::Refused { field, reason } => {
                (Some(field.clone()), reason.clone())
            }
            _ => (None, error.to_string()),
        };
        CommandError {
            field,
            ..CommandError::new(error.kind(), message)
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
