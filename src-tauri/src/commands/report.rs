//! The PDF export: render with the stored settings, write atomically, open it in the system viewer or show its folder.

use std::path::Path;

use soc2_readiness::ErrorKind;
use soc2_readiness::clock::Moment;
use soc2_readiness::workspace::ReportOptions;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::error::{CommandError, CommandResult};
use crate::models::ExportedReport;
use crate::state::AppState;

/// Renders the gap-analysis PDF with the stored settings (with the system description as its
/// last appendix when `description` is true) and writes it to `path`; `open` shows it in the
/// system viewer.
#[tauri::command(async)]
pub fn export_report<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    path: String,
    open: bool,
    description: Option<bool>,
) -> CommandResult<ExportedReport> {
    let report = state.with(|ws| {
        ws.write_report(
            &id,
            Path::new(&path),
            ReportOptions {
                description: description.unwrap_or(false),
                ..ReportOptions::default()
            },
            Moment::read(),
        )
    })?;
    // Saved is what matters; a machine without a PDF viewer is not an error to show raw.
    let opened = open && app.opener().open_path(&path, None::<&str>).is_ok();
    Ok(ExportedReport {
        path,
        pages: report.page_count,
        bytes: report.bytes.len(),
        opened,
    })
}

/// Shows a saved file in the system's file manager.
#[tauri::command(async)]
pub fn show_in_folder<R: Runtime>(app: AppHandle<R>, path: String) -> CommandResult<()> {
    app.opener().reveal_item_in_dir(&path).map_err(|_| {
        CommandError::new(
            ErrorKind::File,
            format!("no file manager could show the folder; the file is at {path}"),
        )
    })
}
