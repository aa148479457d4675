//! What the shell holds while it runs: the workspace over the data file, or why it could not open.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use soc2_readiness::Workspace;
use soc2_readiness::catalog::bundled_bank;
use soc2_readiness::store::{Store, default_path};

use crate::error::{CommandError, CommandResult};

pub struct AppState {
    workspace: Result<Mutex<Workspace>, CommandError>,
    pub data_file: Option<PathBuf>,
}

impl AppState {
    /// Opens the data file named by `SOC2_READINESS_DB`, else the one in the platform data
    /// directory. A file that cannot be opened leaves the app running, reporting why.
    pub fn open() -> AppState {
        let data_file = std::env::var_os("SOC2_READINESS_DB")
            .map(PathBuf::from)
            .or_else(default_path);
        let workspace = match &data_file {
            None => Err(CommandError::new(
                "cannot_open",
                "no home directory was found to keep the data file in",
            )),
            Some(path) => Store::open(path)
                .map(|store| Mutex::new(Workspace::new(bundled_bank(), store)))
                .map_err(|e| CommandError::from(soc2_readiness::Error::from(e))),
        };
        AppState {
            workspace,
            data_file,
        }
    }

    /// A state over an existing workspace, for tests.
    pub fn with_workspace(workspace: Workspace) -> AppState {
        AppState {
            data_file: workspace.store.location().map(PathBuf::from),
            workspace: Ok(Mutex::new(workspace)),
        }
    }

    pub fn startup_error(&self) -> Option<CommandError> {
        self.workspace.as_ref().err().cloned()
    }

    pub fn workspace(&self) -> CommandResult<MutexGuard<'_, Workspace>> {
        let mutex = self.workspace.as_ref().map_err(Clone::clone)?;
        // A panic while holding the lock would poison it; the data is still consistent because
        // every write is one SQLite transaction, so carry on with it.
        Ok(mutex
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()))
    }
}
