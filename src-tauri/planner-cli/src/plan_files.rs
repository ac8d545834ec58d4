//! `mcplan export` and `mcplan import`: a whole plan to and from a plan file (.mcplan). The
//! file's format and its checks live in planner-core; here the file is read with a size cap
//! and written whole or not at all.

use std::path::Path;

use planner_core::{
    MAX_PLAN_FILE_BYTES, Plan, PlanFile, PlanVersion, read_plan_file, write_plan_file,
};

use crate::Failure;
use crate::commands::report_failure;
use crate::input_file::read_input_file;

/// Writes `plan` and its versions to `out` atomically; says what was written.
pub(crate) fn export(plan: &Plan, versions: &[PlanVersion], out: &Path) -> Result<String, Failure> {
    let text = write_plan_file(plan, versions);
    planner_report::write_atomically(out, text.as_bytes()).map_err(report_failure)?;
    Ok(format!("Wrote {} ({} bytes)", out.display(), text.len()))
}

/// The plan and versions in `file`, checked whole, or why the file is refused.
pub(crate) fn read(file: &Path) -> Result<PlanFile, Failure> {
    let text = read_input_file(file, "the plan file", MAX_PLAN_FILE_BYTES)?;
    read_plan_file(&text).map_err(|e| Failure::Input(format!("{}: {e}", file.display())))
}
