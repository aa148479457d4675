//! Commands about the app itself: version, data file, the question bank, backups.

use std::path::PathBuf;

use soc2_readiness::catalog::Bank;
use soc2_readiness::clock::Moment;
use soc2_readiness::data_file::{self, BackupInfo};
use tauri::State;

use crate::error::CommandResult;
use crate::models::AppInfo;
use crate::state::AppState;

/// The app's version, its bank's version and the data file in use.
#[tauri::command]
pub fn get_app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        // The open workspace's bank; parsing the bundled one again only when no file is open.
        bank_version: state
            .with(|ws| Ok(ws.bank().version.clone()))
            .unwrap_or_else(|_| soc2_readiness::catalog::bundled_bank().version),
        data_file: state.data_file().map(|p| p.display().to_string()),
        read_only: state.is_read_only(),
        protected: state.is_protected(),
        startup_error: state.startup_error(),
    }
}

/// The question bank of the open data file.
#[tauri::command]
pub fn get_bank(state: State<'_, AppState>) -> CommandResult<Bank> {
    state.with(|ws| Ok(ws.bank().clone()))
}

/// The backups of the data file, newest first; available even when the file cannot be opened.
#[tauri::command]
pub fn list_backups(state: State<'_, AppState>) -> CommandResult<Vec<BackupInfo>> {
    match state.data_file() {
        Some(data_file) => Ok(data_file::backups(&data_file)?),
        None => Ok(Vec::new()),
    }
}

/// Takes a backup of the data file now.
#[tauri::command(async)]
pub fn back_up_now(state: State<'_, AppState>) -> CommandResult<BackupInfo> {
    state.with(|ws| ws.back_up("manual", Moment::read().now))
}

/// Restores one of the listed backups; any other path is refused.
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, AppState>, path: String) -> CommandResult<()> {
    state.restore(&path)
}

/// Opens another data file (an existing one, or a new one at a path the user chose) in place of
/// the current one, and remembers the choice for the next start. A protected file needs its
/// `passphrase` (`needs_passphrase` without one); the file in use with one opens it when it was
/// waiting for it.
#[tauri::command(async)]
pub fn use_data_file(
    state: State<'_, AppState>,
    path: String,
    passphrase: Option<String>,
) -> CommandResult<AppInfo> {
    state.use_data_file(&PathBuf::from(path), passphrase)?;
    Ok(get_app_info(state))
}
