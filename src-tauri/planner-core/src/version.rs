//! Versions of a plan: immutable snapshots ("sent to committee, 3 March") the store keeps beside
//! the working plan, and that a plan file carries with it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ValidationErrors;
use crate::plan::Plan;
use crate::text::{first_hidden_character, hidden_character_message};

/// The longest label a version can have.
pub const MAX_VERSION_LABEL_CHARS: usize = 200;

/// A version as the list of a plan's versions shows it, without its plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VersionSummary {
    /// 1 for a plan's first version, one more for each later one.
    pub number: u32,
    pub label: String,
    /// When the snapshot was taken: RFC 3339, UTC.
    pub created_at: String,
}

/// One snapshot of a plan: what it said when the version was taken. It never changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanVersion {
    #[serde(flatten)]
    pub summary: VersionSummary,
    pub plan: Plan,
}

/// The label as it is kept (trimmed), or why it cannot be one: empty, too long, or holding a
/// hidden character.
pub fn version_label(label: &str) -> Result<String, ValidationErrors> {
    let label = label.trim();
    let refuse = |message: String| Err(ValidationErrors::single("label", message));
    if label.is_empty() {
        return refuse(
            "Give the version a label that says what it is, such as “sent to committee, 3 March”"
                .to_owned(),
        );
    }
    if label.chars().count() > MAX_VERSION_LABEL_CHARS {
        return refuse(format!(
            "A version's label is at most {MAX_VERSION_LABEL_CHARS} characters; shorten it"
        ));
    }
    if let Some(code) = first_hidden_character(label, false) {
        return refuse(hidden_character_message("The version's label", &code));
    }
    Ok(label.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_trimmed_and_must_say_something_short_and_visible() {
        assert_eq!(
            version_label("  sent to committee, 3 March ").as_deref(),
            Ok("sent to committee, 3 March"),
            "spaces around the label are dropped"
        );
        for (label, said) in [
            ("   ", "Give the version a label"),
            (&"x".repeat(201), "at most 200 characters"),
            ("sent\u{202E}draft", "hidden character (U+202E)"),
        ] {
            let refused = version_label(label).expect_err(label).summary();
            assert!(refused.contains(said), "{label:?}: {refused}");
        }
    }
}
