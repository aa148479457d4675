//! The file system under the data file: private permissions, and what a bare I/O error meant.

use std::path::Path;

use super::StoreError;

pub(crate) fn io_error(path: &Path, e: std::io::Error) -> StoreError {
    let shown = || Some(path.display().to_string());
    match e.raw_os_error() {
        Some(libc::ENOSPC | libc::EDQUOT) => StoreError::DiskFull { path: shown() },
        Some(libc::EROFS) => StoreError::ReadOnly { path: shown() },
        _ => StoreError::Open {
            path: path.display().to_string(),
            reason: e.to_string(),
        },
    }
}

/// Only the owner may read what holds a client's assessment. Permissions are only ever taken
/// away: a file its owner made read-only stays read-only, and one already private is not
/// touched (so a read-only file system is no obstacle to reading it).
pub(crate) fn make_private(path: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map_err(|e| io_error(path, e))?
            .permissions()
            .mode();
        let private = mode & 0o7700;
        if private != mode & 0o7777 {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(private))
                .map_err(|e| io_error(path, e))?;
        }
    }
    let _ = path;
    Ok(())
}

/// What the file system holding a data file can take, asked when SQLite reports a bare I/O error.
pub(crate) enum FileSystemState {
    Writable,
    ReadOnly,
    Full,
    /// A file system with no storage behind it (`/proc`, `/sys`): it has no free space because
    /// it has no space at all, and no ordinary file can be made there.
    Virtual,
}

/// Below this much free space a failed write is put down to a full disk; SQLite needs a few
/// pages for the write-ahead log and its index even for a one-line change.
const NEARLY_FULL_BYTES: u64 = 256 * 1024;

pub(crate) fn file_system_state(data_file: &Path) -> FileSystemState {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let folder = match data_file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let Ok(c_path) = std::ffi::CString::new(folder.as_os_str().as_bytes()) else {
            return FileSystemState::Writable;
        };
        // SAFETY: `c_path` is a valid NUL-terminated string and `stats` a zeroed out-parameter
        // that statvfs fills in; nothing is kept past the call.
        let mut stats: libc::statvfs = unsafe { std::mem::zeroed() };
        if unsafe { libc::statvfs(c_path.as_ptr(), &mut stats) } != 0 {
            return FileSystemState::Writable;
        }
        if stats.f_blocks == 0 {
            return FileSystemState::Virtual;
        }
        if stats.f_flag & libc::ST_RDONLY != 0 {
            return FileSystemState::ReadOnly;
        }
        #[allow(clippy::useless_conversion)] // the field types differ between platforms
        let free = u64::from(stats.f_bavail).saturating_mul(u64::from(stats.f_frsize));
        if free < NEARLY_FULL_BYTES {
            return FileSystemState::Full;
        }
        // SAFETY: as above; access only reads the path.
        let writable = |p: &std::ffi::CString| unsafe { libc::access(p.as_ptr(), libc::W_OK) } == 0;
        let file_c = std::ffi::CString::new(data_file.as_os_str().as_bytes()).ok();
        if !writable(&c_path) || file_c.is_some_and(|f| data_file.exists() && !writable(&f)) {
            return FileSystemState::ReadOnly;
        }
    }
    FileSystemState::Writable
}
