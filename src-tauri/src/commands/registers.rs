//! The registers (vendors, policies, incidents, risks, people, changes) of an assessment's organisation: rows, fields, changes, history, a CSV import and the company's limits.

use soc2_readiness::clock::Moment;
use soc2_readiness::data_file;
use soc2_readiness::registers::{
    ChangeRow, FieldInfo, Limits, Query, RecordError, Register, RegisterRow, field_infos,
};
use soc2_readiness::workspace::{CsvImport, CsvImportRequest, KeptLimits};
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandResult;
use crate::events::programme_changed;
use crate::state::AppState;

/// Every row of the register (archived ones too; the table filters), judged as of today.
#[tauri::command]
pub fn list_register(
    state: State<'_, AppState>,
    id: String,
    register: Register,
) -> CommandResult<Vec<RegisterRow>> {
    let query = Query {
        archived: true,
        ..Query::default()
    };
    let today = Moment::read().today;
    state.with(|ws| ws.register_rows(&id, register, &query, today))
}

/// The fields of a register's entries, in the order a form asks for them.
#[tauri::command]
pub fn register_fields(register: Register) -> Vec<FieldInfo> {
    field_infos(register)
}

/// Every problem with an entry as the form holds it, each naming its field; empty when saving
/// would keep it.
#[tauri::command]
pub fn check_register_entry(
    state: State<'_, AppState>,
    id: String,
    register: Register,
    fields: Vec<(String, String)>,
) -> CommandResult<Vec<RecordError>> {
    let today = Moment::read().today;
    state.with(|ws| ws.register_problems(&id, register, &fields, today))
}

#[tauri::command]
pub fn add_register_entry<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    register: Register,
    fields: Vec<(String, String)>,
) -> CommandResult<RegisterRow> {
    let new_id = data_file::new_id();
    let written =
        state.with(|ws| ws.add_entry_from_text(&id, register, &new_id, &fields, Moment::read()));
    programme_changed(&app, &id, written)
}

#[tauri::command]
pub fn edit_register_entry<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    register: Register,
    entry: String,
    fields: Vec<(String, String)>,
) -> CommandResult<RegisterRow> {
    let written =
        state.with(|ws| ws.edit_entry_from_text(&id, register, &entry, &fields, Moment::read()));
    programme_changed(&app, &id, written)
}

#[tauri::command]
pub fn set_register_entry_archived<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    register: Register,
    entry: String,
    archived: bool,
) -> CommandResult<()> {
    let written =
        state.with(|ws| ws.set_archived_in(&id, register, &entry, archived, Moment::read().now));
    programme_changed(&app, &id, written)
}

#[tauri::command]
pub fn delete_register_entry<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    register: Register,
    entry: String,
) -> CommandResult<()> {
    let written = state.with(|ws| ws.delete_in(&id, register, &entry, Moment::read().now));
    programme_changed(&app, &id, written)
}

/// One entry's changes, oldest first (a deleted entry's too).
#[tauri::command]
pub fn register_entry_history(
    state: State<'_, AppState>,
    id: String,
    register: Register,
    entry: String,
) -> CommandResult<Vec<ChangeRow>> {
    state.with(|ws| {
        let history = ws.register_history(&id, register, Some(&entry))?;
        Ok(history.iter().map(ChangeRow::from).collect())
    })
}

/// The company's limits the people register is judged against, and whether it set them.
#[tauri::command]
pub fn get_limits(state: State<'_, AppState>, id: String) -> CommandResult<KeptLimits> {
    state.with(|ws| ws.limits(&id))
}

/// Keeps the company's limits (`None`: back to the usual ones); one out of range is refused by
/// its field (`access_removal_days`, `training_days`, `acknowledgement_days`).
#[tauri::command]
pub fn set_limits<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    limits: Option<Limits>,
) -> CommandResult<KeptLimits> {
    let written = state.with(|ws| ws.set_limits(&id, limits));
    programme_changed(&app, &id, written)
}

/// Reads another tool's CSV at `path` as rows of the register and shows what each column fills,
/// what would be added or updated and every problem by line; with `write` and no problem, keeps
/// every row in one transaction. `mapping` names a column's field as (heading, field), an empty
/// field leaving the column out.
#[tauri::command(async)]
pub fn import_register_csv<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    register: Register,
    path: String,
    mapping: Vec<(String, String)>,
    write: bool,
) -> CommandResult<CsvImport> {
    let request = CsvImportRequest {
        register,
        file: std::path::Path::new(&path),
        mapping,
        write,
    };
    let done =
        state.with(|ws| ws.import_register_csv(&id, &request, Moment::read(), data_file::new_id));
    match &done {
        Ok(result) if result.written => programme_changed(&app, &id, done),
        _ => done,
    }
}
