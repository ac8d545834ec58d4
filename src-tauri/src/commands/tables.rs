//! A plan's tables for a spreadsheet, saved from the window through the native save dialog. The
//! webview never names a path.

use planner_core::tables::CsvTable;
use planner_core::{ExportOutcome, PlanId};
use tauri::{AppHandle, State};

use crate::file_dialog::{self, ask_where_to_save};
use crate::{AppError, AppState};

/// Asks where to save, then writes `table` of plan `id` as `mcplan csv` does. It is not
/// remembered for "Open it": that stays the report the plan's export panel last saved. A table
/// the plan cannot give yet is refused before the dialog opens.
#[tauri::command]
pub async fn export_table_csv(
    app: AppHandle,
    state: State<'_, AppState>,
    id: PlanId,
    table: CsvTable,
) -> Result<ExportOutcome, AppError> {
    let text = state.table_csv(id, table)?;
    let suggested = state.table_file_name(id, table)?;
    let Some(path) = ask_where_to_save(&app, file_dialog::CSV, &suggested).await else {
        return Ok(ExportOutcome::Cancelled);
    };
    let bytes = state.write_file(&path, text.as_bytes())?;
    Ok(ExportOutcome::Saved {
        path: path.display().to_string(),
        bytes,
        pages: None,
    })
}
