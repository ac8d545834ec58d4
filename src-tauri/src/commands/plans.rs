use planner_core::{
    DraftEdit, DraftFigures, PlanDetail, PlanEdit, PlanId, PlanSummary, ProfileForm, ProfileOptions,
};
use tauri::State;

use crate::{AppError, AppState};

#[tauri::command]
pub fn list_plans(state: State<'_, AppState>) -> Result<Vec<PlanSummary>, AppError> {
    state.list_plans()
}

#[tauri::command(async)]
pub fn get_plan(state: State<'_, AppState>, id: PlanId) -> Result<PlanDetail, AppError> {
    state.get_plan(id)
}

#[tauri::command(async)]
pub fn create_plan(state: State<'_, AppState>, form: ProfileForm) -> Result<PlanDetail, AppError> {
    state.create_plan(&form)
}

/// Saves the plan-details form; nothing is written unless every field is valid.
#[tauri::command(async)]
pub fn update_profile(
    state: State<'_, AppState>,
    id: PlanId,
    expected_revision: i64,
    form: ProfileForm,
) -> Result<PlanDetail, AppError> {
    state.edit_plan(id, expected_revision, PlanEdit::Profile(Box::new(form)))
}

/// The figures of a change not saved yet, while the dean types; nothing is written. Runs off
/// the window's main thread, as the model of a large plan takes a few milliseconds.
#[tauri::command(async)]
pub fn preview_plan_edit(
    state: State<'_, AppState>,
    id: PlanId,
    edit: DraftEdit,
) -> Result<DraftFigures, AppError> {
    state.preview_plan_edit(id, edit)
}

#[tauri::command]
pub fn get_profile_options() -> ProfileOptions {
    planner_core::profile_options()
}
