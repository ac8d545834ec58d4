//! Versions of a plan: immutable snapshots ("sent to committee, 3 March") the store keeps beside
//! the working plan, and that a plan file carries with it.

use chrono::{DateTime, Local, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ValidationErrors;
use crate::format::long_date;
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

/// Which version of its plan a report shows: the latest saved version when the plan is as that
/// version keeps it, else the working copy. The report's cover says it in full, its footer in
/// short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportedVersion {
    /// The plan as its latest version keeps it.
    Saved {
        number: u32,
        label: String,
        on: NaiveDate,
    },
    /// The plan changed since its latest version, saved `on`.
    ChangedSince { number: u32, on: NaiveDate },
    /// No version saved yet.
    WorkingCopy,
}

impl ReportedVersion {
    /// Which version `plan` (the plan as it is now) is, given its latest saved version.
    pub fn of(plan: &Plan, latest: Option<&PlanVersion>) -> Self {
        let Some(latest) = latest else {
            return Self::WorkingCopy;
        };
        let summary = &latest.summary;
        let on = local_date(&summary.created_at);
        if latest.plan == *plan {
            Self::Saved {
                number: summary.number,
                label: summary.label.clone(),
                on,
            }
        } else {
            Self::ChangedSince {
                number: summary.number,
                on,
            }
        }
    }

    /// "Version 2, “sent to committee”, saved 3 March 2027", "Working copy, changed since
    /// version 2 (3 March 2027)", "Working copy (no version saved yet)".
    pub fn describe(&self) -> String {
        match self {
            Self::Saved { number, label, on } => {
                format!("Version {number}, “{label}”, saved {}", long_date(*on))
            }
            Self::ChangedSince { number, on } => format!(
                "Working copy, changed since version {number} ({})",
                long_date(*on)
            ),
            Self::WorkingCopy => "Working copy (no version saved yet)".to_owned(),
        }
    }

    /// "Version 2", "Working copy".
    pub fn short(&self) -> String {
        match self {
            Self::Saved { number, .. } => format!("Version {number}"),
            Self::ChangedSince { .. } | Self::WorkingCopy => "Working copy".to_owned(),
        }
    }
}

/// The day `created_at` (RFC 3339) fell on where the computer is; a time that cannot be read
/// (never written by the store) counts as its date as written.
fn local_date(created_at: &str) -> NaiveDate {
    DateTime::parse_from_rfc3339(created_at)
        .map(|at| at.with_timezone(&Local).date_naive())
        .or_else(|_| NaiveDate::parse_from_str(created_at.get(..10).unwrap_or(""), "%Y-%m-%d"))
        .unwrap_or_default()
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

    fn version(number: u32, plan: &Plan) -> PlanVersion {
        PlanVersion {
            summary: VersionSummary {
                number,
                label: "sent to committee".to_owned(),
                // Noon UTC: the same day in every time zone from UTC−11 to UTC+11.
                created_at: "2027-03-03T12:00:00Z".to_owned(),
            },
            plan: plan.clone(),
        }
    }

    #[test]
    fn a_report_names_the_latest_version_or_says_it_shows_the_working_copy() {
        let plan = crate::sample_plan();
        assert_eq!(
            ReportedVersion::of(&plan, None).describe(),
            "Working copy (no version saved yet)"
        );
        let saved = ReportedVersion::of(&plan, Some(&version(2, &plan)));
        assert_eq!(
            saved.describe(),
            "Version 2, “sent to committee”, saved 3 March 2027"
        );
        assert_eq!(saved.short(), "Version 2");
        let mut changed = plan.clone();
        changed.title.push_str(" (revised)");
        let since = ReportedVersion::of(&changed, Some(&version(2, &plan)));
        assert_eq!(
            since.describe(),
            "Working copy, changed since version 2 (3 March 2027)"
        );
        assert_eq!(since.short(), "Working copy");
    }
}
