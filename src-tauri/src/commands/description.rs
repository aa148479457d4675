//! The system description: the draft with the company's versions laid over it, saving a section's text (or returning it to the draft), its versions, and writing it as DOCX or Markdown.

use std::path::Path;

use soc2_readiness::clock::Moment;
use soc2_readiness::description::{
    DescriptionFormat, SectionId, SectionVersion, SystemDescription,
};
use soc2_readiness::workspace::WrittenDescription;
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandResult;
use crate::events::programme_changed;
use crate::state::AppState;

/// The description as of today, for the observation period chosen in step 1.
#[tauri::command(async)]
pub fn get_system_description(
    state: State<'_, AppState>,
    id: String,
) -> CommandResult<SystemDescription> {
    let today = Moment::read().today;
    state.with(|ws| ws.system_description(&id, today))
}

/// Saves the company's text of a section as a new version (`text: null` returns it to the
/// draft); an empty or overlong text is refused on `text`.
#[tauri::command(async)]
pub fn save_description_section<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    section: SectionId,
    text: Option<String>,
) -> CommandResult<SystemDescription> {
    let moment = Moment::read();
    let saved = state.with(|ws| ws.save_description_section(&id, section, text.as_deref(), moment));
    programme_changed(&app, &id, saved)
}

/// Every version saved of a section, oldest first.
#[tauri::command(async)]
pub fn description_history(
    state: State<'_, AppState>,
    id: String,
    section: SectionId,
) -> CommandResult<Vec<SectionVersion>> {
    state.with(|ws| ws.description_history(&id, section))
}

/// Writes the description to `path` (DOCX or Markdown, by `format` or the file's extension),
/// with each statement's sources numbered unless `sources` is false.
#[tauri::command(async)]
pub fn write_description(
    state: State<'_, AppState>,
    id: String,
    path: String,
    format: Option<DescriptionFormat>,
    sources: bool,
) -> CommandResult<WrittenDescription> {
    let moment = Moment::read();
    state.with(|ws| ws.write_description(&id, Path::new(&path), format, sources, moment))
}
