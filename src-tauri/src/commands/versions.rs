//! A plan's versions: the list, a snapshot of the plan as the window shows it, and what changed
//! between two of them (or since one, to the plan now), compared by planner-core.

use planner_core::compare::PlanComparison;
use planner_core::{PlanId, VersionSummary};
use tauri::State;

use crate::{AppError, AppState};

#[tauri::command(async)]
pub fn list_versions(
    state: State<'_, AppState>,
    id: PlanId,
) -> Result<Vec<VersionSummary>, AppError> {
    state.list_versions(id)
}

/// Keeps the plan at `expected_revision` as a version labelled `label`; answers every version.
#[tauri::command(async)]
pub fn snapshot_plan(
    state: State<'_, AppState>,
    id: PlanId,
    expected_revision: i64,
    label: String,
) -> Result<Vec<VersionSummary>, AppError> {
    state.snapshot_plan(id, expected_revision, &label)
}

/// What changed from version `from` to version `to`, or to the plan now when `to` is none.
#[tauri::command(async)]
pub fn compare_versions(
    state: State<'_, AppState>,
    id: PlanId,
    from: u32,
    to: Option<u32>,
) -> Result<PlanComparison, AppError> {
    state.compare_versions(id, from, to)
}
