use chrono::Local;
use planner_core::report::ReportChoices;
use planner_core::{ExportOutcome, PlanId};
use planner_report::ReportOptions;
use tauri::{AppHandle, State};

use crate::save_dialog::ask_where_to_save;
use crate::{AppError, AppState};

/// Asks where to save (a native dialog opened here: the webview never sends a path), then
/// writes the report atomically, on the paper and with the sections chosen (A4 and every
/// section when the window sends no choice).
#[tauri::command]
pub async fn export_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    id: PlanId,
    choices: Option<ReportChoices>,
) -> Result<ExportOutcome, AppError> {
    let plan = state.get_plan(id)?;
    let suggested = format!("{}.pdf", planner_core::file_stem(&plan.stored.plan.title));
    let Some(path) = ask_where_to_save(&app, &suggested).await else {
        return Ok(ExportOutcome::Cancelled);
    };
    planner_report::refuse_protected(&path, &state.store_files())?;
    let options = ReportOptions {
        generated_on: Local::now().date_naive(),
        choices: choices.unwrap_or_default(),
    };
    let report = planner_report::export(&plan, &options, &path)?;
    Ok(ExportOutcome::Saved {
        path: path.display().to_string(),
        bytes: report.bytes.len() as u64,
        pages: report.pages,
    })
}
