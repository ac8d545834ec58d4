use chrono::Local;
use planner_core::assessment::{AreaKey, AreaResponse, AssessmentGuide, WizardPosition, guide};
use planner_core::{PlanDetail, PlanEdit, PlanId};
use tauri::State;

use crate::{AppError, AppState};

#[tauri::command]
pub fn get_assessment_guide() -> &'static AssessmentGuide {
    guide()
}

#[tauri::command(async)]
pub fn save_area_response(
    state: State<'_, AppState>,
    id: PlanId,
    expected_revision: i64,
    area: AreaKey,
    response: AreaResponse,
) -> Result<PlanDetail, AppError> {
    let edit = PlanEdit::AreaResponse { area, response };
    state.edit_plan(id, expected_revision, edit)
}

#[tauri::command(async)]
pub fn set_wizard_position(
    state: State<'_, AppState>,
    id: PlanId,
    expected_revision: i64,
    position: WizardPosition,
) -> Result<PlanDetail, AppError> {
    state.edit_plan(id, expected_revision, PlanEdit::WizardPosition(position))
}

#[tauri::command(async)]
pub fn set_action_adopted(
    state: State<'_, AppState>,
    id: PlanId,
    expected_revision: i64,
    action: String,
    adopted: bool,
) -> Result<PlanDetail, AppError> {
    let today = Local::now().date_naive();
    let edit = PlanEdit::ActionAdopted {
        action,
        adopted,
        today,
    };
    state.edit_plan(id, expected_revision, edit)
}
