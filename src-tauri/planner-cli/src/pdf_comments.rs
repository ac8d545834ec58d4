//! `mcplan comments FILE.pdf --into ID`: the comments a committee added to a report PDF in any
//! reader, filed in the plan's review under the section where each sits. Reading them is
//! planner-report's; filing them (once per annotation) is the review's own edit.

use std::collections::HashSet;
use std::path::Path;

use chrono::Local;
use planner_core::review::{ReviewComment, ReviewEdit};
use planner_core::{PlanEdit, PlanId};
use planner_report::MAX_PDF_BYTES;
use planner_store::Store;

use crate::Failure;
use crate::input_file::read_input_bytes;

/// The review comments in the PDF `file`, read whole before the store is touched.
pub(crate) fn read(file: &Path) -> Result<Vec<ReviewComment>, Failure> {
    let bytes = read_input_bytes(file, "the PDF", MAX_PDF_BYTES)?;
    let refused = |why: String| Failure::Input(format!("{}: {why}", file.display()));
    if !planner_report::is_pdf(&bytes) {
        return Err(refused(
            "this is not a PDF; give the report PDF the committee sent back".to_owned(),
        ));
    }
    planner_report::review_comments_in_pdf(&bytes, Local::now().date_naive())
        .map_err(|e| refused(e.to_string()))
}

/// Files `comments` from `file` in plan `id`; says how many were new, per section.
pub(crate) fn file(
    store: &mut Store,
    id: PlanId,
    comments: Vec<ReviewComment>,
    file: &Path,
) -> Result<String, Failure> {
    let shown = file.display();
    if comments.is_empty() {
        return Ok(format!("{shown} holds no comments; nothing was filed"));
    }
    let before: HashSet<String> = store
        .get_plan(id)?
        .plan
        .review
        .comments
        .iter()
        .filter_map(|c| c.pdf_key().map(str::to_owned))
        .collect();
    let read = comments.len();
    let edit = PlanEdit::Review(ReviewEdit::FileComments { comments });
    let after = match store.edit_plan(id, None, edit) {
        Ok(stored) => stored.plan.review.comments,
        Err(planner_store::Error::Invalid(errors)) => {
            return Err(Failure::Input(format!(
                "{shown}: {}",
                errors.first_problems()
            )));
        }
        Err(other) => return Err(other.into()),
    };
    let filed: Vec<&ReviewComment> = after
        .iter()
        .filter(|c| c.pdf_key().is_some_and(|key| !before.contains(key)))
        .collect();
    let already = read - filed.len();
    let mut out = match filed.len() {
        0 => format!("Every comment in {shown} was filed before; nothing new"),
        1 => format!("Filed 1 new comment from {shown}"),
        n => format!("Filed {n} new comments from {shown}"),
    };
    for section in planner_core::report::ReportSection::ALL {
        let count = filed.iter().filter(|c| c.section == section).count();
        if count > 0 {
            out.push_str(&format!("\n  {}: {count}", section.label()));
        }
    }
    if already > 0 && !filed.is_empty() {
        out.push_str(&format!("\n  ({already} filed before, not again)"));
    }
    Ok(out)
}
