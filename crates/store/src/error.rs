//! What can go wrong with the data file, said so that the user knows which file and what to do.

use std::path::Path;

use super::disk;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the data file {path}: {reason}")]
    Open { path: String, reason: String },
    #[error(
        "the data file {path} was written by a newer version of SOC 2 Readiness (schema {found}, this version knows up to {known}); update the app or choose another file"
    )]
    TooNew {
        path: String,
        found: usize,
        known: usize,
    },
    #[error("no assessment matches '{0}'")]
    UnknownAssessment(String),
    #[error("'{0}' matches more than one assessment; give more of the id")]
    AmbiguousAssessment(String),
    #[error("an assessment with id '{0}' already exists")]
    DuplicateAssessment(String),
    #[error(
        "the data file holds a value it cannot read ({0}); restore a backup or export what remains"
    )]
    Corrupt(String),
    #[error(
        "the data file{} is locked by another program (is SOC 2 Readiness open twice?); nothing was saved, try again",
        shown_path(.path)
    )]
    Locked { path: Option<String> },
    #[error(
        "the disk holding the data file{} is full; nothing was saved. Free some space and try again",
        shown_path(.path)
    )]
    DiskFull { path: Option<String> },
    #[error(
        "the data file{} is read-only; nothing was saved. Check its permissions or choose another file",
        shown_path(.path)
    )]
    ReadOnly { path: Option<String> },
    #[error("the data file {path} is protected with a passphrase; give its passphrase to open it")]
    NeedsPassphrase { path: String },
    #[error("the passphrase does not open the data file {path}; nothing was changed, try again")]
    WrongPassphrase { path: String },
    #[error("the passphrase must not be empty")]
    EmptyPassphrase,
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    /// The failures a user can act on get their own message; the rest keep SQLite's.
    fn from(error: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode;
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                StoreError::Locked { path: None }
            }
            Some(ErrorCode::DiskFull) => StoreError::DiskFull { path: None },
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path: None },
            _ => StoreError::Sqlite(error),
        }
    }
}

fn shown_path(path: &Option<String>) -> String {
    path.as_ref().map(|p| format!(" {p}")).unwrap_or_default()
}

impl StoreError {
    /// Names the data file in a failure that was raised without knowing it, so the message
    /// says which file (and so which disk) the user has to look at.
    pub fn in_file(self, data_file: &Path) -> StoreError {
        let named = || Some(data_file.display().to_string());
        match self {
            StoreError::Locked { path: None } => StoreError::Locked { path: named() },
            StoreError::DiskFull { path: None } => StoreError::DiskFull { path: named() },
            StoreError::ReadOnly { path: None } => StoreError::ReadOnly { path: named() },
            other => other,
        }
    }

    /// Names the data file in a passphrase refusal raised while keying, before the file was known.
    pub(crate) fn named(self, data_file: &Path) -> StoreError {
        match self {
            StoreError::WrongPassphrase { path } if path.is_empty() => {
                StoreError::WrongPassphrase {
                    path: data_file.display().to_string(),
                }
            }
            StoreError::Open { path, reason } if path.is_empty() => StoreError::Open {
                path: data_file.display().to_string(),
                reason,
            },
            other => other,
        }
    }

    /// SQLite reports a full disk or a read-only file system met while opening (the WAL index
    /// cannot be mapped, the file cannot be created) only as a generic I/O failure; the file
    /// system itself says which it was.
    pub(crate) fn diagnosed(self, data_file: &Path) -> StoreError {
        let shown = || Some(data_file.display().to_string());
        match self {
            StoreError::Sqlite(e) => {
                let input_output = matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::SystemIoFailure | rusqlite::ErrorCode::CannotOpen)
                );
                match disk::file_system_state(data_file) {
                    disk::FileSystemState::Full if input_output => {
                        StoreError::DiskFull { path: shown() }
                    }
                    disk::FileSystemState::ReadOnly if input_output => {
                        StoreError::ReadOnly { path: shown() }
                    }
                    disk::FileSystemState::Virtual => StoreError::Open {
                        path: data_file.display().to_string(),
                        reason: "its folder is on a system file system (such as /proc or /sys) that cannot hold a data file; choose a folder on a disk".into(),
                    },
                    _ => StoreError::Open {
                        path: data_file.display().to_string(),
                        reason: e.to_string(),
                    },
                }
            }
            other => other.in_file(data_file),
        }
    }
}
