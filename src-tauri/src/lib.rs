//! The desktop shell's wiring: plugins, state and the command list. No logic lives here.

mod commands;
mod error;
mod events;
mod handlers;
pub mod models;
mod state;

#[cfg(test)]
mod bindings;
#[cfg(test)]
mod surface;

pub use error::CommandError;
pub use state::AppState;

use soc2_readiness::clock::Moment;
use tauri::{Emitter, Manager};

/// Builds the app with every command registered; `run` and the IPC tests share it.
pub fn builder<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(handlers::every_command())
}

pub fn run() {
    let app = tauri::Builder::default()
        // A second launch focuses the first window instead of opening the data file twice.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
                // Says why no second window appeared; the UI shows it as a notice.
                let _ = window.emit(events::SECOND_LAUNCH, ());
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            #[cfg(target_os = "linux")]
            if let Some(window) = app.get_webview_window("main") {
                // A questionnaire needs no GPU compositing, and without it WebKit's web process
                // holds about 50 MB less (docs/performance.md) and sidesteps the blank-window
                // bugs some GPU drivers cause in WebKitGTK.
                let _ = window.with_webview(|webview| {
                    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
                    if let Some(settings) = webview.inner().settings() {
                        settings
                            .set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
                    }
                });
            }
            app.manage(AppState::open());
            // While the app is open, take the daily backup when one is due.
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                loop {
                    std::thread::sleep(std::time::Duration::from_secs(3600));
                    let state = handle.state::<AppState>();
                    let _ = state.with(|ws| ws.back_up_if_due(Moment::read().now));
                }
            });
            Ok(())
        });
    builder(app)
        .run(tauri::generate_context!())
        .expect("the desktop app failed to start");
}
