//! `mcplan versions` and `mcplan snapshot`: a plan's versions, kept by the store.

use planner_core::VersionSummary;

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
