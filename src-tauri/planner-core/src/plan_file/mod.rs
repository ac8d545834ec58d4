//! The `.mcplan` plan file: a whole plan as versioned JSON, so a plan can travel to a committee
//! or another campus and come back. Reading one is strict: a file that is not what this planner
//! writes is refused whole, with one line naming the problem and where in the file it is, so
//! nothing half-read ever reaches the store.

mod schema;
mod strict;
mod upgrade;
mod validate;

use serde::{Deserialize, Serialize};

use crate::json_file::describe;
use crate::plan::Plan;
use crate::version::{PlanVersion, VersionSummary};
use strict::{StrictValue, first_unknown_key, too_deep};

pub use schema::plan_file_schema;
pub use strict::MAX_DEPTH as MAX_PLAN_FILE_DEPTH;
pub(crate) use validate::checked_plan;

/// What the `format` key of every plan file says.
pub const PLAN_FILE_FORMAT: &str = "mcplan";
/// The plan file version this planner writes; it reads this one and every older one.
/// Version 2 carries the plan's versions; version 1 did not.
pub const PLAN_FILE_VERSION: u32 = 2;
/// A plan of 100,000 tasks is about 12 MB; nothing real comes near 16 MiB.
pub const MAX_PLAN_FILE_BYTES: u64 = 16 << 20;

/// Why a plan file is refused: one line, naming the place in the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct PlanFileError(pub String);

/// What a plan file carries: the plan and its versions, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanFile {
    pub plan: Plan,
    pub versions: Vec<PlanVersion>,
}

/// A version as the file spells it: its fields side by side, so a refusal inside its plan is
/// named by its whole path (`versions[0].plan.risks[2].impact`).
#[derive(Debug, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct VersionInFile {
    /// 1 for the plan's first version, one more for each later one.
    number: u32,
    /// What the version is, such as “Sent to committee, 3 March”.
    label: String,
    /// When the version was kept: RFC 3339, UTC.
    created_at: String,
    /// The plan as it was then.
    plan: Plan,
}

#[derive(Serialize)]
struct PlanFileOut<'a> {
    format: &'static str,
    version: u32,
    plan: &'a Plan,
    versions: &'a [VersionInFile],
}

/// A plan file of the Micro-credential Adoption Planner (`.mcplan`): a whole plan and the
/// versions kept of it. Every key is known and given once; a file with any other key is
/// refused.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Micro-credential Adoption Planner plan file")]
struct PlanFileIn {
    /// Always "mcplan".
    #[serde(rename = "format")]
    _format: String,
    /// The version of the format this schema describes (older versions are upgraded as they
    /// are read).
    #[serde(rename = "version")]
    _version: u32,
    /// The plan as it is now.
    plan: Plan,
    /// The versions kept of the plan, oldest first.
    versions: Vec<VersionInFile>,
}

fn in_file(version: &PlanVersion) -> VersionInFile {
    VersionInFile {
        number: version.summary.number,
        label: version.summary.label.clone(),
        created_at: version.summary.created_at.clone(),
        plan: version.plan.clone(),
    }
}

/// The plan file's text for `plan` and its `versions`: indented JSON ending in a line break.
pub fn write_plan_file(plan: &Plan, versions: &[PlanVersion]) -> String {
    let versions: Vec<VersionInFile> = versions.iter().map(in_file).collect();
    let file = PlanFileOut {
        format: PLAN_FILE_FORMAT,
        version: PLAN_FILE_VERSION,
        plan,
        versions: &versions,
    };
    // A `Plan` holds only strings, numbers and maps keyed by strings, so it always serialises.
    let mut text = serde_json::to_string_pretty(&file).expect("a plan serialises to JSON");
    text.push('\n');
    text
}

/// The plan and versions a plan file holds, each plan checked as every edit of a plan is; or
/// the first reason the file cannot be taken. Files of older versions are upgraded first.
pub fn read_plan_file(text: &str) -> Result<PlanFile, PlanFileError> {
    let refuse = |message: String| Err(PlanFileError(message));
    if text.len() as u64 > MAX_PLAN_FILE_BYTES {
        return refuse(format!(
            "the file is larger than {} bytes, the most a plan file can be",
            crate::format_count(MAX_PLAN_FILE_BYTES)
        ));
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if let Some((line, column)) = too_deep(text) {
        return refuse(format!(
            "line {line}, column {column}: nested more than {MAX_PLAN_FILE_DEPTH} levels deep, \
             deeper than a plan file ever is"
        ));
    }
    let mut given = strictly_parsed(text)?;
    let version = check_header(&given)?;
    let file: Result<PlanFileIn, _> = if version == u64::from(PLAN_FILE_VERSION) {
        // From the text, so a refusal names the line and column too.
        serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(text))
    } else {
        given = upgrade::to_current(given, version)?;
        serde_path_to_error::deserialize(given.clone())
    };
    let file = file.map_err(|err| PlanFileError(describe(&err.path().to_string(), err.inner())))?;
    let written = serde_json::to_value(PlanFileOut {
        format: PLAN_FILE_FORMAT,
        version: PLAN_FILE_VERSION,
        plan: &file.plan,
        versions: &file.versions,
    })
    .map_err(|err| PlanFileError(err.to_string()))?;
    if let Some((path, message)) = first_unknown_key(&given, &written, "") {
        return refuse(format!("{path}: {message}"));
    }
    let versions = file.versions.into_iter().map(|v| PlanVersion {
        summary: VersionSummary {
            number: v.number,
            label: v.label,
            created_at: v.created_at,
        },
        plan: v.plan,
    });
    validate::validated(file.plan, versions.collect())
        .map_err(|errors| PlanFileError(errors.first_problems()))
}

/// The whole text as JSON, every key given once, nothing after it.
fn strictly_parsed(text: &str) -> Result<serde_json::Value, PlanFileError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let StrictValue(value) = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|err| PlanFileError(describe(&err.path().to_string(), err.inner())))?;
    deserializer
        .end()
        .map_err(|err| PlanFileError(describe("", &err)))?;
    Ok(value)
}

/// `format` says this is a plan file and `version` is one this planner knows; that version.
fn check_header(value: &serde_json::Value) -> Result<u64, PlanFileError> {
    let refuse = |message: &str| Err(PlanFileError(message.to_owned()));
    let Some(object) = value.as_object() else {
        return refuse("not a plan file: it holds no JSON object with a \"format\" of \"mcplan\"");
    };
    match object.get("format") {
        Some(serde_json::Value::String(format)) if format == PLAN_FILE_FORMAT => {}
        Some(_) => return refuse("format: not a plan file; a plan file's format is \"mcplan\""),
        None => return refuse("format: missing; this is not a plan file of this planner"),
    }
    match object.get("version").map(serde_json::Value::as_u64) {
        None => refuse("version: missing; a plan file says which version of the format it is"),
        Some(Some(version)) if version > u64::from(PLAN_FILE_VERSION) => {
            Err(PlanFileError(format!(
                "version: the file is version {version} of the format, made by a newer version \
                 of the planner; this one reads up to version {PLAN_FILE_VERSION}; update the \
                 planner to open it"
            )))
        }
        Some(Some(version @ 1..)) => Ok(version),
        Some(_) => refuse("version: the format version is a whole number from 1"),
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod version_tests;
