//! Where the CLI takes a passphrase from: a file's first line, an environment variable, or a prompt without echo.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use soc2_readiness::protect::{self, ProtectError};
use soc2_readiness::{Error, files};
use zeroize::Zeroizing;

/// Scripts set it; an interactive user is asked instead, so the passphrase stays out of the
/// shell history.
const ENV: &str = "SOC2_PASSPHRASE";

/// The data file's own passphrase, apart from an export's: a consultant may share an export's
/// passphrase with a client and keep the data file's to themselves.
pub const DB_ENV: &str = "SOC2_DB_PASSPHRASE";

/// The new passphrase of `change-passphrase`.
pub const NEW_DB_ENV: &str = "SOC2_NEW_DB_PASSPHRASE";

#[derive(clap::Args)]
pub struct Source {
    /// Read the passphrase of a protected file from the first line of FILE (else from
    /// SOC2_PASSPHRASE, else it is asked for without echo on a terminal).
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
}

impl Source {
    /// The passphrase for a new protected export; typed twice at a prompt, so a typo does not
    /// lock the file for good.
    pub fn new_passphrase(&self) -> Result<Zeroizing<String>, Error> {
        self.take(true)
    }

    /// An exported file's bytes, opened with the passphrase when it is protected; a plain file
    /// asks for nothing.
    pub fn read_export(&self, path: &Path) -> Result<Vec<u8>, Error> {
        let bytes = files::read(path)?;
        if !protect::is_protected(&bytes) {
            return Ok(bytes);
        }
        let passphrase = self.take(false)?;
        Ok(protect::open(&bytes, &passphrase)?)
    }

    fn take(&self, confirm: bool) -> Result<Zeroizing<String>, Error> {
        let taken = take(
            self.passphrase_file.as_deref(),
            ENV,
            "Passphrase: ",
            confirm,
        )?;
        taken.ok_or_else(|| {
            if confirm {
                Error::Invalid(format!(
                    "--protect needs a passphrase: give --passphrase-file FILE or {ENV}, or run in a terminal to type it"
                ))
            } else {
                ProtectError::NeedsPassphrase.into()
            }
        })
    }
}

/// A passphrase from `file`'s first line, else the environment variable `env`, else typed at a
/// prompt (twice when `confirm`, so a typo does not lock a file for good); `None` when there is
/// no file, no variable and no terminal to ask on.
pub fn take(
    file: Option<&Path>,
    env: &str,
    prompt_text: &str,
    confirm: bool,
) -> Result<Option<Zeroizing<String>>, Error> {
    if let Some(path) = file {
        let bytes = Zeroizing::new(files::read(path).map_err(|e| off_disk_hint(e, path, env))?);
        let text = std::str::from_utf8(&bytes).map_err(|_| Error::File {
            path: path.display().to_string(),
            reason: "the passphrase file is not UTF-8 text".into(),
        })?;
        return Ok(Some(Zeroizing::new(
            text.lines().next().unwrap_or_default().to_string(),
        )));
    }
    if let Some(value) = std::env::var_os(env) {
        let value = value
            .into_string()
            .map_err(|_| Error::Invalid(format!("{env} is not UTF-8 text")))?;
        return Ok(Some(Zeroizing::new(value)));
    }
    if !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    let first = prompt(prompt_text)?;
    if confirm && *prompt("Passphrase again: ")? != *first {
        return Err(Error::Invalid(
            "the two passphrases differ; nothing was written".into(),
        ));
    }
    Ok(Some(first))
}

fn prompt(text: &str) -> Result<Zeroizing<String>, Error> {
    rpassword::prompt_password(text)
        .map(Zeroizing::new)
        .map_err(|e| Error::Invalid(format!("cannot read the passphrase: {e}")))
}

/// A passphrase file that is a pipe (`<(pass show …)`, `/dev/stdin`) is refused like every file
/// that is not a regular one; the refusal says how to keep the passphrase off disk instead.
fn off_disk_hint(error: Error, path: &Path, env: &str) -> Error {
    let what = match files::NotAFile::at(path) {
        Some(files::NotAFile::Pipe) => "a pipe",
        Some(files::NotAFile::Device) => "a device",
        _ => return error,
    };
    match error {
        Error::File { path, .. } => Error::File {
            path,
            reason: format!(
                "it is {what}, not a file; to keep the passphrase off disk, set {env} or type it at the prompt"
            ),
        },
        other => other,
    }
}
