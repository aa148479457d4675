//! Commands for the assessments list: create, open, rename, duplicate, archive, delete, import, export.

use std::path::Path;

use soc2_readiness::analysis::Analysis;
use soc2_readiness::assessment::{Assessment, Depth, HistoryEntry, ReportType};
use soc2_readiness::clock::Moment;
use soc2_readiness::gaps::Gap;
use soc2_readiness::report::fingerprint;
use soc2_readiness::upgrade::{BankUpgrade, is_older, to_confirm};
use soc2_readiness::workspace::AssessmentSummary;
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandResult;
use crate::events::{assessment_changed, assessment_made};
use crate::models::AssessmentView;
use crate::state::AppState;
use soc2_readiness::data_file::new_id;

#[tauri::command]
pub fn list_assessments(state: State<'_, AppState>) -> CommandResult<Vec<AssessmentSummary>> {
    state.with(|ws| ws.summaries(Moment::read().today))
}

/// Creates an assessment; `modules` are kept question modules to use from the start, as `id` or `id@version`.
#[tauri::command]
pub fn create_assessment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    organisation: String,
    report_type: ReportType,
    depth: Option<Depth>,
    modules: Option<Vec<String>>,
) -> CommandResult<Assessment> {
    let depth = depth.unwrap_or_default();
    let modules = modules.unwrap_or_default();
    let made = state.with(|ws| {
        ws.create_assessment_with(
            &new_id(),
            &organisation,
            report_type,
            depth,
            &modules,
            Moment::read().now,
        )
    });
    assessment_made(&app, made)
}

/// Carries an assessment answered on an older question bank to this one; `None` when current.
#[tauri::command]
pub fn upgrade_assessment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
) -> CommandResult<Option<BankUpgrade>> {
    let written = state.with(|ws| ws.upgrade(&id, Moment::read().now));
    assessment_changed(&app, &id, written)
}

/// The audit trail of one question's answers, oldest first.
#[tauri::command]
pub fn get_history(
    state: State<'_, AppState>,
    id: String,
    question_id: String,
) -> CommandResult<Vec<HistoryEntry>> {
    state.with(|ws| ws.question_history(&id, &question_id))
}

/// Quick path or full depth; no given answer changes either way.
#[tauri::command]
pub fn set_depth<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    depth: Depth,
) -> CommandResult<()> {
    let written = state.with(|ws| ws.set_depth(&id, depth, Moment::read().now));
    assessment_changed(&app, &id, written)
}

/// The assessment, its scorecard as of today, and whether it was answered on an older bank.
#[tauri::command]
pub fn get_assessment(state: State<'_, AppState>, id: String) -> CommandResult<AssessmentView> {
    state.with(|ws| {
        let (evaluation, scorecard) = ws.scorecard(&id, Moment::read().today)?;
        Ok(AssessmentView {
            fingerprint: fingerprint(&evaluation),
            needs_upgrade: is_older(&evaluation.assessment.bank_version, ws.bank()),
            to_confirm: to_confirm(&evaluation)
                .into_iter()
                .filter_map(|n| Some((n.question_id.clone()?, n.text.clone())))
                .collect(),
            implied: evaluation.implied,
            record: evaluation.record,
            scorecard,
        })
    })
}

/// The ranked gap register as of today.
#[tauri::command]
pub fn get_gaps(state: State<'_, AppState>, id: String) -> CommandResult<Vec<Gap>> {
    state.with(|ws| ws.gaps(&id, Moment::read().today))
}

/// The scorecard, gap register and dated plan, as of today.
#[tauri::command]
pub fn get_analysis(state: State<'_, AppState>, id: String) -> CommandResult<Analysis> {
    state.with(|ws| ws.analysis(&id, Moment::read().today))
}

/// Renames the organisation of an assessment.
#[tauri::command]
pub fn rename_assessment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    organisation: String,
) -> CommandResult<()> {
    let written = state.with(|ws| ws.rename(&id, &organisation, Moment::read().now));
    assessment_changed(&app, &id, written)
}

/// Copies an assessment with its answers, as a new one.
#[tauri::command]
pub fn duplicate_assessment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
) -> CommandResult<Assessment> {
    let made = state.with(|ws| ws.duplicate(&id, &new_id(), None, Moment::read().now));
    assessment_made(&app, made)
}

/// Archives an assessment (or brings it back).
#[tauri::command]
pub fn set_archived<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    archived: bool,
) -> CommandResult<()> {
    let written = state.with(|ws| ws.set_archived(&id, archived, Moment::read().now));
    assessment_changed(&app, &id, written)
}

/// Deletes an assessment with its answers.
#[tauri::command]
pub fn delete_assessment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
) -> CommandResult<()> {
    let written = state.with(|ws| ws.delete(&id));
    assessment_changed(&app, &id, written)
}

/// Writes the assessment as a JSON file; with a passphrase, sealed under it (`docs/protected-export.md`).
#[tauri::command(async)]
pub fn export_assessment(
    state: State<'_, AppState>,
    id: String,
    path: String,
    passphrase: Option<String>,
) -> CommandResult<()> {
    state.with(|ws| {
        ws.export_to(
            &id,
            Path::new(&path),
            passphrase.as_deref(),
            Moment::read().now,
        )
    })
}

/// A protected file without its passphrase fails with `needs_passphrase`, so the UI asks.
#[tauri::command(async)]
pub fn import_assessment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
    passphrase: Option<String>,
) -> CommandResult<Assessment> {
    let passphrase = passphrase.as_deref();
    let made = state
        .with(|ws| ws.import_from(Path::new(&path), passphrase, &new_id(), Moment::read().now));
    assessment_made(&app, made)
}
