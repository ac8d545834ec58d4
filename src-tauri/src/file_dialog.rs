//! The native "Save as" and "Open" dialogs.
//!
//! A GTK file dialog cannot be driven through WebDriver, so the end-to-end tests answer them
//! through the environment: when `MCPLAN_E2E_SAVE_PATH` (or `MCPLAN_E2E_OPEN_PATH`) is set in
//! the app's process environment, that path is the answer and no dialog opens. Only whoever
//! starts the process can set it; nothing the webview sends can reach it.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};

pub const SAVE_ANSWER_ENV: &str = "MCPLAN_E2E_SAVE_PATH";
pub const OPEN_ANSWER_ENV: &str = "MCPLAN_E2E_OPEN_PATH";

/// What kind of file is saved or opened: the dialog's words and the files' extensions, the
/// first of which a saved file gets.
#[derive(Debug, Clone, Copy)]
pub struct FileKind {
    pub title: &'static str,
    pub filter: &'static str,
    pub extensions: &'static [&'static str],
}

impl FileKind {
    /// The extension a file saved as this kind gets.
    pub fn extension(&self) -> &'static str {
        self.extensions[0]
    }
}

pub const PDF: FileKind = FileKind {
    title: "Save the plan as PDF",
    filter: "PDF document",
    extensions: &["pdf"],
};

pub const HTML: FileKind = FileKind {
    title: "Save the plan as an accessible web page",
    filter: "Web page",
    extensions: &["html"],
};

pub const PLAN_FILE_OUT: FileKind = FileKind {
    title: "Save the plan file",
    filter: "Plan file",
    extensions: &["mcplan"],
};

/// A plan file, or a report PDF of the planner, which carries one.
pub const PLAN_FILE_IN: FileKind = FileKind {
    title: "Choose a plan file or a report PDF",
    filter: "Plan file or report PDF",
    extensions: &["mcplan", "pdf"],
};

/// A report PDF a committee member annotated and sent back.
pub const REVIEWED_PDF: FileKind = FileKind {
    title: "Choose the PDF with the committee's comments",
    filter: "PDF document",
    extensions: &["pdf"],
};

pub const CSV: FileKind = FileKind {
    title: "Save the table for a spreadsheet",
    filter: "Spreadsheet table (CSV)",
    extensions: &["csv"],
};

pub const ROLLUP_CSV: FileKind = FileKind {
    title: "Save the plans side by side for a spreadsheet",
    ..CSV
};

pub const ROLLUP_PDF: FileKind = FileKind {
    title: "Save the plans side by side as PDF",
    ..PDF
};

pub const ROLLUP_HTML: FileKind = FileKind {
    title: "Save the plans side by side as an accessible web page",
    ..HTML
};

/// The file the dean chose to save to, or `None` when they cancelled.
pub async fn ask_where_to_save(
    app: &AppHandle,
    kind: FileKind,
    suggested_name: &str,
) -> Option<PathBuf> {
    if let Some(path) = test_answer(SAVE_ANSWER_ENV) {
        return Some(path);
    }
    let dialog = dialog(app, kind).set_file_name(suggested_name);
    let chosen = ask(move || dialog.blocking_save_file()).await?;
    // GTK does not add the extension the filter implies.
    Some(if chosen.extension().is_none() {
        chosen.with_extension(kind.extension())
    } else {
        chosen
    })
}

/// The file the dean chose to open, or `None` when they cancelled.
pub async fn ask_which_file_to_open(app: &AppHandle, kind: FileKind) -> Option<PathBuf> {
    if let Some(path) = test_answer(OPEN_ANSWER_ENV) {
        return Some(path);
    }
    let dialog = dialog(app, kind);
    ask(move || dialog.blocking_pick_file()).await
}

fn test_answer(variable: &str) -> Option<PathBuf> {
    std::env::var_os(variable)
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
}

fn dialog(app: &AppHandle, kind: FileKind) -> FileDialogBuilder<tauri::Wry> {
    app.dialog()
        .file()
        .set_title(kind.title)
        .add_filter(kind.filter, kind.extensions)
}

/// Waits for the dialog off the async runtime's threads (GTK's dialog blocks until answered).
async fn ask(show: impl FnOnce() -> Option<FilePath> + Send + 'static) -> Option<PathBuf> {
    let chosen = tauri::async_runtime::spawn_blocking(show)
        .await
        .ok()
        .flatten()?;
    chosen.into_path().ok()
}
