//! Commands about the app itself: version, data file, the question bank, backups.

use std::path::PathBuf;

use chrono::Utc;
use soc2_readiness::catalog::Bank;
use soc2_readiness::store::backup::{self, BackupInfo};
use tauri::State;

use crate::error::{CommandError, CommandResult};
use crate::models::AppInfo;
use crate::state::AppState;

#[tauri::command]
pub fn get_app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        bank_version: soc2_readiness::catalog::bundled_bank().version,
        data_file: state.data_file().map(|p| p.display().to_string()),
        read_only: state.is_read_only(),
        startup_error: state.startup_error(),
    }
}

#[tauri::command]
pub fn get_bank(state: State<'_, AppState>) -> CommandResult<Bank> {
    state.with(|ws| Ok(ws.bank.clone()))
}

/// The backups of the data file, newest first; available even when the file cannot be opened.
#[tauri::command]
pub fn list_backups(state: State<'_, AppState>) -> CommandResult<Vec<BackupInfo>> {
    let Some(data_file) = state.data_file() else {
        return Ok(Vec::new());
    };
    backup::list(&data_file).map_err(|e| soc2_readiness::Error::from(e).into())
}

#[tauri::command(async)]
pub fn back_up_now(state: State<'_, AppState>) -> CommandResult<BackupInfo> {
    state.with(|ws| {
        ws.store
            .back_up("manual", Utc::now())
            .map_err(soc2_readiness::Error::from)
    })
}

/// Restores one of the listed backups; any other path is refused.
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, AppState>, path: String) -> CommandResult<()> {
    let Some(data_file) = state.data_file() else {
        return Err(CommandError::new(
            "cannot_open",
            "there is no data file to restore into",
        ));
    };
    let known = backup::list(&data_file)
        .map_err(soc2_readiness::Error::from)?
        .into_iter()
        .any(|b| b.path == path);
    if !known {
        return Err(CommandError::new(
            "invalid_input",
            format!("{path} is not one of this data file's backups"),
        ));
    }
    state.restore(&PathBuf::from(path))
}

/// Opens another data file (an existing one, or a new one at a path the user chose) in place of
/// the current one, and remembers the choice for the next start.
#[tauri::command(async)]
pub fn use_data_file(state: State<'_, AppState>, path: String) -> CommandResult<AppInfo> {
    state.use_data_file(&PathBuf::from(path))?;
    Ok(get_app_info(state))
}
