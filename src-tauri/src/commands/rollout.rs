use planner_core::rollout::RolloutInputs;
use planner_core::{PlanDetail, PlanId};
use tauri::State;

use crate::{AppError, AppState};

#[tauri::command]
pub fn start_rollout(state: State<'_, AppState>, id: PlanId) -> Result<PlanDetail, AppError> {
    state.start_rollout(id)
}

#[tauri::command]
pub fn update_rollout(
    state: State<'_, AppState>,
    id: PlanId,
    inputs: RolloutInputs,
) -> Result<PlanDetail, AppError> {
    state.update_rollout(id, inputs)
}
