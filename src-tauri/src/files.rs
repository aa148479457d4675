//! Reading and writing the user's files (exports, imports, logos) with messages that name them.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{CommandError, CommandResult};

fn file_error(path: &str, e: std::io::Error) -> CommandError {
    CommandError::new("file", format!("{path}: {e}"))
}

/// Larger than any assessment file or logo; refuses to read a wrong choice (a video, a disk image).
const MAX_READ_BYTES: u64 = 32 * 1024 * 1024;

pub fn read(path: &str) -> CommandResult<Vec<u8>> {
    let size = std::fs::metadata(path)
        .map_err(|e| file_error(path, e))?
        .len();
    if size > MAX_READ_BYTES {
        return Err(CommandError::new(
            "file",
            format!(
                "{path} is {} MB, too large to be an assessment or a logo",
                size / (1024 * 1024)
            ),
        ));
    }
    std::fs::read(path).map_err(|e| file_error(path, e))
}

/// Writes to a temporary file beside the target, syncs, then renames: never half a file.
pub fn write_atomically(path: &str, bytes: &[u8]) -> CommandResult<()> {
    let mut temporary = Path::new(path).as_os_str().to_owned();
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
