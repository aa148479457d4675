//! Remembers that the data file passed its integrity check, so an unchanged file is not read end to end on every open.
//!
//! `PRAGMA quick_check` reads the whole file: 70 ms for 500 assessments, paid by every CLI
//! command. A file this program closed after checking it, and that nothing has touched since
//! (same size and modification time, no write-ahead log left), is as good as when it was
//! checked; any other file, including one another process has open, is checked again.

use std::path::{Path, PathBuf};

fn record_for(data_file: &Path) -> PathBuf {
    let mut name = data_file.as_os_str().to_owned();
    name.push(".checked");
    PathBuf::from(name)
}

/// The file's size and modification time, or `None` when a write-ahead log holds changes (the
/// file alone does not say what the database is).
fn stamp(data_file: &Path) -> Option<String> {
    let mut log = data_file.as_os_str().to_owned();
    log.push("-wal");
    if std::fs::metadata(PathBuf::from(log)).is_ok_and(|m| m.len() > 0) {
        return None;
    }
    let meta = std::fs::metadata(data_file).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some(format!("{} {}", meta.len(), modified.as_nanos()))
}

/// True when the file is exactly as this program left it after a check.
pub(crate) fn unchanged_since_check(data_file: &Path) -> bool {
    match (
        stamp(data_file),
        // Written by this program, a line long; anything else (a pipe, a large file) is no record.
        std::fs::metadata(record_for(data_file))
            .ok()
            .filter(|m| m.is_file() && m.len() < 4096)
            .and_then(|_| std::fs::read_to_string(record_for(data_file)).ok())
            .ok_or(()),
    ) {
        (Some(now), Ok(recorded)) => now == recorded.trim(),
        _ => false,
    }
}

/// Records the file as checked, after its last connection closed. Best effort: without the
/// record the next open simply checks again.
pub(crate) fn remember(data_file: &Path) {
    let Some(now) = stamp(data_file) else { return };
    let record = record_for(data_file);
    if std::fs::write(&record, now).is_ok() {
        let _ = super::disk::make_private(&record);
    }
}

/// Forgets the record, before a check that found damage or a change made outside SQLite.
pub(crate) fn forget(data_file: &Path) {
    let _ = std::fs::remove_file(record_for(data_file));
}
