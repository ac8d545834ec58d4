//! The committee review from the window: each change as one edit, and the comments of a report
//! PDF a committee annotated, read for the window to file through the plan's session.

use chrono::Local;
use planner_core::review::{CommentsFound, ReviewEdit};
use planner_core::{PlanDetail, PlanEdit, PlanId};
use tauri::{AppHandle, State};

use crate::file_dialog::{self, ask_which_file_to_open};
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

/// Asks which annotated report PDF to bring back, then reads its comments and what they would
/// add to plan `id`'s review; `None` when the dean closed the dialog. Nothing is filed here: the
/// window files them as one `edit_review` through the plan's session.
#[tauri::command]
pub async fn comments_from_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    id: PlanId,
) -> Result<Option<CommentsFound>, AppError> {
    let Some(path) = ask_which_file_to_open(&app, file_dialog::REVIEWED_PDF).await else {
        return Ok(None);
    };
    state
        .comments_in_report(id, &path, Local::now().date_naive())
        .map(Some)
}
