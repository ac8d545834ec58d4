//! `mcplan comments FILE.pdf --into ID`: the comments a committee added to a report PDF in any
//! reader, filed in the plan's review under the section where each sits. Reading them is
//! planner-report's, deciding what is new and saying it planner-core's (the window's "Bring back
//! comments from a PDF…" does the same); filing them is the review's own edit.

use std::path::Path;

use planner_core::review::ReviewEdit;
use planner_core::{PlanEdit, PlanId};
use planner_report::AnnotatedReport;
use planner_store::Store;

use crate::Failure;

/// Files the comments of `report`, read from `file`, in plan `id`; says what was new, per
/// section. A report of another plan is refused and nothing is filed.
pub(crate) fn file(
    store: &mut Store,
    id: PlanId,
    report: AnnotatedReport,
    file: &Path,
) -> Result<String, Failure> {
    let stored = store.get_plan(id)?;
    let versions = store.get_versions(id)?;
    let found = report.for_plan(file, &stored.plan, &versions)?;
    if found.new_count() > 0 {
        let edit = PlanEdit::Review(ReviewEdit::FileComments {
            comments: found.comments,
        });
        match store.edit_plan(id, None, edit) {
            Ok(_) => {}
            Err(planner_store::Error::Invalid(errors)) => {
                return Err(Failure::Input(format!(
                    "{}: {}",
                    file.display(),
                    errors.first_problems()
                )));
            }
            Err(other) => return Err(other.into()),
        }
    }
    Ok(found.summary)
}
