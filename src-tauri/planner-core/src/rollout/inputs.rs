//! Everything the dean enters for the rollout model, as it is stored in a plan.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::montecarlo::UncertaintyInputs;
use super::scenarios::ScenarioInputs;

/// The rollout model's inputs: calendar, phases, credential portfolio, uptake and budget
/// assumptions, scenarios and uncertainty. Checked as a whole by [`RolloutInputs::validate`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RolloutInputs {
    /// The plan's first day. The first term is the first one starting on or after it.
    #[ts(type = "string")]
    pub start_date: NaiveDate,
    /// 1–10 years; the plan covers the terms starting before `startDate` plus this many years.
    pub horizon_years: u8,
    pub phases: PhasePlan,
    pub credentials: Vec<Credential>,
    pub uptake: UptakeAssumptions,
    pub budget: BudgetInputs,
    #[serde(default)]
    pub scenarios: ScenarioInputs,
    #[serde(default)]
    pub uncertainty: UncertaintyInputs,
}

/// Where each phase begins, as a term index (term 0 is the plan's first term). Prepare runs
/// from term 0 until Pilot begins; a phase whose start equals the next one's is empty, and a
/// start at the term count means the phase lies beyond the horizon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PhasePlan {
    pub pilot_start_term: u32,
    pub scale_start_term: u32,
    pub sustain_start_term: u32,
    /// Criteria to meet before leaving Prepare; `None` keeps the defaults.
    #[serde(default)]
    pub prepare_gate: Option<Vec<String>>,
    #[serde(default)]
    pub pilot_gate: Option<Vec<String>>,
    #[serde(default)]
    pub scale_gate: Option<Vec<String>>,
    #[serde(default)]
    pub sustain_gate: Option<Vec<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProviderKind {
    /// A company's certificate, such as Google's or IBM's.
    Industry,
    /// Designed and run by the institution itself.
    InHouse,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Provider {
    pub kind: ProviderKind,
    /// "Google", "IBM", "Microsoft", or the faculty offering it.
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CredentialField {
    Cybersecurity,
    ProjectManagement,
    SoftwareDevelopment,
    DataAnalytics,
    ItSupport,
    UxDesign,
    CloudComputing,
    Other,
}

/// The credit an external body recommends for the credential; any may be missing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct CreditRecommendation {
    /// ACE recommendation, in US semester credit hours.
    pub ace_semester_hours: Option<f64>,
    pub ects_credits: Option<f64>,
    /// India's NSQF level (1–10).
    pub nsqf_level: Option<u8>,
    pub nsqf_credits: Option<f64>,
    /// True while the figures are placeholders (the sample's), not the bodies' published
    /// recommendations; the window and the report say so until the dean enters the real ones.
    pub illustrative: bool,
}

/// How the institution counts the credential toward a degree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GrantMethod {
    /// Free elective credit.
    Elective,
    /// Replaces a named course of the program.
    CourseSubstitution,
    /// Counts toward a larger certificate the credential stacks into.
    Stackable,
}

/// The credit the institution itself grants a completer, in its home credit system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HomeCredit {
    pub amount: f64,
    pub method: GrantMethod,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TargetProgram {
    pub name: String,
    /// Students enrolled in the program: the credential's eligible population.
    pub enrolment: u32,
    /// Average years a student takes to finish the program: how fast new students arrive who
    /// have not taken the credential. `None` takes the default for the kind of institution.
    #[serde(default)]
    pub years_to_degree: Option<f64>,
}

/// Another credential of the portfolio, by position or by exact title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(untagged)]
pub enum CredentialRef {
    Index(u32),
    Title(String),
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentType {
    Exam,
    Project,
    Portfolio,
    PracticalTask,
    Quizzes,
    #[default]
    Mixed,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Participation {
    #[default]
    Online,
    InPerson,
    Hybrid,
}

/// The standard elements the 2022 EU Council Recommendation on micro-credentials asks every
/// micro-credential to describe.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct StandardElements {
    pub learning_outcomes: String,
    pub assessment_type: AssessmentType,
    pub participation: Participation,
    pub quality_assurance: String,
    /// European Qualifications Framework level, 1–8.
    pub eqf_level: Option<u8>,
}

/// One micro-credential of the portfolio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Credential {
    pub title: String,
    pub provider: Provider,
    pub field: CredentialField,
    /// Total learning time of a typical learner, in hours.
    pub learning_hours: f64,
    #[serde(default)]
    pub recommendation: CreditRecommendation,
    pub home_credit: HomeCredit,
    pub target_programs: Vec<TargetProgram>,
    /// The term (index) in which students can first enrol.
    pub launch_term: u32,
    /// Courses in the credential; a completer completes them all.
    #[serde(default = "default_course_count")]
    pub course_count: u32,
    /// True when the course count is the provider's listing; otherwise it is illustrative.
    #[serde(default)]
    pub course_count_from_listing: bool,
    /// Larger credentials this one counts toward.
    #[serde(default)]
    pub stacks_into: Vec<CredentialRef>,
    #[serde(default)]
    pub standard_elements: StandardElements,
}

/// How students take up the credentials. Rates are per term, in percent of the students of
/// the target programs who have not taken the credential yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UptakeAssumptions {
    /// Share of eligible students who enrol in the credential's launch term.
    pub pilot_rate_pct: f64,
    /// The share enrolling per term once the credential is established.
    pub target_rate_pct: f64,
    /// Terms after launch at which uptake rises fastest (the logistic curve's midpoint). The
    /// curve is rescaled to start exactly at the pilot rate, so the rate there is a little
    /// under halfway from pilot to target.
    pub midpoint_terms: f64,
    /// How sharply uptake turns from pilot to target around the midpoint (per term).
    pub steepness: f64,
    /// Share of enrolled learners who complete the credential.
    pub completion_rate_pct: f64,
    /// Share of a credential's courses that a learner who does not complete it completes, in
    /// percent (a completer completes them all).
    #[serde(default = "default_non_completer_course_share_pct")]
    pub non_completer_course_share_pct: f64,
    /// Plans saved before courses were counted per credential carry `coursesPerLearner`: it is
    /// read so that they still open, and never used or written again.
    #[serde(default, rename = "coursesPerLearner", skip_serializing)]
    #[ts(skip)]
    pub(crate) superseded_courses_per_learner: Option<f64>,
}

fn default_non_completer_course_share_pct() -> f64 {
    30.0
}

fn default_course_count() -> u32 {
    5
}

/// Money the plan receives from outside in one fiscal year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Grant {
    pub name: String,
    pub amount: f64,
    /// Which of the plan's fiscal years (0 = the first) it arrives in.
    pub fiscal_year_index: u32,
}

/// Costs and benefits, all in the plan's currency. Annual amounts are for a full fiscal year
/// and are prorated for the part of a fiscal year the plan covers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct BudgetInputs {
    /// Paid for each enrolment.
    pub licence_cost_per_learner: f64,
    /// One-time work to map one credential onto programs, in the fiscal year it launches.
    pub mapping_hours_per_credential: f64,
    pub mapping_rate_per_hour: f64,
    /// Faculty development, hours per year.
    pub faculty_development_hours_per_year: f64,
    pub faculty_development_rate_per_hour: f64,
    pub staff_fte: f64,
    /// Salary and on-costs of one full-time staff member per year.
    pub salary_per_fte: f64,
    pub marketing_per_year: f64,
    /// One-time, in the first fiscal year.
    pub technology_integration: f64,
    /// Percentage points by which learners' retention rises.
    pub retention_uplift_pct_points: f64,
    /// Net tuition one retained or additional student brings in a year.
    pub net_tuition_per_student: f64,
    /// New students a year drawn by the credentials, from the first launch on.
    pub additional_students_per_year: f64,
    pub grants: Vec<Grant>,
}
