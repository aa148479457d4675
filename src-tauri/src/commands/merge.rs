//! Merging a workshop copy (an exported JSON file) into an assessment: the preview, then the merge with the choices made.

use std::path::Path;

use soc2_readiness::clock::Moment;
use soc2_readiness::merge::{MergeChoices, MergePlan};
use soc2_readiness::workspace::merge::{MergeOutcome, WorkshopCopy};
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandResult;
use crate::events::assessment_changed;
use crate::state::AppState;

/// What merging a workshop copy (an exported file) into the assessment would do; nothing is written. A protected file without its passphrase
/// fails with `needs_passphrase`, so the UI asks. The opened copy is kept for the merge.
#[tauri::command(async)]
pub fn preview_merge(
    state: State<'_, AppState>,
    id: String,
    path: String,
    unrelated: bool,
    passphrase: Option<String>,
) -> CommandResult<MergePlan> {
    // Read (and opened, which takes the key derivation's time) before the workspace is locked.
    let copy = WorkshopCopy::open(Path::new(&path), passphrase.as_deref())?;
    let plan = state.with(|ws| ws.preview_merge(&id, &copy, unrelated))?;
    state.keep_previewed(&path, copy);
    Ok(plan)
}

/// Merges the file previewed (or the file at `path`, read now) after a backup; an unchosen
/// conflict writes nothing.
#[tauri::command(async)]
pub fn merge_assessment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    path: String,
    choices: MergeChoices,
    passphrase: Option<String>,
) -> CommandResult<MergeOutcome> {
    let copy = match state.take_previewed(&path) {
        Some(copy) => copy,
        None => WorkshopCopy::open(Path::new(&path), passphrase.as_deref())?,
    };
    let outcome = state.with(|ws| ws.merge(&id, &copy, &choices, Moment::read().now));
    if outcome.is_err() {
        // Refused (a conflict left unchosen): the next try merges the same copy.
        state.keep_previewed(&path, copy);
    }
    assessment_changed(&app, &id, outcome)
}
