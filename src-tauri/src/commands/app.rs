//! Commands about the app itself: version, data file, the question bank.

use soc2_readiness::catalog::Bank;
use tauri::State;

use crate::error::CommandResult;
use crate::models::AppInfo;
use crate::state::AppState;

#[tauri::command]
pub fn get_app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        bank_version: soc2_readiness::catalog::bundled_bank().version,
        data_file: state.data_file.as_ref().map(|p| p.display().to_string()),
        startup_error: state.startup_error(),
    }
}

#[tauri::command]
pub fn get_bank(state: State<'_, AppState>) -> CommandResult<Bank> {
    Ok(state.workspace()?.bank.clone())
}
