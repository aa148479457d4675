//! Merging a workshop copy (an exported JSON file) into an assessment: the preview, then the merge with the choices made.

use std::path::Path;

use chrono::Utc;
use soc2_readiness::files;
use soc2_readiness::merge::{MergeChoices, MergePlan};
use soc2_readiness::workspace::merge::MergeOutcome;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// What merging the file would do; nothing is written.
#[tauri::command(async)]
pub fn preview_merge(
    state: State<'_, AppState>,
    id: String,
    path: String,
    unrelated: bool,
) -> CommandResult<MergePlan> {
    state.with(|ws| ws.preview_merge(&id, &files::read(Path::new(&path))?, unrelated))
}

/// Merges the file after a backup; an unchosen conflict writes nothing.
#[tauri::command(async)]
pub fn merge_assessment(
    state: State<'_, AppState>,
    id: String,
    path: String,
    choices: MergeChoices,
) -> CommandResult<MergeOutcome> {
    state.with(|ws| ws.merge_from(&id, Path::new(&path), &choices, Utc::now()))
}
