//! The PDF export: render with the stored settings, write atomically, open it in the system viewer.

use chrono::Utc;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::error::{CommandError, CommandResult};
use crate::models::ExportedReport;
use crate::state::AppState;

#[tauri::command(async)]
pub fn export_report<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    path: String,
    open: bool,
) -> CommandResult<ExportedReport> {
    let report = state.with(|ws| {
        let settings = ws.report_settings(Utc::now())?;
        ws.report(&id, &settings)
    })?;
    crate::files::write_atomically(&path, &report.bytes)?;
    if open {
        app.opener().open_path(&path, None::<&str>).map_err(|e| {
            CommandError::new(
                "file",
                format!("the report was saved to {path}, but it could not be opened: {e}"),
            )
        })?;
    }
    Ok(ExportedReport {
        path,
        pages: report.page_count,
        bytes: report.bytes.len(),
    })
}
