//! The planner's domain: plans, institution profiles, their validation and (as the model grows)
//! every number the tool shows. The UI, the CLI and the PDF all read their figures from here.
//!
//! This crate must never depend on Tauri, SQLite, a PDF library or any other crate of ours.

mod error;
mod format;
mod plan;
mod profile;
mod sample;

pub use error::{FieldError, Problem, ProblemKind, ValidationErrors};
pub use format::{file_stem, format_count};
pub use plan::{ExportOutcome, MAX_TITLE_CHARS, Plan, PlanId, PlanSummary, StoredPlan};
pub use profile::{
    Country, InstitutionProfile, MAX_ENROLMENT, ProfileForm, Stage, countries, country_name,
    parse_enrolment, profile_field,
};
pub use sample::sample_plan;

#[cfg(test)]
mod bindings;
