use planner_core::{PlanDetail, PlanEdit, PlanId, PlanSummary, ProfileForm, ProfileOptions};
use tauri::State;

use crate::{AppError, AppState};

#[tauri::command]
pub fn list_plans(state: State<'_, AppState>) -> Result<Vec<PlanSummary>, AppError> {
    state.list_plans()
}

#[tauri::command]
pub fn get_plan(state: State<'_, AppState>, id: PlanId) -> Result<PlanDetail, AppError> {
    state.get_plan(id)
}

#[tauri::command]
pub fn create_plan(state: State<'_, AppState>, form: ProfileForm) -> Result<PlanDetail, AppError> {
    state.create_plan(&form)
}

/// Saves the plan-details form; nothing is written unless every field is valid.
#[tauri::command]
pub fn update_profile(
    state: State<'_, AppState>,
    id: PlanId,
    expected_revision: i64,
    form: ProfileForm,
) -> Result<PlanDetail, AppError> {
    state.edit_plan(id, expected_revision, PlanEdit::Profile(Box::new(form)))
}

#[tauri::command]
pub fn get_profile_options() -> ProfileOptions {
    planner_core::profile_options()
}
