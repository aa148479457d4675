//! The trust page: the page with its choices and preview, changing what is published, and writing the HTML page or the one-page PDF.

use std::path::Path;

use soc2_readiness::clock::Moment;
use soc2_readiness::trust::TrustChoices;
use soc2_readiness::workspace::Workspace;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::error::CommandResult;
use crate::models::{ExportedTrustPage, TrustFormat, TrustPageView};
use crate::state::AppState;

fn view(ws: &Workspace, id: &str) -> soc2_readiness::Result<TrustPageView> {
    let today = Moment::read().today;
    let page = ws.trust_page(id, today)?;
    Ok(TrustPageView {
        preview: soc2_readiness::report::trust_fragment(&page),
        choices: ws.trust_choices(id).unwrap_or_default(),
        page,
    })
}

/// The trust page as of today, the choices behind it and its preview.
#[tauri::command(async)]
pub fn get_trust_page(state: State<'_, AppState>, id: String) -> CommandResult<TrustPageView> {
    state.with(|ws| view(ws, &id))
}

/// Keeps what the company chooses to publish (for its whole programme); a refused value names
/// its field (`contact`, `uptime`, `held`).
#[tauri::command(async)]
pub fn set_trust_choices(
    state: State<'_, AppState>,
    id: String,
    choices: TrustChoices,
) -> CommandResult<TrustPageView> {
    state.with(|ws| {
        ws.set_trust_choices(&id, choices)?;
        view(ws, &id)
    })
}

/// Writes the static HTML page or the one-page PDF to `path`, and opens it when asked.
#[tauri::command(async)]
pub fn export_trust_page<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    path: String,
    format: TrustFormat,
    open: bool,
) -> CommandResult<ExportedTrustPage> {
    let file = Path::new(&path);
    let (html, pdf) = match format {
        TrustFormat::Html => (Some(file), None),
        TrustFormat::Pdf => (None, Some(file)),
    };
    let written = state.with(|ws| ws.write_trust_page(&id, html, pdf, Moment::read()))?;
    let opened = open && app.opener().open_path(&path, None::<&str>).is_ok();
    Ok(ExportedTrustPage {
        path,
        claims: written.page.claim_count(),
        opened,
    })
}
