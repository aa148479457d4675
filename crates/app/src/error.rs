//! The engine's one error type, so callers (CLI, desktop shell) map a single enum, and its kinds.

use serde::Serialize;

use crate::assessment::AnswerError;
use crate::catalog::BankError;
use crate::interchange::ImportError;
use crate::protect::ProtectError;
use crate::registers::RecordError;
use soc2_readiness_report::ReportError;
use soc2_readiness_store::StoreError;

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
    #[error(transparent)]
    Protect(#[from] ProtectError),
    #[error("cannot create the report: {0}")]
    Report(#[from] ReportError),
    #[error("{path}: {reason}")]
    File { path: String, reason: String },
    #[error("{0}")]
    Invalid(String),
    /// A value refused, naming the field to fix: front ends mark the field and show `reason`
    /// under it; the CLI prints `field: reason`.
    #[error("{field}: {reason}")]
    Refused { field: String, reason: String },
    /// A register entry refused, naming the field to fix.
    #[error("invalid {0}")]
    Record(#[from] RecordError),
    #[error("no {register} matches '{id}'")]
    UnknownEntry { register: &'static str, id: String },
}

/// What went wrong, for a front end to branch on instead of message text. Serialised in
/// snake case (`not_found`, `disk_full`, ...), and exported to TypeScript as a union of those.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// No assessment (or register entry) with that id or id prefix.
    NotFound,
    /// The answer does not fit its question (unknown question, wrong value, missing reason).
    InvalidAnswer,
    /// A portable JSON file that cannot be imported.
    InvalidImport,
    /// A user's file (export, import, logo, report) could not be read or written.
    File,
    /// The data file could not be opened.
    CannotOpen,
    /// The data file is open in another window of the app.
    InUse,
    /// The data file was written by a newer version of the app.
    TooNew,
    /// Another program holds the data file locked.
    Locked,
    DiskFull,
    /// The data file can be read but not changed.
    ReadOnly,
    /// Any other failure of the data file.
    Store,
    Report,
    /// A value given by the user is out of bounds (an empty name, an unknown category).
    InvalidInput,
    /// A question bank that does not hold together.
    Bank,
    /// The data file is busy being restored or switched.
    Unavailable,
    /// The file (an export or the data file) is protected with a passphrase and none was given:
    /// a front end asks for one.
    NeedsPassphrase,
    /// The passphrase given does not open the protected file (or the file was altered); the
    /// file is unchanged.
    WrongPassphrase,
    /// A register entry does not hold together; the message names the field.
    InvalidRecord,
    /// Raised by no engine call: what a front end calls a failure it did not foresee (a broken
    /// IPC call, say), so its type stays one closed set.
    Unexpected,
}

impl Error {
    /// Names the data file in a store failure raised without it (see [`StoreError::in_file`]).
    pub fn in_file(self, data_file: &std::path::Path) -> Error {
        match self {
            Error::Store(e) => Error::Store(e.in_file(data_file)),
            other => other,
        }
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Bank(_) => ErrorKind::Bank,
            Error::Store(StoreError::UnknownAssessment(_)) => ErrorKind::NotFound,
            Error::Store(StoreError::TooNew { .. }) => ErrorKind::TooNew,
            Error::Store(StoreError::Open { .. }) => ErrorKind::CannotOpen,
            Error::Store(StoreError::Locked { .. }) => ErrorKind::Locked,
            Error::Store(StoreError::DiskFull { .. }) => ErrorKind::DiskFull,
            Error::Store(StoreError::ReadOnly { .. }) => ErrorKind::ReadOnly,
            Error::Store(StoreError::NeedsPassphrase { .. }) => ErrorKind::NeedsPassphrase,
            Error::Store(StoreError::WrongPassphrase { .. }) => ErrorKind::WrongPassphrase,
            Error::Store(StoreError::EmptyPassphrase) => ErrorKind::InvalidInput,
            Error::Store(_) => ErrorKind::Store,
            Error::Answer(_) => ErrorKind::InvalidAnswer,
            Error::Import(ImportError::Protected) => ErrorKind::NeedsPassphrase,
            Error::Import(_) => ErrorKind::InvalidImport,
            Error::Protect(ProtectError::NeedsPassphrase) => ErrorKind::NeedsPassphrase,
            Error::Protect(ProtectError::WrongPassphrase) => ErrorKind::WrongPassphrase,
            Error::Protect(ProtectError::EmptyPassphrase) => ErrorKind::InvalidInput,
            Error::Protect(_) => ErrorKind::InvalidImport,
            Error::Report(_) => ErrorKind::Report,
            Error::File { .. } => ErrorKind::File,
            Error::Invalid(_) | Error::Refused { .. } => ErrorKind::InvalidInput,
            Error::Record(_) => ErrorKind::InvalidRecord,
            Error::UnknownEntry { .. } => ErrorKind::NotFound,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<soc2_readiness_core::calendar::Refusal> for Error {
    fn from(refusal: soc2_readiness_core::calendar::Refusal) -> Error {
        Error::Refused {
            field: refusal.field,
            reason: refusal.reason,
        }
    }
}

impl From<soc2_readiness_core::catalog::ModuleRefusal> for Error {
    fn from(refusal: soc2_readiness_core::catalog::ModuleRefusal) -> Error {
        Error::Invalid(refusal.0)
    }
}
