//! What the shell holds while it runs: the workspace over the data file, or why it could not open.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use soc2_readiness::clock::Moment;
use soc2_readiness::data_file::{self, remember_choice};
use soc2_readiness::workspace::merge::WorkshopCopy;
use soc2_readiness::{ErrorKind, Workspace};

use zeroize::Zeroizing;

use crate::error::{CommandError, CommandResult};

pub struct AppState {
    open: Mutex<Opened>,
    /// The workshop copy last previewed, by its path: the merge that follows the preview takes
    /// it, so the file is read and its passphrase's key derived once, and what is merged is what
    /// was previewed.
    previewed_copy: Mutex<Option<(String, WorkshopCopy)>>,
    /// Whether a chosen data file is noted for the next start: not when the file was named by
    /// SOC2_READINESS_DB, nor in tests.
    remember_choice: bool,
}

/// The data file in use and the workspace over it, or why it could not be opened; kept under
/// one lock so a switch to another file is seen whole.
struct Opened {
    data_file: Option<PathBuf>,
    workspace: Result<Workspace, CommandError>,
    claim: Option<Claim>,
    /// The passphrase a protected file was opened with: opening it again after a restore needs
    /// it. Held in memory only, and wiped when dropped.
    passphrase: Option<Zeroizing<String>>,
}

/// An exclusive lock on `<data file>.lock`, held while the file is open in the app. The
/// single-instance plugin finds a running copy over the session bus; where a desktop has none,
/// this still keeps a second copy of the app from working on the same file.
struct Claim {
    _held: std::fs::File,
}

fn claim(data_file: &Path) -> Result<Option<Claim>, CommandError> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut name = data_file.as_os_str().to_owned();
    name.push(".lock");
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(false)
        .mode(0o600)
        .open(&name)
    else {
        // A folder that cannot take the lock file (read-only, say) cannot take changes either;
        // opening the data file says what is wrong with it.
        return Ok(None);
    };
    match file.try_lock() {
        Ok(()) => Ok(Some(Claim { _held: file })),
        Err(std::fs::TryLockError::WouldBlock) => Err(CommandError::new(
            ErrorKind::InUse,
            format!(
                "{} is open in another SOC 2 Readiness window; carry on there, or close that window and start again",
                data_file.display()
            ),
        )),
        Err(std::fs::TryLockError::Error(_)) => Ok(None),
    }
}

/// Claims the data file, then opens it (with `passphrase` when it is protected).
fn open_claimed(data_file: &Option<PathBuf>, passphrase: Option<Zeroizing<String>>) -> Opened {
    let claimed = match data_file {
        Some(path) => claim(path),
        None => Ok(None),
    };
    match claimed {
        Ok(claim) => Opened {
            data_file: data_file.clone(),
            workspace: open_workspace(data_file, passphrase.as_deref()),
            claim,
            passphrase,
        },
        Err(error) => Opened {
            data_file: data_file.clone(),
            workspace: Err(error),
            claim: None,
            passphrase: None,
        },
    }
}

fn open_workspace(
    data_file: &Option<PathBuf>,
    passphrase: Option<&String>,
) -> Result<Workspace, CommandError> {
    match data_file {
        None => Err(CommandError::new(
            ErrorKind::CannotOpen,
            "no home directory was found to keep the data file in",
        )),
        Some(path) => Workspace::open_with_passphrase(
            path,
            passphrase.map(|p| p.as_str()),
            Moment::read().now,
        )
        .map_err(CommandError::from),
    }
}

fn back_up_at_start(workspace: &Result<Workspace, CommandError>) {
    if let Ok(ws) = workspace {
        // A failed start backup must not stop the workshop; the daily one retries.
        let _ = ws.back_up_at_start(Moment::read().now);
    }
}

impl AppState {
    /// Opens the data file named by `SOC2_READINESS_DB`, else the one the user chose last, else
    /// the one in the platform data directory, and backs it up. A file that cannot be opened
    /// leaves the app running, reporting why, with the file untouched.
    pub fn open() -> AppState {
        let named = std::env::var_os("SOC2_READINESS_DB").map(PathBuf::from);
        let remember_choice = named.is_none();
        let data_file = data_file::locate(named).ok();
        AppState {
            remember_choice,
            ..AppState::open_at(data_file)
        }
    }

    /// Claims and opens `data_file` (backing it up), remembering no later choice.
    pub fn open_at(data_file: Option<PathBuf>) -> AppState {
        let opened = open_claimed(&data_file, None);
        back_up_at_start(&opened.workspace);
        AppState {
            open: Mutex::new(opened),
            previewed_copy: Mutex::new(None),
            remember_choice: false,
        }
    }

    /// A state over an existing workspace, for tests.
    pub fn with_workspace(workspace: Workspace) -> AppState {
        AppState {
            open: Mutex::new(Opened {
                data_file: workspace.data_file().map(PathBuf::from),
                workspace: Ok(workspace),
                claim: None,
                passphrase: None,
            }),
            previewed_copy: Mutex::new(None),
            remember_choice: false,
        }
    }

    pub fn startup_error(&self) -> Option<CommandError> {
        self.lock().workspace.as_ref().err().cloned()
    }

    pub fn data_file(&self) -> Option<PathBuf> {
        self.lock().data_file.clone()
    }

    pub fn is_read_only(&self) -> bool {
        self.lock()
            .workspace
            .as_ref()
            .is_ok_and(|ws| ws.is_read_only())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Opened> {
        // A panic while holding the lock would poison it; the data is still consistent because
        // every write is one SQLite transaction, so carry on with it.
        self.open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Keeps the workshop copy just previewed for the merge that follows.
    pub fn keep_previewed(&self, path: &str, copy: WorkshopCopy) {
        let mut kept = self
            .previewed_copy
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        *kept = Some((path.to_string(), copy));
    }

    /// The copy previewed from `path`, taken (a later merge reads the file again).
    pub fn take_previewed(&self, path: &str) -> Option<WorkshopCopy> {
        let mut kept = self
            .previewed_copy
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        match kept.take() {
            Some((kept_path, copy)) if kept_path == path => Some(copy),
            _ => None,
        }
    }

    /// Forgets a previewed copy: another data file, or the same one restored, starts afresh.
    fn forget_previewed(&self) {
        *self
            .previewed_copy
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// Runs `f` on the open workspace, or returns why there is none.
    /// A failure that does not say which file it met (a full disk, say) is told the data file.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Workspace) -> Result<T, soc2_readiness::Error>,
    ) -> CommandResult<T> {
        let opened = &mut *self.lock();
        match &mut opened.workspace {
            Ok(workspace) => f(workspace).map_err(|e| match &opened.data_file {
                Some(path) => e.in_file(path).into(),
                None => e.into(),
            }),
            Err(error) => Err(error.clone()),
        }
    }

    /// Switches to another data file (created when missing), opened with `passphrase` when it is
    /// protected. The current one stays open when the other cannot be opened (a protected file
    /// without its passphrase included), so a wrong choice costs nothing; choosing the file in
    /// use again with a passphrase opens it when it was waiting for one.
    pub fn use_data_file(&self, path: &Path, passphrase: Option<String>) -> CommandResult<()> {
        let passphrase = passphrase.map(Zeroizing::new);
        if !path.is_absolute() {
            return Err(CommandError::new(
                ErrorKind::InvalidInput,
                format!("'{}' is not a full path", path.display()),
            ));
        }
        let chosen = Some(path.to_path_buf());
        let mut opened = self.lock();
        if opened.data_file == chosen && opened.workspace.is_ok() {
            return Ok(());
        }
        let candidate = if opened.data_file == chosen {
            // Trying the same file again (once space is freed, say): the claim on it is ours.
            Opened {
                data_file: chosen.clone(),
                workspace: open_workspace(&chosen, passphrase.as_deref()),
                claim: opened.claim.take(),
                passphrase,
            }
        } else {
            open_claimed(&chosen, passphrase)
        };
        if let Err(error) = &candidate.workspace {
            let error = error.clone();
            if opened.data_file == chosen {
                opened.claim = candidate.claim;
            }
            return Err(error);
        }
        back_up_at_start(&candidate.workspace);
        *opened = candidate;
        drop(opened);
        self.forget_previewed();
        if self.remember_choice {
            // Not remembering only means the next start opens the default file again.
            let _ = remember_choice(path);
        }
        Ok(())
    }

    /// Closes the data file, replaces it with one of its backups (the current file is moved
    /// aside, never deleted) and opens it again. Only a listed backup is accepted.
    pub fn restore(&self, backup: &str) -> CommandResult<()> {
        let mut opened = self.lock();
        let Some(data_file) = opened.data_file.clone() else {
            return Err(CommandError::new(
                ErrorKind::CannotOpen,
                "there is no data file to restore into",
            ));
        };
        // Refused before the file is closed: a wrong choice costs nothing.
        let found = data_file::find_backup(&data_file, backup)?;
        // Dropping the workspace closes the connection before the file is moved.
        opened.workspace = Err(CommandError::new(
            ErrorKind::Unavailable,
            "the data file is being restored",
        ));
        let passphrase = opened.passphrase.as_deref().map(|p| p.as_str());
        let restored = data_file::restore(&data_file, found, passphrase, Moment::read().now);
        opened.workspace = open_workspace(&opened.data_file, opened.passphrase.as_deref());
        drop(opened);
        self.forget_previewed();
        restored.map(|_| ()).map_err(CommandError::from)
    }
}

impl AppState {
    /// True when the open data file is protected with a passphrase.
    pub fn is_protected(&self) -> bool {
        self.lock()
            .workspace
            .as_ref()
            .is_ok_and(|ws| ws.is_protected())
    }

    /// Protects the open data file, removes its protection (`new` is `None`) or changes its
    /// passphrase, and keeps the passphrase now in use for opening it again after a restore.
    pub fn protect(&self, current: Option<String>, new: Option<String>) -> CommandResult<()> {
        let current = current.map(Zeroizing::new);
        let new = new.map(Zeroizing::new);
        let opened = &mut *self.lock();
        let Ok(ws) = &mut opened.workspace else {
            return Err(CommandError::new(
                ErrorKind::Unavailable,
                "no data file is open to protect",
            ));
        };
        let now = Moment::read().now;
        match (current.as_deref(), new.as_deref()) {
            (None, Some(new)) => ws.protect(new, now),
            (Some(current), None) => ws.unprotect(current, now),
            (Some(current), Some(new)) => ws.change_passphrase(current, new, now),
            (None, None) => Ok(()),
        }
        .map_err(CommandError::from)?;
        opened.passphrase = new;
        Ok(())
    }
}
