//! The files a person hands the planner to take in: a plan file, or a report PDF, which carries
//! one (to import its plan), and a report PDF a committee annotated (to bring its comments
//! back). `mcplan` and the window both read through here, so they take the same files, with
//! the same size caps, and refuse the others in the same words.

use std::path::Path;

use chrono::NaiveDate;
use planner_core::review::{CommentsFound, ReviewComment, another_plan};
use planner_core::{
    FileRefusal, MAX_PLAN_FILE_BYTES, Plan, PlanFile, PlanVersion, file_name, read_file_bytes,
    read_plan_file, text_of_file,
};

use super::{MAX_PDF_BYTES, is_pdf, plan_file_in_pdf, review_comments_in_pdf};
use crate::error::Error;

const PLAN_FILE: &str = "the plan file";
const PDF: &str = "the PDF";

/// The plan and versions in the file at `path`, checked whole, or why the file is refused.
/// The file is a plan file, or a report PDF this planner made (which carries its plan file).
pub fn read_plan_file_at(path: &Path) -> Result<PlanFile, FileRefusal> {
    let bytes = read_file_bytes(path, PLAN_FILE, MAX_PDF_BYTES.max(MAX_PLAN_FILE_BYTES))?;
    let refused = |reason: String| FileRefusal::new(PLAN_FILE, path, reason);
    let text = if is_pdf(&bytes) {
        plan_file_in_pdf(&bytes).map_err(|e| refused(e.to_string()))?
    } else if bytes.len() as u64 > MAX_PLAN_FILE_BYTES {
        return Err(FileRefusal::too_big(PLAN_FILE, path, MAX_PLAN_FILE_BYTES));
    } else {
        text_of_file(path, PLAN_FILE, bytes)?
    };
    read_plan_file(&text).map_err(|e| refused(e.0))
}

/// A report PDF brought back from a committee: the plan it was made from and the comments on it.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotatedReport {
    pub plan: PlanFile,
    pub comments: Vec<ReviewComment>,
}

/// The report PDF at `path` with its comments, each dated `today` when its reader recorded no
/// date; or why it cannot be taken: not a PDF, not a report of this planner, or a report whose
/// plan was changed after it was exported.
pub fn read_annotated_report_at(
    path: &Path,
    today: NaiveDate,
) -> Result<AnnotatedReport, FileRefusal> {
    let bytes = read_file_bytes(path, PDF, MAX_PDF_BYTES)?;
    let refused = |reason: String| FileRefusal::new(PDF, path, reason);
    if !is_pdf(&bytes) {
        return Err(refused(
            "this is not a PDF; choose the report PDF the committee sent back".to_owned(),
        ));
    }
    let text = plan_file_in_pdf(&bytes).map_err(|e| {
        refused(match e {
            Error::NotFromPlanner => "this PDF was not made by the Micro-credential Planner, so \
                                      its comments cannot be matched to a plan's sections"
                .to_owned(),
            Error::NoPlanInPdf => "this PDF was made by an older version of the planner, or its \
                                   plan was removed from it, so it cannot be matched to a plan"
                .to_owned(),
            other => other.to_string(),
        })
    })?;
    let plan = read_plan_file(&text)
        .map_err(|e| refused(format!("the plan inside it cannot be read: {e}")))?;
    let comments = review_comments_in_pdf(&bytes, today).map_err(|e| refused(e.to_string()))?;
    Ok(AnnotatedReport { plan, comments })
}

impl AnnotatedReport {
    /// What this report's comments, read from `path`, add to `plan` (whose versions are
    /// `versions`); refused when the report is of another plan.
    pub fn for_plan(
        self,
        path: &Path,
        plan: &Plan,
        versions: &[PlanVersion],
    ) -> Result<CommentsFound, FileRefusal> {
        if let Some(reason) = another_plan(plan, versions, &self.plan) {
            return Err(FileRefusal::new(PDF, path, reason));
        }
        Ok(CommentsFound::new(
            &file_name(path),
            self.comments,
            &plan.review,
        ))
    }
}
