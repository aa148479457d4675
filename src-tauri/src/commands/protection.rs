//! Commands that protect the open data file with a passphrase, change it, or remove it.

use tauri::State;

use crate::error::CommandResult;
use crate::models::AppInfo;
use crate::state::AppState;

/// Protects the plain data file with `passphrase`, after a backup.
#[tauri::command(async)]
pub fn protect_data_file(state: State<'_, AppState>, passphrase: String) -> CommandResult<AppInfo> {
    state.protect(None, Some(passphrase))?;
    Ok(super::app::get_app_info(state))
}

/// Writes the protected data file plain again; `passphrase` must be its passphrase.
#[tauri::command(async)]
pub fn unprotect_data_file(
    state: State<'_, AppState>,
    passphrase: String,
) -> CommandResult<AppInfo> {
    state.protect(Some(passphrase), None)?;
    Ok(super::app::get_app_info(state))
}

/// Protects the data file with `next` in place of `current`, after a backup.
#[tauri::command(async)]
pub fn change_data_file_passphrase(
    state: State<'_, AppState>,
    current: String,
    next: String,
) -> CommandResult<AppInfo> {
    state.protect(Some(current), Some(next))?;
    Ok(super::app::get_app_info(state))
}
