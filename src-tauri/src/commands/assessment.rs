use planner_core::PlanDetail;
use planner_core::PlanId;
use planner_core::assessment::{AreaKey, AreaResponse, AssessmentGuide, WizardPosition, guide};
use tauri::State;

use crate::{AppError, AppState};

#[tauri::command]
pub fn get_assessment_guide() -> &'static AssessmentGuide {
    guide()
}

#[tauri::command]
pub fn save_area_response(
    state: State<'_, AppState>,
    id: PlanId,
    area: AreaKey,
    response: AreaResponse,
) -> Result<PlanDetail, AppError> {
    state.save_area_response(id, area, response)
}

#[tauri::command]
pub fn set_wizard_position(
    state: State<'_, AppState>,
    id: PlanId,
    position: WizardPosition,
) -> Result<PlanDetail, AppError> {
    state.set_wizard_position(id, position)
}

#[tauri::command]
pub fn set_action_adopted(
    state: State<'_, AppState>,
    id: PlanId,
    action: String,
    adopted: bool,
) -> Result<PlanDetail, AppError> {
    state.set_action_adopted(id, &action, adopted)
}
