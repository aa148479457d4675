//! The data file: where it lives, new ids for what goes in it, and its backups found and restored.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

pub use soc2_readiness_store::backup::BackupInfo;
pub use soc2_readiness_store::{chosen_path, default_path, remember_choice};

use crate::{Error, Result};

/// The data file to use: the one given (a flag or an environment variable), else the one last
/// chosen in the app, else the one in the platform data directory.
pub fn locate(given: Option<PathBuf>) -> Result<PathBuf> {
    given
        .or_else(chosen_path)
        .or_else(default_path)
        .ok_or_else(|| {
            Error::Invalid(
                "no home directory was found to keep the data file in; name a data file".into(),
            )
        })
}

/// A fresh assessment id: 12 hex characters, short enough to type, random enough never to meet
/// another in one file or across the files a consultant merges.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..12].to_string()
}

/// The folder `data_file`'s backups are kept in.
pub fn backups_folder(data_file: &Path) -> PathBuf {
    soc2_readiness_store::backup::folder_for(data_file)
}

/// The backups of `data_file`, newest first; readable even when the file itself cannot be opened.
pub fn backups(data_file: &Path) -> Result<Vec<BackupInfo>> {
    Ok(soc2_readiness_store::backup::list(data_file)?)
}

/// One of `data_file`'s backups, by its path, its file name, or `latest`; anything else is
/// refused, so a restore can only ever bring back one of this file's own backups.
pub fn find_backup(data_file: &Path, chosen: &str) -> Result<BackupInfo> {
    let all = backups(data_file)?;
    let found = if chosen == "latest" {
        all.into_iter().next()
    } else {
        all.into_iter().find(|b| {
            b.path == chosen || Path::new(&b.path).file_name().is_some_and(|n| n == chosen)
        })
    };
    found.ok_or_else(|| {
        Error::Invalid(format!(
            "'{chosen}' is not one of the backups of {}",
            data_file.display()
        ))
    })
}

/// What a restore did: the backup it brought back and where the replaced file was moved.
#[derive(Debug, Clone)]
pub struct Restored {
    pub from: BackupInfo,
    pub moved_aside: Option<PathBuf>,
}

/// True when the file at `path` is protected with a passphrase: its first bytes are not
/// SQLite's own (`docs/protected-data-file.md`). A front end asks for the passphrase then.
pub fn is_protected(path: &Path) -> bool {
    soc2_readiness_store::is_protected(path)
}

/// Replaces `data_file` with one of its backups, as [`find_backup`] found it. The current file is
/// moved aside, never deleted. The data file must not be open while this runs. A protected
/// backup needs the passphrase it was taken under, and is refused before anything moves
/// without it or with a wrong one.
pub fn restore(
    data_file: &Path,
    from: BackupInfo,
    passphrase: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Restored> {
    let moved_aside =
        soc2_readiness_store::backup::restore(Path::new(&from.path), data_file, passphrase, now)?;
    Ok(Restored { from, moved_aside })
}
