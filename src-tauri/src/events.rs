//! The `changed` event: sent after a write lands, so every open view of the assessment reloads what it shows instead of each screen telling the others.

use tauri::{AppHandle, Emitter, Runtime};

use crate::error::CommandResult;
use crate::models::Changed;

/// The event's name, as the UI's client listens for it.
pub const CHANGED: &str = "changed";

/// Sent when the app is launched again and this window is brought forward instead.
pub const SECOND_LAUNCH: &str = "second-launch";

/// Passes `result` on, telling every view that the programme behind `assessment_id` changed
/// when the write succeeded.
pub fn programme_changed<R: Runtime, T>(
    app: &AppHandle<R>,
    assessment_id: &str,
    result: CommandResult<T>,
) -> CommandResult<T> {
    if result.is_ok() {
        let change = Changed {
            assessment_id: assessment_id.to_string(),
            programme: true,
        };
        // A view that misses the event still shows what it read; the write itself stands.
        let _ = app.emit(CHANGED, change);
    }
    result
}
