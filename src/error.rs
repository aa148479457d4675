//! The engine's one error type, so callers (CLI, desktop shell) map a single enum.

use crate::assessment::AnswerError;
use crate::catalog::BankError;
use crate::interchange::ImportError;
use crate::report::ReportError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Bank(#[from] BankError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Answer(#[from] AnswerError),
    #[error("cannot import: {0}")]
    Import(#[from] ImportError),
    #[error("cannot create the report: {0}")]
    Report(#[from] ReportError),
    #[error("{path}: {reason}")]
    File { path: String, reason: String },
    #[error("{0}")]
    Invalid(String),
}

impl Error {
    /// Names the data file in a store failure raised without it (see [`StoreError::in_file`]).
    pub fn in_file(self, data_file: &std::path::Path) -> Error {
        match self {
            Error::Store(e) => Error::Store(e.in_file(data_file)),
            other => other,
        }
    }

    /// A stable machine-readable kind, for the UI to branch on instead of message text.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Bank(_) => "bank",
            Error::Store(StoreError::UnknownAssessment(_)) => "not_found",
            Error::Store(StoreError::TooNew { .. }) => "too_new",
            Error::Store(StoreError::Open { .. }) => "cannot_open",
            Error::Store(StoreError::Locked { .. }) => "locked",
            Error::Store(StoreError::DiskFull { .. }) => "disk_full",
            Error::Store(StoreError::ReadOnly { .. }) => "read_only",
            Error::Store(_) => "store",
            Error::Answer(_) => "invalid_answer",
            Error::Import(_) => "invalid_import",
            Error::Report(_) => "report",
            Error::File { .. } => "file",
            Error::Invalid(_) => "invalid_input",
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
