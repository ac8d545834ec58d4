//! The planner's domain: plans, institution profiles, their validation and (as the model grows)
//! every number the tool shows. The UI, the CLI and the PDF all read their figures from here.
//!
//! This crate must never depend on Tauri, SQLite, a PDF library or any other crate of ours.

pub mod assessment;
mod calendar;
pub mod compare;
mod credit;
mod edit;
mod error;
pub mod format;
pub mod health;
mod input_file;
mod json_file;
mod labels;
mod options;
mod places;
mod plan;
mod plan_file;
mod profile;
pub mod report;
pub mod review;
pub mod rollout;
pub mod rollup;
pub mod sample;
pub mod tables;
pub mod text;
mod version;
pub mod workplan;

pub use calendar::{AcademicCalendar, CalendarSystem, TermStart, days_in_month, month_name};
pub use credit::CreditSystem;
pub use edit::{DraftEdit, DraftFigures, PlanEdit};
pub use error::{FieldError, Problem, ProblemKind, ValidationErrors};
pub use format::{file_stem, format_count};
pub use input_file::{FileRefusal, file_name, read_file_bytes, read_text_file, text_of_file};
pub use json_file::parse_date;
pub use labels::{Labelled, key_of};
pub use options::{CalendarChoice, Choice, ProfileOptions, profile_options};
pub use places::{CodeName, Country, Currency, countries, country_name, currencies, currency_name};
pub use plan::{
    EngagementStatus, ExportOutcome, ExportStage, ImportOutcome, MAX_TITLE_CHARS, Plan, PlanDetail,
    PlanId, PlanSummary, RolloutStatus, ScheduleStatus, StoredPlan,
};
pub use plan_file::{
    MAX_PLAN_FILE_BYTES, MAX_PLAN_FILE_DEPTH, PLAN_FILE_FORMAT, PLAN_FILE_VERSION, PlanFile,
    PlanFileError, plan_file_schema, read_plan_file, write_plan_file,
};
pub use profile::{
    InstitutionProfile, InstitutionType, MAX_ENROLMENT, ProfileForm, Stage, TermStartForm,
    parse_count, parse_enrolment, profile_field,
};
pub use sample::sample_plan;
pub use version::{
    MAX_VERSION_LABEL_CHARS, PlanVersion, ReportedVersion, VersionSummary, version_label,
};

#[cfg(test)]
mod bindings;
#[cfg(test)]
mod ui_fixtures;
