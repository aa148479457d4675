//! What the shell holds while it runs: the workspace over the data file, or why it could not open.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::Utc;
use soc2_readiness::Workspace;
use soc2_readiness::catalog::bundled_bank;
use soc2_readiness::store::{Store, backup, default_path};

use crate::error::{CommandError, CommandResult};

pub struct AppState {
    workspace: Mutex<Result<Workspace, CommandError>>,
    pub data_file: Option<PathBuf>,
}

fn open_workspace(data_file: &Option<PathBuf>) -> Result<Workspace, CommandError> {
    match data_file {
        None => Err(CommandError::new(
            "cannot_open",
            "no home directory was found to keep the data file in",
        )),
        Some(path) => Store::open(path, Utc::now())
            .map(|store| Workspace::new(bundled_bank(), store))
            .map_err(|e| CommandError::from(soc2_readiness::Error::from(e))),
    }
}

impl AppState {
    /// Opens the data file named by `SOC2_READINESS_DB`, else the one in the platform data
    /// directory, and backs it up. A file that cannot be opened leaves the app running,
    /// reporting why, with the file untouched.
    pub fn open() -> AppState {
        let data_file = std::env::var_os("SOC2_READINESS_DB")
            .map(PathBuf::from)
            .or_else(default_path);
        let workspace = open_workspace(&data_file);
        if let Ok(ws) = &workspace
            && ws
                .store
                .list_assessments()
                .is_ok_and(|list| !list.is_empty())
        {
            // A failed start backup must not stop the workshop; the daily one retries.
            let _ = ws.store.back_up("start", Utc::now());
        }
        AppState {
            workspace: Mutex::new(workspace),
            data_file,
        }
    }

    /// A state over an existing workspace, for tests.
    pub fn with_workspace(workspace: Workspace) -> AppState {
        AppState {
            data_file: workspace.store.location().map(PathBuf::from),
            workspace: Mutex::new(Ok(workspace)),
        }
    }

    pub fn startup_error(&self) -> Option<CommandError> {
        self.lock().as_ref().err().cloned()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Result<Workspace, CommandError>> {
        // A panic while holding the lock would poison it; the data is still consistent because
        // every write is one SQLite transaction, so carry on with it.
        self.workspace
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` on the open workspace, or returns why there is none.
    pub fn with<T>(&self, f: impl FnOnce(&mut Workspace) -> CommandResult<T>) -> CommandResult<T> {
        match &mut *self.lock() {
            Ok(workspace) => f(workspace),
            Err(error) => Err(error.clone()),
        }
    }

    /// Closes the data file, replaces it with `backup` (the current file is moved aside, never
    /// deleted) and opens it again.
    pub fn restore(&self, backup: &Path) -> CommandResult<()> {
        let Some(data_file) = self.data_file.clone() else {
            return Err(CommandError::new(
                "cannot_open",
                "there is no data file to restore into",
            ));
        };
        let mut guard = self.lock();
        // Dropping the workspace closes the connection before the file is moved.
        *guard = Err(CommandError::new(
            "unavailable",
            "the data file is being restored",
        ));
        let restored = backup::restore(backup, &data_file, Utc::now())
            .map_err(|e| CommandError::from(soc2_readiness::Error::from(e)));
        *guard = open_workspace(&self.data_file);
        restored.map(|_| ())
    }
}
