//! The `changed` event: sent after every write lands, so every open view of the assessment (or of the list) reads what it shows again instead of each screen telling the others.

use soc2_readiness::assessment::Assessment;
use tauri::{AppHandle, Emitter, Runtime};

use crate::error::CommandResult;
use crate::models::Changed;

/// The event's name, as the UI's client listens for it.
pub const CHANGED: &str = "changed";

/// Sent when the app is launched again and this window is brought forward instead.
pub const SECOND_LAUNCH: &str = "second-launch";

/// Passes `result` on, telling every view that the programme behind `assessment_id` (its
/// registers, its check log) changed when the write succeeded: its findings move the figures of
/// every assessment of that organisation.
pub fn programme_changed<R: Runtime, T>(
    app: &AppHandle<R>,
    assessment_id: &str,
    result: CommandResult<T>,
) -> CommandResult<T> {
    announce(app, assessment_id, true, result)
}

/// Passes `result` on, telling every view that the assessment itself (its answers, scope,
/// depth, name, modules, or its being there at all) changed when the write succeeded.
pub fn assessment_changed<R: Runtime, T>(
    app: &AppHandle<R>,
    assessment_id: &str,
    result: CommandResult<T>,
) -> CommandResult<T> {
    announce(app, assessment_id, false, result)
}

/// Passes on a write that made a new assessment (created, copied, imported), naming it.
pub fn assessment_made<R: Runtime>(
    app: &AppHandle<R>,
    result: CommandResult<Assessment>,
) -> CommandResult<Assessment> {
    match &result {
        Ok(made) => {
            let id = made.id.clone();
            announce(app, &id, false, result)
        }
        Err(_) => result,
    }
}

fn announce<R: Runtime, T>(
    app: &AppHandle<R>,
    assessment_id: &str,
    programme: bool,
    result: CommandResult<T>,
) -> CommandResult<T> {
    if result.is_ok() {
        let change = Changed {
            assessment_id: assessment_id.to_string(),
            programme,
        };
        // A view that misses the event still shows what it read; the write itself stands.
        let _ = app.emit(CHANGED, change);
    }
    result
}
