//! The spreadsheet export: the gap register, roadmap, plan, answers and registers as a workbook or CSV files.

use std::path::Path;

use soc2_readiness::clock::Moment;
use soc2_readiness::spreadsheet::{SpreadsheetFormat, TableKind, WrittenSpreadsheet};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// `format` defaults to the one the file's extension names, and to XLSX for any other name:
/// a save dialog lets people type whatever name they like. No `tables` is the default export:
/// the assessment's tables and each register that holds an entry.
#[tauri::command(async)]
pub fn export_spreadsheet(
    state: State<'_, AppState>,
    id: String,
    path: String,
    format: Option<SpreadsheetFormat>,
    tables: Option<Vec<TableKind>>,
) -> CommandResult<WrittenSpreadsheet> {
    let path = Path::new(&path);
    let format = format
        .or_else(|| SpreadsheetFormat::from_path(path))
        .unwrap_or(SpreadsheetFormat::Xlsx);
    let today = Moment::read().today;
    state.with(|ws| {
        let tables = match tables {
            Some(tables) => tables,
            None => ws.default_spreadsheet_tables(&id)?,
        };
        ws.write_spreadsheet(&id, path, format, &tables, today)
    })
}
