//! Plan files written by older planners, brought up to the current version before they are
//! read, one explicit step per version, so reading only ever knows one shape.

use serde_json::{Value, json};

use super::PlanFileError;

/// The file's JSON as the current version says it. `version` is the file's own (already
/// checked to be from 1 up to the current one).
pub(super) fn to_current(mut file: Value, version: u64) -> Result<Value, PlanFileError> {
    if version < 2 {
        file = from_v1(file)?;
    }
    Ok(file)
}

/// Version 2 added the plan's versions; a version-1 file carries none.
fn from_v1(mut file: Value) -> Result<Value, PlanFileError> {
    if let Some(object) = file.as_object_mut() {
        if object.contains_key("versions") {
            return Err(PlanFileError(
                "versions: a version-1 plan file carries no versions; a file with versions \
                 says \"version\": 2"
                    .to_owned(),
            ));
        }
        object.insert("version".to_owned(), json!(2));
        object.insert("versions".to_owned(), json!([]));
    }
    Ok(file)
}
