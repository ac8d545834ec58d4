//! The native "Save as" dialog for reports.
//!
//! A GTK file dialog cannot be driven through WebDriver, so the end-to-end tests answer it through
//! the environment: when `MCPLAN_E2E_SAVE_PATH` is set in the app's process environment, that
//! path is the answer and no dialog opens. Only whoever starts the process can set it; nothing
//! the webview sends can reach it.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

pub const TEST_ANSWER_ENV: &str = "MCPLAN_E2E_SAVE_PATH";

/// The file the dean chose, or `None` when they cancelled.
pub async fn ask_where_to_save(app: &AppHandle, suggested_name: &str) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(TEST_ANSWER_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let dialog = app
        .dialog()
        .file()
        .set_title("Save the plan as PDF")
        .set_file_name(suggested_name)
        .add_filter("PDF document", &["pdf"]);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .ok()
        .flatten()?;
    let path = chosen.into_path().ok()?;
    // GTK does not add the extension the filter implies.
    Some(if path.extension().is_none() {
        path.with_extension("pdf")
    } else {
        path
    })
}
