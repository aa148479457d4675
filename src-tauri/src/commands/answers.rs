//! Commands that change answers and scope; each returns the new scorecard so the UI stays live.

use soc2_readiness::clock::Moment;
use soc2_readiness::workspace::AnswerDetails;
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandResult;
use crate::events::assessment_changed;
use crate::models::{SaveAnswerRequest, SavedAnswer, ScopeRequest};
use crate::state::AppState;
use soc2_readiness::scoring::Scorecard;

/// Saves one answer durably (the engine commits before returning) and re-scores.
#[tauri::command]
pub fn save_answer<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: SaveAnswerRequest,
) -> CommandResult<SavedAnswer> {
    let details = AnswerDetails {
        note: Some(request.note.unwrap_or_default()),
        owner: Some(request.owner.unwrap_or_default()),
        due: Some(request.due),
        evidence: Some(request.evidence),
        exception: Some(request.exception.unwrap_or_default()),
        live_exposure: Some(request.live_exposure.unwrap_or(false)),
        repeat_finding: Some(request.repeat_finding.unwrap_or(false)),
        not_covered: Some(request.not_covered.unwrap_or_default()),
    };
    let at = Moment::read();
    let id = request.assessment_id.clone();
    let written = state.with(|ws| {
        let answer = ws.save_answer(
            &request.assessment_id,
            &request.question_id,
            request.value,
            details,
            at.now,
        )?;
        let (_, scorecard) = ws.scorecard(&request.assessment_id, at.today)?;
        Ok(SavedAnswer { answer, scorecard })
    });
    assessment_changed(&app, &id, written)
}

/// Removes an answer (its history stays) and re-scores.
#[tauri::command]
pub fn clear_answer<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    assessment_id: String,
    question_id: String,
) -> CommandResult<Scorecard> {
    let at = Moment::read();
    let written = state.with(|ws| {
        ws.clear_answer(&assessment_id, &question_id, at.now)?;
        Ok(ws.scorecard(&assessment_id, at.today)?.1)
    });
    assessment_changed(&app, &assessment_id, written)
}

/// Includes or excludes a category with the reason, and re-scores.
#[tauri::command]
pub fn set_scope<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: ScopeRequest,
) -> CommandResult<Scorecard> {
    let at = Moment::read();
    let written = state.with(|ws| {
        ws.set_scope(
            &request.assessment_id,
            request.category,
            request.decision,
            &request.reason,
            at.now,
        )?;
        Ok(ws.scorecard(&request.assessment_id, at.today)?.1)
    });
    assessment_changed(&app, &request.assessment_id, written)
}
