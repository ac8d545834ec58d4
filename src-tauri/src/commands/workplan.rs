use planner_core::workplan::{FacultyEngagement, KpiEdit, RiskEdit, WorkPlanEdit};
use planner_core::{PlanDetail, PlanEdit, PlanId};
use tauri::State;

use crate::{AppError, AppState};

/// Adds, changes or removes a task or dependency; a change that would make tasks wait for one
/// another in a circle is refused naming them, and nothing is written.
#[tauri::command(async)]
pub fn edit_work_plan(
    state: State<'_, AppState>,
    id: PlanId,
    expected_revision: i64,
    edit: WorkPlanEdit,
) -> Result<PlanDetail, AppError> {
    state.edit_plan(id, expected_revision, PlanEdit::WorkPlan(edit))
}

/// Adds, changes or removes a risk, or adds the proposed risk of each weak area.
#[tauri::command(async)]
pub fn edit_risks(
    state: State<'_, AppState>,
    id: PlanId,
    expected_revision: i64,
    edit: RiskEdit,
) -> Result<PlanDetail, AppError> {
    state.edit_plan(id, expected_revision, PlanEdit::Risk(edit))
}

/// Sets one KPI's baseline and, for the dean's KPIs, its yearly targets.
#[tauri::command(async)]
pub fn set_kpi(
    state: State<'_, AppState>,
    id: PlanId,
    expected_revision: i64,
    kpi: KpiEdit,
) -> Result<PlanDetail, AppError> {
    state.edit_plan(id, expected_revision, PlanEdit::Kpi(kpi))
}

/// Replaces the faculty engagement (departments, champions, sessions, targets, hours).
#[tauri::command(async)]
pub fn set_engagement(
    state: State<'_, AppState>,
    id: PlanId,
    expected_revision: i64,
    engagement: FacultyEngagement,
) -> Result<PlanDetail, AppError> {
    let edit = PlanEdit::Engagement(Box::new(engagement));
    state.edit_plan(id, expected_revision, edit)
}
