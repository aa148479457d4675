//! Account exports: what the imports show for the assessment's programme, importing a user report (previewed first), removing one, and the company's limits.

use soc2_readiness::accounts::{AccountChoices, AccountFormat};
use soc2_readiness::clock::Moment;
use soc2_readiness::data_file;
use soc2_readiness::workspace::{
    AccountImportInfo, AccountImportRequest, AccountImportResult, AccountsView,
};
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandResult;
use crate::events::programme_changed;
use crate::state::AppState;

/// The kept imports, the findings of the latest of each system with their rows, the evidence,
/// the answers they contradict, and the limits.
#[tauri::command(async)]
pub fn get_accounts(state: State<'_, AppState>, id: String) -> CommandResult<AccountsView> {
    state.with(|ws| ws.accounts_view(&id))
}

/// Reads a user report at `path` and shows what it recognised and finds; with `write` and no
/// problem, keeps it. `mapping` names another system's columns as (heading, field); `taken_on`
/// is the day it was downloaded as typed (today when empty), refused by field when not a date.
#[tauri::command(async)]
#[allow(clippy::too_many_arguments)]
pub fn import_accounts<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    path: String,
    system: Option<String>,
    format: Option<AccountFormat>,
    mapping: Vec<(String, String)>,
    taken_on: Option<String>,
    write: bool,
) -> CommandResult<AccountImportResult> {
    let taken_on = match taken_on.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(text) => Some(soc2_readiness::day::parse_day(text).map_err(|reason| {
            soc2_readiness::Error::Refused {
                field: "taken_on".into(),
                reason,
            }
        })?),
        None => None,
    };
    let request = AccountImportRequest {
        file: std::path::Path::new(&path),
        system,
        format,
        mapping,
        taken_on,
        write,
    };
    let done =
        state.with(|ws| ws.import_accounts(&id, &request, Moment::read(), data_file::new_id));
    match &done {
        Ok(result) if result.import_id.is_some() => programme_changed(&app, &id, done),
        _ => done,
    }
}

/// Removes a kept import; the findings are those of what is left.
#[tauri::command(async)]
pub fn remove_account_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    import_id: String,
) -> CommandResult<AccountImportInfo> {
    let removed = state.with(|ws| ws.remove_account_import(&id, &import_id));
    programme_changed(&app, &id, removed)
}

/// Keeps the company's limits (days) and whether reports name accounts; a limit out of range is
/// refused by its field (`key_rotation_days`, `unused_days`).
#[tauri::command(async)]
pub fn set_account_choices<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    key_rotation_days: u32,
    unused_days: u32,
    names_in_reports: bool,
) -> CommandResult<AccountChoices> {
    let kept = state
        .with(|ws| ws.set_account_choices(&id, key_rotation_days, unused_days, names_in_reports));
    programme_changed(&app, &id, kept)
}
