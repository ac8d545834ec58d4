use planner_core::review::ReviewEdit;
use planner_core::{PlanDetail, PlanEdit, PlanId};
use tauri::State;

use crate::{AppError, AppState};

/// Changes the committee review: the plan's status, a reviewer or their decision, a comment.
#[tauri::command(async)]
pub fn edit_review(
    state: State<'_, AppState>,
    id: PlanId,
    expected_revision: i64,
    edit: ReviewEdit,
) -> Result<PlanDetail, AppError> {
    state.edit_plan(id, expected_revision, PlanEdit::Review(edit))
}
