//! Progress over time: two assessments compared, and an organisation's readiness across its assessments.

use soc2_readiness::clock::Moment;
use soc2_readiness::compare::Comparison;
use soc2_readiness::workspace::TrendPoint;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// `before` and `after` compared as of today.
#[tauri::command]
pub fn compare_assessments(
    state: State<'_, AppState>,
    before: String,
    after: String,
) -> CommandResult<Comparison> {
    state.with(|ws| ws.compare(&before, &after, Moment::read().today))
}

/// Every assessment of the organisation `id` belongs to, oldest first.
#[tauri::command]
pub fn assessment_trend(state: State<'_, AppState>, id: String) -> CommandResult<Vec<TrendPoint>> {
    state.with(|ws| ws.trend(&id, Moment::read().today))
}
