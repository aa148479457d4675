//! Settings: assessor, page size and the report logo, kept in the data file.

use std::path::Path;

use soc2_readiness::workspace::Settings;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// The report settings (preparer, logo, page size).
#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> CommandResult<Settings> {
    state.with(|ws| ws.settings())
}

/// Saves the report settings.
#[tauri::command]
pub fn save_settings(state: State<'_, AppState>, settings: Settings) -> CommandResult<Settings> {
    state.with(|ws| ws.save_settings(&settings))
}

/// Reads the chosen image (or clears it with `None`) and stores it for report covers.
#[tauri::command(async)]
pub fn set_logo(state: State<'_, AppState>, path: Option<String>) -> CommandResult<Settings> {
    state.with(|ws| ws.set_logo_from(path.as_deref().map(Path::new)))
}
