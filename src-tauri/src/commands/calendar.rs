//! The control calendar: the calendar and observation period as of today, adopting a control, recording a check with its evidence file, withdrawing one, the populations of a period with their samples, and the evidence binder of a period.

use std::path::{Path, PathBuf};

use soc2_readiness::binder::WrittenBinder;
use soc2_readiness::calendar::{AdoptedControl, Calendar, CheckEntry, Observation};
use soc2_readiness::clock::Moment;
use soc2_readiness::data_file;
use soc2_readiness::workspace::{
    AdoptRequest, BinderRequest, CheckRequest, SamplesView, VoidRequest,
};
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandResult;
use crate::events::programme_changed;
use crate::state::AppState;

/// The control calendar as of today: adopted controls with next due dates, and proposals.
#[tauri::command]
pub fn get_calendar(state: State<'_, AppState>, id: String) -> CommandResult<Calendar> {
    state.with(|ws| ws.calendar(&id, Moment::read().today))
}

/// The observation period as of today: each control's expected runs and the exceptions.
#[tauri::command]
pub fn get_observation(state: State<'_, AppState>, id: String) -> CommandResult<Observation> {
    state.with(|ws| ws.observation(&id, Moment::read().today))
}

/// The check log, oldest first.
#[tauri::command]
pub fn list_checks(state: State<'_, AppState>, id: String) -> CommandResult<Vec<CheckEntry>> {
    state.with(|ws| Ok(ws.check_log(&id)?.checks))
}

#[tauri::command]
pub fn adopt_control<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    request: AdoptRequest,
) -> CommandResult<AdoptedControl> {
    let written = state.with(|ws| ws.adopt_control(&id, &request, Moment::read().now));
    programme_changed(&app, &id, written)
}

/// Retires an adopted control: no run is expected any more; its checks stay in the log, and
/// adopting it again resumes it.
#[tauri::command]
pub fn retire_control<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    control: String,
) -> CommandResult<()> {
    let written = state.with(|ws| ws.archive_control(&id, &control));
    programme_changed(&app, &id, written)
}

/// Records a run; `file` is the path of an evidence file to keep in the data file.
#[tauri::command(async)]
pub fn record_check<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    mut request: CheckRequest,
    file: Option<String>,
) -> CommandResult<CheckEntry> {
    request.file = file.map(PathBuf::from);
    let at = Moment::read();
    let written =
        state.with(|ws| ws.record_check(&id, &data_file::new_id(), &request, at.today, at.now));
    programme_changed(&app, &id, written)
}

/// Withdraws a mistaken entry by a later one that voids it; both stay in the log.
#[tauri::command]
pub fn void_check<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    request: VoidRequest,
) -> CommandResult<CheckEntry> {
    let at = Moment::read();
    let written =
        state.with(|ws| ws.void_check(&id, &data_file::new_id(), &request, at.today, at.now));
    programme_changed(&app, &id, written)
}

/// The populations of the period the binder would cover (the observation period when no day
/// is given) with the sample proposed from each and each sampled item's latest test; a test is
/// recorded with `record_check` naming its `sample`.
#[tauri::command]
pub fn get_samples(
    state: State<'_, AppState>,
    id: String,
    period: BinderRequest,
) -> CommandResult<SamplesView> {
    state.with(|ws| ws.samples(&id, period.from, period.to, Moment::read().today))
}

/// Writes the evidence binder for an audit period (the observation period when no day is
/// given) to `path` as one ZIP. Off the main thread: a year's evidence takes seconds.
#[tauri::command(async)]
pub fn write_binder(
    state: State<'_, AppState>,
    id: String,
    path: String,
    request: BinderRequest,
) -> CommandResult<WrittenBinder> {
    let moment = Moment::read();
    state.with(|ws| ws.write_binder(&id, Path::new(&path), &request, moment.now, moment.today))
}
