//! `mcplan versions`, `mcplan snapshot` and `mcplan compare`: a plan's versions, kept by the
//! store, and what changed between two of them.

use planner_core::compare::compare;
use planner_core::{Plan, VersionSummary};

use crate::Failure;
use crate::commands::to_json;

/// The versions as a table (or JSON), or a line saying there are none yet.
pub(crate) fn listed(versions: &[VersionSummary], json: bool) -> Result<String, Failure> {
    if json {
        return to_json(&versions);
    }
    if versions.is_empty() {
        return Ok(
            "No versions yet. Keep one with `mcplan snapshot ID --label \"sent to committee\"`."
                .to_owned(),
        );
    }
    let rows: Vec<String> = versions
        .iter()
        .map(|v| {
            let taken = v
                .created_at
                .get(..16)
                .unwrap_or(&v.created_at)
                .replace('T', " ");
            format!("{:>4}  {taken} UTC  {}", v.number, v.label)
        })
        .collect();
    Ok(rows.join("\n"))
}

/// What changed from `before` to `after`, each part under its heading (or as JSON).
pub(crate) fn compared(before: &Plan, after: &Plan, json: bool) -> Result<String, Failure> {
    let changes = compare(before, after);
    if json {
        return to_json(&changes);
    }
    if changes.is_empty() {
        return Ok("No changes: the two plans say the same.".to_owned());
    }
    let parts: Vec<String> = changes
        .sections()
        .into_iter()
        .map(|(heading, lines)| format!("{heading}\n  {}", lines.join("\n  ")))
        .collect();
    Ok(parts.join("\n\n"))
}
