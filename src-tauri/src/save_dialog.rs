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

/// What kind of file a report is saved as: the dialog's words and the file's extension.
#[derive(Debug, Clone, Copy)]
pub struct ReportFile {
    pub title: &'static str,
    pub filter: &'static str,
    pub extension: &'static str,
}

pub const PDF: ReportFile = ReportFile {
    title: "Save the plan as PDF",
    filter: "PDF document",
    extension: "pdf",
};

pub const HTML: ReportFile = ReportFile {
    title: "Save the plan as an accessible web page",
    filter: "Web page",
    extension: "html",
};

/// The file the dean chose, or `None` when they cancelled.
pub async fn ask_where_to_save(
    app: &AppHandle,
    kind: ReportFile,
    suggested_name: &str,
) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(TEST_ANSWER_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let dialog = app
        .dialog()
        .file()
        .set_title(kind.title)
        .set_file_name(suggested_name)
        .add_filter(kind.filter, &[kind.extension]);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .ok()
        .flatten()?;
    let path = chosen.into_path().ok()?;
    // GTK does not add the extension the filter implies.
    Some(if path.extension().is_none() {
        path.with_extension(kind.extension)
    } else {
        path
    })
}
