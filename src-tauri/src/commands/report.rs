use chrono::Local;
use planner_core::health::{HealthItem, check_plan};
use planner_core::report::{ReportChoices, ReportSection};
use planner_core::{ExportOutcome, ExportStage, PlanDetail, PlanId};
use planner_report::ReportOptions;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::file_dialog::{self, FileKind, ask_where_to_save};
use crate::{AppError, AppState};

/// Asks where to save (a native dialog opened here: the webview never sends a path), then
/// writes the report atomically.
#[tauri::command]
pub async fn export_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    id: PlanId,
    choices: Option<ReportChoices>,
    progress: Channel<ExportStage>,
) -> Result<ExportOutcome, AppError> {
    export(
        &app,
        &state,
        (id, choices),
        &progress,
        file_dialog::PDF,
        |plan, options, path| {
            let report = planner_report::export(plan, options, path)?;
            Ok((report.bytes.len(), Some(report.pages)))
        },
    )
    .await
}

/// The same report as one accessible web page, saved as [`export_pdf`] saves the PDF.
#[tauri::command]
pub async fn export_html(
    app: AppHandle,
    state: State<'_, AppState>,
    id: PlanId,
    choices: Option<ReportChoices>,
    progress: Channel<ExportStage>,
) -> Result<ExportOutcome, AppError> {
    export(
        &app,
        &state,
        (id, choices),
        &progress,
        file_dialog::HTML,
        |plan, options, path| Ok((planner_report::export_html(plan, options, path)?, None)),
    )
    .await
}

/// Opens the report this window last saved in the computer's viewer for it. The webview
/// names no file: it can only ask for the one just exported.
#[tauri::command]
pub fn open_exported(app: AppHandle, state: State<'_, AppState>) -> Result<(), AppError> {
    let Some(path) = state.last_export() else {
        return Err(AppError::Open {
            path: "the report".to_owned(),
            reason: "no report has been exported in this window yet".to_owned(),
        });
    };
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|err| AppError::Open {
            path: path.display().to_string(),
            reason: err.to_string(),
        })
}

/// What would weaken the plan in a committee's eyes, each with the place to fix it.
#[tauri::command(async)]
pub fn plan_health(state: State<'_, AppState>, id: PlanId) -> Result<Vec<HealthItem>, AppError> {
    Ok(check_plan(&state.get_plan(id)?))
}

/// Asks where to save a `kind` of file, writes it with `write` (which returns its bytes and
/// pages) on the paper and with the sections chosen (A4 and every section when the window
/// sends no choice), and remembers it for "Open it". Each stage is told on `progress`.
async fn export(
    app: &AppHandle,
    state: &AppState,
    (id, choices): (PlanId, Option<ReportChoices>),
    progress: &Channel<ExportStage>,
    kind: FileKind,
    write: impl FnOnce(
        &PlanDetail,
        &ReportOptions,
        &std::path::Path,
    ) -> Result<(usize, Option<u32>), AppError>,
) -> Result<ExportOutcome, AppError> {
    let plan = state.get_plan(id)?;
    let choices = choices.unwrap_or_default();
    // Before the dialog, so a version that is not there is said before anything is asked.
    let changes = choices
        .changes_since
        .map(|number| state.changes_since(id, number))
        .transpose()?;
    let suggested = format!(
        "{}.{}",
        planner_core::file_stem(&plan.stored.plan.title),
        kind.extension()
    );
    // The window shows each stage; a window gone meanwhile needs no word of it.
    let _ = progress.send(ExportStage::ChoosingFile);
    let Some(path) = ask_where_to_save(app, kind, &suggested).await else {
        return Ok(ExportOutcome::Cancelled);
    };
    planner_report::refuse_protected(&path, &state.store_files())?;
    let sections = ReportSection::ALL
        .iter()
        .filter(|s| choices.includes(**s))
        .count() as u32;
    let _ = progress.send(ExportStage::Writing { sections });
    let options = ReportOptions {
        generated_on: Local::now().date_naive(),
        choices,
        // The PDF carries the plan file, so it can be imported back as the plan.
        plan_file: Some(state.plan_file(id)?),
        version: state.reported_version(id)?,
        changes,
    };
    let (bytes, pages) = write(&plan, &options, &path)?;
    state.remember_export(path.clone());
    Ok(ExportOutcome::Saved {
        path: path.display().to_string(),
        bytes: bytes as u64,
        pages,
    })
}
