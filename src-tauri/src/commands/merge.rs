//! Merging a workshop copy (an exported JSON file) into an assessment: the preview, then the merge with the choices made.

use soc2_readiness::clock::Moment;
use std::path::Path;

use soc2_readiness::files;
use soc2_readiness::merge::{MergeChoices, MergePlan};
use soc2_readiness::workspace::merge::MergeOutcome;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// What merging the file would do; nothing is written. A protected file without its passphrase
/// fails with `needs_passphrase`, so the UI asks.
#[tauri::command(async)]
pub fn preview_merge(
    state: State<'_, AppState>,
    id: String,
    path: String,
    passphrase: Option<String>,
    unrelated: bool,
) -> CommandResult<MergePlan> {
    // Read (and opened, which takes the key derivation's time) before the workspace is locked.
    let bytes = files::read_export(Path::new(&path), passphrase.as_deref())?;
    state.with(|ws| ws.preview_merge(&id, &bytes, unrelated))
}

/// Merges the file after a backup; an unchosen conflict writes nothing.
#[tauri::command(async)]
pub fn merge_assessment(
    state: State<'_, AppState>,
    id: String,
    path: String,
    passphrase: Option<String>,
    choices: MergeChoices,
) -> CommandResult<MergeOutcome> {
    let passphrase = passphrase.as_deref();
    state.with(|ws| {
        ws.merge_from(
            &id,
            Path::new(&path),
            passphrase,
            &choices,
            Moment::read().now,
        )
    })
}
