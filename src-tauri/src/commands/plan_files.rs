//! Plan files (.mcplan) from the window: export one through the native save dialog, import one
//! (or the report PDF carrying one) through the native open dialog. The webview never names a
//! path.

use planner_core::{ExportOutcome, ImportOutcome, PlanDetail, PlanId, file_stem};
use tauri::{AppHandle, State};

use crate::file_dialog::{self, ask_where_to_save, ask_which_file_to_open};
use crate::{AppError, AppState};

/// Asks where to save, then writes the whole plan there atomically.
#[tauri::command]
pub async fn export_plan_file(
    app: AppHandle,
    state: State<'_, AppState>,
    id: PlanId,
) -> Result<ExportOutcome, AppError> {
    let kind = file_dialog::PLAN_FILE_OUT;
    let suggested = format!("{}.{}", file_stem(&state.plan_title(id)?), kind.extension());
    let Some(path) = ask_where_to_save(&app, kind, &suggested).await else {
        return Ok(ExportOutcome::Cancelled);
    };
    let bytes = state.export_plan_file(id, &path)?;
    Ok(ExportOutcome::Saved {
        path: path.display().to_string(),
        bytes,
        pages: None,
    })
}

/// Asks which plan file (or report PDF) to open, then adds its plan as a new plan, or, given `into`, makes it
/// the new content of that plan (which is kept as it was as a version first).
#[tauri::command]
pub async fn import_plan_file(
    app: AppHandle,
    state: State<'_, AppState>,
    into: Option<PlanId>,
) -> Result<ImportOutcome, AppError> {
    let Some(path) = ask_which_file_to_open(&app, file_dialog::PLAN_FILE_IN).await else {
        return Ok(ImportOutcome::Cancelled);
    };
    let plan = match into {
        None => state.import_plan_file(&path)?,
        Some(id) => state.import_plan_file_into(id, &path)?,
    };
    Ok(ImportOutcome::Imported {
        plan: Box::new(plan),
    })
}

/// The plan file the app was started to open, imported as a new plan (once); nothing when the
/// app was started without one.
#[tauri::command(async)]
pub fn import_file_opened_at_start(
    state: State<'_, AppState>,
) -> Result<Option<PlanDetail>, AppError> {
    state.import_file_opened_at_start()
}
