//! Several plans side by side: shown in the window, or saved as a CSV table, a PDF or a web
//! page through the native save dialog. Nothing here changes a plan.

use chrono::Local;
use planner_core::rollup::{Rollup, RollupFile};
use planner_core::{ExportOutcome, PlanId};
use tauri::{AppHandle, State};

use crate::file_dialog::{self, ask_where_to_save};
use crate::{AppError, AppState};

/// Plans `ids` side by side, in the order given; computing each plan's model runs off the
/// window's main thread.
#[tauri::command(async)]
pub fn roll_up_plans(state: State<'_, AppState>, ids: Vec<PlanId>) -> Result<Rollup, AppError> {
    state.roll_up(&ids)
}

/// Asks where to save, then writes plans `ids` side by side as `file`, as `mcplan rollup`
/// does; remembered for "Open it".
#[tauri::command]
pub async fn export_rollup(
    app: AppHandle,
    state: State<'_, AppState>,
    ids: Vec<PlanId>,
    file: RollupFile,
) -> Result<ExportOutcome, AppError> {
    let rollup = state.roll_up(&ids)?;
    let kind = match file {
        RollupFile::Csv => file_dialog::ROLLUP_CSV,
        RollupFile::Pdf => file_dialog::ROLLUP_PDF,
        RollupFile::Html => file_dialog::ROLLUP_HTML,
    };
    let suggested = format!("{}.{}", rollup.file_stem(), kind.extension());
    let Some(path) = ask_where_to_save(&app, kind, &suggested).await else {
        return Ok(ExportOutcome::Cancelled);
    };
    let (bytes, pages) = state.export_rollup(&rollup, file, &path, Local::now().date_naive())?;
    state.remember_export(path.clone());
    Ok(ExportOutcome::Saved {
        path: path.display().to_string(),
        bytes,
        pages,
    })
}
