//! What-if: readiness and plan dates with the gaps ticked in the register closed; nothing is saved.

use soc2_readiness::clock::Moment;
use soc2_readiness::what_if::{Projection, Selection};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// The assessment as it would be today with `selection` closed.
#[tauri::command]
pub fn project_what_if(
    state: State<'_, AppState>,
    id: String,
    selection: Selection,
) -> CommandResult<Projection> {
    state.with(|ws| ws.what_if(&id, &selection, Moment::read().today))
}
