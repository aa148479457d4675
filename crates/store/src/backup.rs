//! Rolling backups of the data file with SQLite's online backup API, and restoring one safely.
//!
//! Backups live in `backups/` beside the data file, named by time and reason so they sort by
//! age. Restoring never destroys anything: the current file is moved aside first.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::disk::{io_error, make_private};
use super::{Store, StoreError};

/// How many backups are kept; older ones are removed after each new one.
pub const KEEP: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct BackupInfo {
    pub path: String,
    pub created_at: DateTime<Utc>,
    /// Why it was taken: `start`, `daily`, `before-migration`, `before-restore`, `manual`.
    pub reason: String,
    pub bytes: u64,
}

/// The folder the backups of `data_file` go to.
pub fn folder_for(data_file: &Path) -> PathBuf {
    data_file
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("backups")
}

impl Store {
    /// Copies the open database into a new backup (consistent even while in use), then prunes.
    pub fn back_up(&self, reason: &str, now: DateTime<Utc>) -> Result<BackupInfo, StoreError> {
        let Some(data_file) = self.location() else {
            return Err(StoreError::Open {
                path: ":memory:".into(),
                reason: "an in-memory database has no backups".into(),
            });
        };
        let folder = folder_for(data_file);
        std::fs::create_dir_all(&folder).map_err(|e| io_error(&folder, e))?;
        make_private(&folder)?;
        let mut stamp = now.format("%Y%m%dT%H%M%S%.6fZ").to_string();
        stamp.retain(|c| c != '.');
        let path = folder.join(format!("assessments-{stamp}-{reason}.sqlite3"));
        match self.passphrase.as_deref() {
            None => self.conn.backup("main", &path, None)?,
            Some(passphrase) => {
                // SQLCipher copies between two plain files or two keyed ones only, so the
                // backup of a protected file is keyed with its passphrase before the copy:
                // protected too, and opened the same way.
                let mut copy = rusqlite::Connection::open(&path)?;
                super::cipher::key(&copy, passphrase).map_err(|e| e.named(&path))?;
                let backup = rusqlite::backup::Backup::new(&self.conn, &mut copy)?;
                if backup.step(-1)? != rusqlite::backup::StepResult::Done {
                    return Err(StoreError::Locked { path: None });
                }
            }
        }
        make_private(&path)?;
        prune(&folder, KEEP)?;
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        Ok(BackupInfo {
            path: path.display().to_string(),
            created_at: now,
            reason: reason.to_string(),
            bytes,
        })
    }

    /// Takes a `daily` backup when the newest backup is older than a day (or there is none).
    pub fn back_up_if_due(&self, now: DateTime<Utc>) -> Result<Option<BackupInfo>, StoreError> {
        let Some(data_file) = self.location() else {
            return Ok(None);
        };
        let newest = list(data_file)?.into_iter().map(|b| b.created_at).max();
        if newest.is_some_and(|at| now - at < chrono::Duration::hours(24)) {
            return Ok(None);
        }
        self.back_up("daily", now).map(Some)
    }
}

/// The backups of `data_file`, newest first.
pub fn list(data_file: &Path) -> Result<Vec<BackupInfo>, StoreError> {
    list_folder(&folder_for(data_file))
}

fn list_folder(folder: &Path) -> Result<Vec<BackupInfo>, StoreError> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Ok(Vec::new());
    };
    let mut out: Vec<BackupInfo> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let rest = name
                .strip_prefix("assessments-")?
                .strip_suffix(".sqlite3")?;
            let (stamp, reason) = rest.split_once('-')?;
            let created = NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%S%6fZ").ok()?;
            Some(BackupInfo {
                path: entry.path().display().to_string(),
                created_at: created.and_utc(),
                reason: reason.to_string(),
                bytes: entry.metadata().map(|m| m.len()).unwrap_or(0),
            })
        })
        .collect();
    out.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.path.cmp(&a.path)));
    Ok(out)
}

fn prune(folder: &Path, keep: usize) -> Result<(), StoreError> {
    for old in list_folder(folder)?.into_iter().skip(keep) {
        let _ = std::fs::remove_file(&old.path);
    }
    Ok(())
}

/// Replaces `data_file` with a copy of `backup`. The current file (damaged or not) and its
/// WAL are moved aside, never deleted; returns where they went. A protected backup is checked
/// with `passphrase` (the one it was taken under) and refused without it, before anything moves.
pub fn restore(
    backup: &Path,
    data_file: &Path,
    passphrase: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<PathBuf>, StoreError> {
    let passphrase = match (super::cipher::is_protected(backup), passphrase) {
        (false, _) => None,
        (true, None) => {
            return Err(StoreError::NeedsPassphrase {
                path: backup.display().to_string(),
            });
        }
        (true, Some(given)) => Some(given),
    };
    // Refuse anything that is not a readable SQLite database before touching the data file.
    let check = (|| -> Result<String, StoreError> {
        let reader = rusqlite::Connection::open_with_flags(
            backup,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        if let Some(passphrase) = passphrase {
            super::cipher::key(&reader, passphrase)?;
        }
        Ok(reader.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    })();
    match check {
        Ok(result) if result == "ok" => {}
        Ok(result) => {
            return Err(StoreError::Corrupt(format!(
                "the backup {} is damaged too ({result})",
                backup.display()
            )));
        }
        Err(e @ StoreError::WrongPassphrase { .. }) => return Err(e.named(backup)),
        Err(e) => {
            return Err(StoreError::Open {
                path: backup.display().to_string(),
                reason: format!("not a readable backup: {e}"),
            });
        }
    }
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    let mut moved = None;
    for suffix in ["", "-wal", "-shm"] {
        let mut current = data_file.as_os_str().to_owned();
        current.push(suffix);
        let current = PathBuf::from(current);
        if current.exists() {
            let mut aside = data_file.as_os_str().to_owned();
            aside.push(format!(".replaced-{stamp}{suffix}"));
            let aside = PathBuf::from(aside);
            std::fs::rename(&current, &aside).map_err(|e| io_error(&current, e))?;
            if suffix.is_empty() {
                moved = Some(aside);
            }
        }
    }
    let mut temporary = data_file.as_os_str().to_owned();
    temporary.push(".restoring");
    let temporary = PathBuf::from(temporary);
    std::fs::copy(backup, &temporary).map_err(|e| io_error(&temporary, e))?;
    std::fs::File::open(&temporary)
        .and_then(|f| f.sync_all())
        .map_err(|e| io_error(&temporary, e))?;
    make_private(&temporary)?;
    std::fs::rename(&temporary, data_file).map_err(|e| io_error(data_file, e))?;
    super::verified::forget(data_file);
    Ok(moved)
}
