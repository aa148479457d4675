//! The user's own files (exports, imports, logos, reports): reads capped, writes atomic, both named in errors.

use std::fs::{File, Metadata};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use soc2_readiness_core::catalog::{Bank, BankError, BankProblem, parse_bank};

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

/// What a path the user named is when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    Folder,
    /// A pipe or a socket: opening it waits for a writer.
    Pipe,
    /// A character or block device: `/dev/zero` never ends.
    Device,
}

impl NotAFile {
    /// What the file is, or `None` for a regular file.
    pub fn of(metadata: &Metadata) -> Option<NotAFile> {
        #[cfg(unix)]
        use std::os::unix::fs::FileTypeExt;
        let kind = metadata.file_type();
        if kind.is_file() {
            return None;
        }
        if kind.is_dir() {
            return Some(NotAFile::Folder);
        }
        #[cfg(unix)]
        if kind.is_fifo() || kind.is_socket() {
            return Some(NotAFile::Pipe);
        }
        Some(NotAFile::Device)
    }

    /// What is at `path`, when something is there and it is not a regular file.
    pub fn at(path: &Path) -> Option<NotAFile> {
        std::fs::metadata(path).ok().as_ref().and_then(NotAFile::of)
    }

    fn refusal(self) -> &'static str {
        match self {
            NotAFile::Folder => "it is a folder; choose a file inside it",
            NotAFile::Pipe => {
                "it is a pipe, not a file; save what it carries to a file and choose that"
            }
            NotAFile::Device => "it is a device, not a file; choose a saved file",
        }
    }
}

/// Opens a regular file for reading, with its size as the open file reports it. The type is
/// checked before opening because opening a pipe waits for a writer, and again on the open file
/// because the path may have changed between.
fn open_regular(path: &Path) -> Result<(File, u64)> {
    let refuse = |metadata: &Metadata| match NotAFile::of(metadata) {
        Some(kind) => Err(file_error(path, kind.refusal())),
        None => Ok(()),
    };
    refuse(&std::fs::metadata(path).map_err(|e| file_error(path, e))?)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A pipe swapped in after the check then opens at once instead of waiting for a
        // writer, and the check on the open file below refuses it.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| file_error(path, e))?;
    let metadata = file.metadata().map_err(|e| file_error(path, e))?;
    refuse(&metadata)?;
    Ok((file, metadata.len()))
}

/// Reads a file the user chose, refusing one larger than [`MAX_READ_BYTES`] and anything that
/// is not a regular file.
pub fn read(path: &Path) -> Result<Vec<u8>> {
    let (file, told) = open_regular(path)?;
    // A size the open file already reports too large is refused without reading; the read is
    // bounded all the same for files that hold more than they report.
    let bytes = match told > MAX_READ_BYTES {
        true => Vec::new(),
        false => read_bounded(path, file, MAX_READ_BYTES)?,
    };
    if told > MAX_READ_BYTES || bytes.len() as u64 > MAX_READ_BYTES {
        return Err(file_error(
            path,
            format!(
                "the file is larger than {} MB, more than any file read here holds",
                MAX_READ_BYTES / (1024 * 1024)
            ),
        ));
    }
    Ok(bytes)
}

/// Reads at most `cap` bytes plus one, whatever the file's metadata says (a file in `/proc`
/// reports a size of zero, a growing file outruns it), so memory stays bounded; more than `cap`
/// bytes back means the file is too large, which the caller words for its own kind of file.
pub fn read_at_most(path: &Path, cap: u64) -> Result<Vec<u8>> {
    let (file, _) = open_regular(path)?;
    read_bounded(path, file, cap)
}

fn read_bounded(path: &Path, file: File, cap: u64) -> Result<Vec<u8>> {
    // Sized up front for small files (a passphrase, a logo), so their bytes are not left behind
    // in buffers the vector outgrew.
    let mut bytes = Vec::with_capacity((cap + 1).min(64 * 1024) as usize);
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| file_error(path, e))?;
    Ok(bytes)
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

/// Writes a file as [`write_atomically`] does, but streamed: `write` fills the temporary file
/// (a binder's ZIP is far larger than anything worth holding in memory). A failure, the
/// writer's own included, leaves neither half a file nor the temporary one.
pub fn write_atomically_with<T>(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> Result<T>,
) -> Result<T> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".partial");
    let temporary = PathBuf::from(temporary);
    let mut file = std::fs::File::create(&temporary).map_err(|e| file_error(path, e))?;
    let written = write(&mut file).and_then(|value| {
        file.sync_all()
            .and_then(|()| std::fs::rename(&temporary, path))
            .map_err(|e| file_error(path, e))?;
        Ok(value)
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

/// Loads a bank from a folder laid out like `assets/`: `bank.toml`, `criteria.toml`,
/// `questions/*.toml`, and `changelog.toml` and `recurring-controls.toml` when present. Each file
/// is read as any other the user chose (bounded, regular files only).
pub fn load_bank_dir(dir: &Path) -> std::result::Result<Bank, BankError> {
    let problem = |relative: &str, reason: String| BankError {
        problems: vec![BankProblem {
            file: relative.to_string(),
            question: None,
            reason,
        }],
    };
    let read = |relative: &str| -> std::result::Result<(String, String), BankError> {
        let path = dir.join(relative);
        let bytes = read(&path).map_err(|e| problem(relative, format!("cannot read {e}")))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| problem(relative, format!("{} is not UTF-8 text", path.display())))?;
        Ok((relative.to_string(), text))
    };
    let mut files = vec![read("bank.toml")?, read("criteria.toml")?];
    // A customised bank may have no history of its own, nor recurring controls to propose.
    for optional in ["changelog.toml", "recurring-controls.toml"] {
        if dir.join(optional).exists() {
            files.push(read(optional)?);
        }
    }
    let question_dir = dir.join("questions");
    let entries = std::fs::read_dir(&question_dir).map_err(|e| {
        problem(
            "questions/",
            format!("cannot read {}: {e}", question_dir.display()),
        )
    })?;
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".toml"))
        .collect();
    names.sort();
    for name in names {
        files.push(read(&format!("questions/{name}"))?);
    }
    parse_bank(&files)
}
