//! The desktop shell's wiring: plugins, state and the command list. No logic lives here.

mod commands;
mod error;
mod events;
pub mod models;
mod state;

#[cfg(test)]
mod bindings;

pub use error::CommandError;
pub use state::AppState;

use soc2_readiness::clock::Moment;
use tauri::{Emitter, Manager};

/// Builds the app with every command registered; `run` and the IPC tests share it.
pub fn builder<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::app::get_app_info,
        commands::app::get_bank,
        commands::app::list_backups,
        commands::app::back_up_now,
        commands::app::restore_backup,
        commands::app::use_data_file,
        commands::protection::protect_data_file,
        commands::protection::unprotect_data_file,
        commands::protection::change_data_file_passphrase,
        commands::assessments::list_assessments,
        commands::assessments::create_assessment,
        commands::assessments::get_assessment,
        commands::assessments::get_gaps,
        commands::assessments::get_analysis,
        commands::assessments::rename_assessment,
        commands::assessments::set_depth,
        commands::assessments::get_history,
        commands::assessments::upgrade_assessment,
        commands::assessments::duplicate_assessment,
        commands::assessments::set_archived,
        commands::assessments::delete_assessment,
        commands::assessments::export_assessment,
        commands::assessments::import_assessment,
        commands::modules::list_modules,
        commands::modules::add_module,
        commands::modules::use_module,
        commands::modules::drop_module,
        commands::modules::get_assessment_bank,
        commands::merge::preview_merge,
        commands::merge::merge_assessment,
        commands::what_if::project_what_if,
        commands::compare::compare_assessments,
        commands::compare::assessment_trend,
        commands::answers::save_answer,
        commands::answers::clear_answer,
        commands::answers::set_scope,
        commands::report::export_report,
        commands::report::show_in_folder,
        commands::spreadsheet::export_spreadsheet,
        commands::settings::get_settings,
        commands::settings::save_settings,
        commands::settings::set_logo,
        commands::calendar::get_calendar,
        commands::calendar::get_observation,
        commands::calendar::list_checks,
        commands::calendar::adopt_control,
        commands::calendar::record_check,
        commands::calendar::void_check,
        commands::launch::mark_launch,
        commands::registers::list_register,
        commands::registers::register_fields,
        commands::registers::add_register_entry,
        commands::registers::edit_register_entry,
        commands::registers::set_register_entry_archived,
        commands::registers::delete_register_entry,
        commands::registers::register_entry_history,
    ])
}

pub fn run() {
    let app = tauri::Builder::default()
        // A second launch focuses the first window instead of opening the data file twice.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
                // Says why no second window appeared; the UI shows it as a notice.
                let _ = window.emit("second-launch", ());
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
