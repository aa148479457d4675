//! The control calendar: the calendar and observation period as of today, adopting a control, recording a check with its evidence file, withdrawing one.

use std::path::Path;

use chrono::Utc;
use soc2_readiness::calendar::{AdoptedControl, Calendar, CheckEntry, Observation};
use soc2_readiness::workspace::{AdoptRequest, CheckRequest, VoidRequest};
use soc2_readiness::{data_file, files};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command]
pub fn get_calendar(state: State<'_, AppState>, id: String) -> CommandResult<Calendar> {
    state.with(|ws| ws.calendar(&id, today()))
}

#[tauri::command]
pub fn get_observation(state: State<'_, AppState>, id: String) -> CommandResult<Observation> {
    state.with(|ws| ws.observation(&id, today()))
}

/// The check log, oldest first.
#[tauri::command]
pub fn list_checks(state: State<'_, AppState>, id: String) -> CommandResult<Vec<CheckEntry>> {
    state.with(|ws| Ok(ws.check_log(&id)?.checks))
}

#[tauri::command]
pub fn adopt_control(
    state: State<'_, AppState>,
    id: String,
    request: AdoptRequest,
) -> CommandResult<AdoptedControl> {
    state.with(|ws| ws.adopt_control(&id, &request, Utc::now()))
}

/// Records a run; `file` is the path of an evidence file to keep in the data file.
#[tauri::command(async)]
pub fn record_check(
    state: State<'_, AppState>,
    id: String,
    mut request: CheckRequest,
    file: Option<String>,
) -> CommandResult<CheckEntry> {
    state.with(|ws| {
        if let Some(path) = file.as_deref().map(Path::new) {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            request.file = Some((name.unwrap_or_default(), files::read(path)?));
        }
        ws.record_check(&id, &data_file::new_id(), &request, today(), Utc::now())
    })
}

/// Withdraws a mistaken entry by a later one that voids it; both stay in the log.
#[tauri::command]
pub fn void_check(
    state: State<'_, AppState>,
    id: String,
    request: VoidRequest,
) -> CommandResult<CheckEntry> {
    state.with(|ws| ws.void_check(&id, &data_file::new_id(), &request, today(), Utc::now()))
}
