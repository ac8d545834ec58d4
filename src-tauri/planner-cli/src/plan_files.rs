//! `mcplan export`: a whole plan to a plan file (.mcplan), written whole or not at all. The
//! file's format lives in planner-core; `mcplan import` reads it (or the report PDF carrying
//! one) through planner-report's `read_plan_file_at`, as the window does.

use std::path::Path;

use planner_core::{Plan, PlanVersion, write_plan_file};

use crate::Failure;
use crate::commands::report_failure;

/// Writes `plan` and its versions to `out` atomically; says what was written.
pub(crate) fn export(plan: &Plan, versions: &[PlanVersion], out: &Path) -> Result<String, Failure> {
    let text = write_plan_file(plan, versions);
    planner_report::write_atomically(out, text.as_bytes()).map_err(report_failure)?;
    Ok(format!("Wrote {} ({} bytes)", out.display(), text.len()))
}
