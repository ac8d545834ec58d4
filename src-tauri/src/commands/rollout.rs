use chrono::Local;
use planner_core::rollout::RolloutInputs;
use planner_core::{PlanDetail, PlanEdit, PlanId};
use tauri::State;

use crate::{AppError, AppState};

/// Sets the rollout up with starting assumptions, unless it already is.
#[tauri::command(async)]
pub fn start_rollout(
    state: State<'_, AppState>,
    id: PlanId,
    expected_revision: i64,
) -> Result<PlanDetail, AppError> {
    let today = Local::now().date_naive();
    state.edit_plan(id, expected_revision, PlanEdit::StartRollout { today })
}

/// Replaces the rollout inputs; nothing is written unless they all fit the profile.
#[tauri::command(async)]
pub fn update_rollout(
    state: State<'_, AppState>,
    id: PlanId,
    expected_revision: i64,
    inputs: RolloutInputs,
) -> Result<PlanDetail, AppError> {
    let edit = PlanEdit::Rollout(Box::new(inputs));
    state.edit_plan(id, expected_revision, edit)
}
