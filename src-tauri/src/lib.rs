//! The desktop app: one window and thin commands. Each command parses its input, calls
//! planner-core, planner-store or planner-report, and maps the error; any rule lives in those
//! crates so the CLI shares it.

mod commands;
mod error;
mod file_dialog;
mod state;

use tauri::Manager;
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

pub use error::AppError;
pub use state::AppState;

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        // Used from Rust only, to open the report just exported; the window has no opener
        // permission of its own.
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            match AppState::open_configured() {
                Ok(state) => {
                    if let Some(file) = state::file_to_open(std::env::args_os()) {
                        state.open_at_start(file);
                    }
                    app.manage(state);
                }
                Err(err) => {
                    // Without its store the app can do nothing useful: say why, then close.
                    let handle = app.handle().clone();
                    app.dialog()
                        .message(err.to_string())
                        .title("The planner cannot open its plans")
                        .kind(MessageDialogKind::Error)
                        .show(move |_| handle.exit(1));
                }
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::plans::list_plans,
            commands::plans::get_plan,
            commands::plans::create_plan,
            commands::plans::update_profile,
            commands::plans::preview_plan_edit,
            commands::plans::get_profile_options,
            commands::assessment::get_assessment_guide,
            commands::assessment::save_area_response,
            commands::assessment::set_wizard_position,
            commands::assessment::set_action_adopted,
            commands::rollout::start_rollout,
            commands::rollout::update_rollout,
            commands::workplan::edit_work_plan,
            commands::workplan::edit_risks,
            commands::workplan::set_kpi,
            commands::workplan::set_engagement,
            commands::review::edit_review,
            commands::review::comments_from_pdf,
            commands::report::export_pdf,
            commands::report::export_html,
            commands::report::open_exported,
            commands::report::plan_health,
            commands::plan_files::export_plan_file,
            commands::plan_files::import_plan_file,
            commands::plan_files::import_file_opened_at_start,
            commands::tables::export_table_csv,
            commands::rollup::roll_up_plans,
            commands::rollup::export_rollup,
            commands::versions::list_versions,
            commands::versions::snapshot_plan,
            commands::versions::compare_versions,
        ])
        .run(tauri::generate_context!())
        .expect("the Tauri runtime failed to start");
}
