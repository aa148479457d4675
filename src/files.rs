//! The user's own files (exports, imports, logos, reports): reads capped, writes atomic, both named in errors.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// Larger than any assessment file or logo; refuses to read a wrong choice (a video, a disk
/// image) into memory.
pub const MAX_READ_BYTES: u64 = 32 * 1024 * 1024;

fn file_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::File {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

/// Reads a file the user chose, refusing one larger than [`MAX_READ_BYTES`].
pub fn read(path: &Path) -> Result<Vec<u8>> {
    let size = std::fs::metadata(path)
        .map_err(|e| file_error(path, e))?
        .len();
    if size > MAX_READ_BYTES {
        return Err(file_error(
            path,
            format!(
                "the file is {} MB, too large to be an assessment or a logo",
                size / (1024 * 1024)
            ),
        ));
    }
    std::fs::read(path).map_err(|e| file_error(path, e))
}

/// Reads an exported assessment, opening it with `passphrase` when it is protected (one is then
/// needed); a plain file comes back as it is.
pub fn read_export(path: &Path, passphrase: Option<&str>) -> Result<Vec<u8>> {
    Ok(crate::protect::reveal(read(path)?, passphrase)?)
}

/// Writes to a temporary file beside the target, syncs, then renames: a failure never leaves
/// half a file, nor the temporary one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".partial");
    let temporary = PathBuf::from(temporary);
    let result = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        file_error(path, e)
    })
}
