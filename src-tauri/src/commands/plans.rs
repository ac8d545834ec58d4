use planner_core::{Country, PlanId, PlanSummary, ProfileForm, StoredPlan};
use tauri::State;

use crate::{AppError, AppState};

#[tauri::command]
pub fn list_plans(state: State<'_, AppState>) -> Result<Vec<PlanSummary>, AppError> {
    state.list_plans()
}

#[tauri::command]
pub fn get_plan(state: State<'_, AppState>, id: PlanId) -> Result<StoredPlan, AppError> {
    state.get_plan(id)
}

#[tauri::command]
pub fn create_plan(state: State<'_, AppState>, form: ProfileForm) -> Result<StoredPlan, AppError> {
    state.create_plan(&form)
}

#[tauri::command]
pub fn update_profile(
    state: State<'_, AppState>,
    id: PlanId,
    form: ProfileForm,
) -> Result<StoredPlan, AppError> {
    state.update_profile(id, &form)
}

#[tauri::command]
pub fn list_countries() -> Vec<Country> {
    planner_core::countries().collect()
}
