//! Commands for question modules: list the kept ones, add a file, attach or drop one on an assessment, and an assessment's own bank.

use std::path::Path;

use soc2_readiness::catalog::{Bank, ModuleRef};
use soc2_readiness::clock::Moment;
use soc2_readiness::workspace::ModuleInfo;
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandResult;
use crate::events::assessment_changed;
use crate::state::AppState;

/// Every question module version kept in the data file.
#[tauri::command]
pub fn list_modules(state: State<'_, AppState>) -> CommandResult<Vec<ModuleInfo>> {
    state.with(|ws| ws.modules())
}

/// Checks a module file and keeps it in the data file.
#[tauri::command]
pub fn add_module(state: State<'_, AppState>, path: String) -> CommandResult<ModuleInfo> {
    state.with(|ws| ws.add_module(Path::new(&path), Moment::read().now))
}

/// Attaches a kept module (its newest version unless one is named) or moves to another version.
#[tauri::command]
pub fn use_module<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    module: String,
    version: Option<String>,
) -> CommandResult<ModuleRef> {
    let written =
        state.with(|ws| ws.use_module(&id, &module, version.as_deref(), Moment::read().now));
    assessment_changed(&app, &id, written)
}

/// Detaches a module; its answers stay in the history.
#[tauri::command]
pub fn drop_module<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    module: String,
) -> CommandResult<()> {
    let written = state.with(|ws| ws.drop_module(&id, &module, Moment::read().now));
    assessment_changed(&app, &id, written)
}

/// The bank with the assessment's modules: what its questionnaire shows.
#[tauri::command]
pub fn get_assessment_bank(state: State<'_, AppState>, id: String) -> CommandResult<Bank> {
    state.with(|ws| ws.assessment_bank(&id))
}
