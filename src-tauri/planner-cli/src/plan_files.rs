//! `mcplan export` and `mcplan import`: a whole plan to and from a plan file (.mcplan), or from
//! the PDF report that carries one. The file's format and its checks live in planner-core, the
//! PDF's attachment in planner-report; here the file is read with a size cap and written whole
//! or not at all.

use std::path::Path;

use planner_core::{
    MAX_PLAN_FILE_BYTES, Plan, PlanFile, PlanVersion, read_plan_file, write_plan_file,
};
use planner_report::MAX_PDF_BYTES;

use crate::Failure;
use crate::commands::report_failure;
use crate::input_file::{input_text, read_input_bytes, too_big};

/// Writes `plan` and its versions to `out` atomically; says what was written.
pub(crate) fn export(plan: &Plan, versions: &[PlanVersion], out: &Path) -> Result<String, Failure> {
    let text = write_plan_file(plan, versions);
    planner_report::write_atomically(out, text.as_bytes()).map_err(report_failure)?;
    Ok(format!("Wrote {} ({} bytes)", out.display(), text.len()))
}

/// The plan and versions in `file`, checked whole, or why the file is refused. `file` is a
/// plan file, or a PDF report this planner made, which carries one.
pub(crate) fn read(file: &Path) -> Result<PlanFile, Failure> {
    let what = "the plan file";
    let bytes = read_input_bytes(file, what, MAX_PDF_BYTES.max(MAX_PLAN_FILE_BYTES))?;
    let refused = |e: &dyn std::fmt::Display| Failure::Input(format!("{}: {e}", file.display()));
    let text = if planner_report::is_pdf(&bytes) {
        planner_report::plan_file_in_pdf(&bytes).map_err(|e| refused(&e))?
    } else if bytes.len() as u64 > MAX_PLAN_FILE_BYTES {
        return Err(too_big(file, what, MAX_PLAN_FILE_BYTES));
    } else {
        input_text(file, what, bytes)?
    };
    read_plan_file(&text).map_err(|e| refused(&e))
}
