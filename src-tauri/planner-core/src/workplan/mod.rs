//! The work plan: the tasks that carry a rollout out (adopted actions, the dean's own tasks and
//! milestones), their finish-to-start dependencies, and the schedule computed from them, with
//! the critical path; and the risks and KPIs that go with the plan.
//!
//! Where each piece lives: proposing tasks from adopted actions and phase gates `propose.rs`,
//! field checks `validate.rs`, ordering and cycle detection `graph.rs`, the working-day
//! calendar `workdays.rs`, forward and backward scheduling `schedule.rs`, risks `risks.rs`,
//! KPIs `kpis.rs`, faculty engagement and the faculty hours each term needs `engagement.rs`;
//! the dean's changes to tasks and dependencies `edits.rs`, and keeping what the plan proposes
//! in step with its adopted actions and rollout `sync.rs`.

mod edits;
mod engagement;
mod graph;
mod kpis;
mod propose;
mod risks;
mod sample;
mod schedule;
mod sync;
mod validate;
mod workdays;

#[cfg(test)]
mod engagement_tests;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::assessment::Phase;

pub use edits::{TaskFields, WorkPlanEdit};
pub use engagement::{
    Champion, Department, EngagementProjection, EngagementTarget, FacultyEngagement,
    TermEngagement, TrainingSession, faculty_hours, project_engagement,
};
pub use kpis::{
    Kpi, KpiEdit, KpiKey, KpiSource, KpiTarget, MAX_KPI_COUNT, aligned_kpis, keep_kpis_in_step,
    propose_kpis, refresh_model_kpis,
};
pub use propose::{propose_action_tasks, propose_tasks};
pub use risks::{
    IMPACT_WORDS, LIKELIHOOD_WORDS, MAX_MITIGATION_CHARS, MAX_RISKS, Risk, RiskEdit,
    SEVERITY_BANDS, propose_risks, severity_band, validate_risks,
};
pub(crate) use sample::fill_sample;
pub use schedule::{Schedule, ScheduledLink, ScheduledTask, Timeline, schedule};
pub(crate) use sync::keep_in_step;
pub use sync::{is_proposed, pinned_by_rollout};
pub use validate::{
    MAX_DEPENDENCIES, MAX_DURATION_WEEKS, MAX_LAG_WEEKS, MAX_OWNER_CHARS, MAX_TASK_ID_CHARS,
    MAX_TASKS, MAX_TITLE_CHARS,
};

/// The tasks of a plan and what waits on what.
#[derive(
    Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase", default)]
pub struct WorkPlan {
    pub tasks: Vec<Task>,
    pub dependencies: Vec<Dependency>,
}

/// One piece of work, or a milestone (a task of no length).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Task {
    /// Unique within the plan; dependencies name tasks by it. Never shown.
    pub id: String,
    pub title: String,
    /// Who sees it through ("Registrar"). Required: work nobody owns does not get done.
    pub owner_role: String,
    /// Working weeks (Monday to Friday); 0 for a milestone and only for one.
    pub duration_weeks: i32,
    /// The term (index into the plan's terms) the task may start in at the earliest.
    #[serde(default)]
    pub pinned_term: Option<u32>,
    /// The phase this task must be done within; it is flagged when it finishes after that
    /// phase's gate.
    #[serde(default)]
    pub phase: Option<Phase>,
    pub kind: TaskKind,
}

/// Where a task comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TaskKind {
    /// An action adopted from the library (its key).
    Action { action: String },
    /// Work the dean added.
    Custom,
    /// A moment rather than work: senate approval, pilot launch, first credit awarded.
    Milestone,
    /// The gate at the end of a rollout phase: what must be true before the next one begins.
    PhaseGate { phase: Phase },
}

impl TaskKind {
    /// Milestones and gates have no length.
    pub fn is_milestone(&self) -> bool {
        matches!(self, TaskKind::Milestone | TaskKind::PhaseGate { .. })
    }
}

/// Finish-to-start: `successor` starts no earlier than `lag_weeks` working weeks after
/// `predecessor` finishes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Dependency {
    /// The id of the task that must finish first.
    pub predecessor: String,
    /// The id of the task that waits.
    pub successor: String,
    #[serde(default)]
    pub lag_weeks: i32,
}

impl Dependency {
    pub fn new(predecessor: &str, successor: &str, lag_weeks: i32) -> Self {
        Dependency {
            predecessor: predecessor.to_owned(),
            successor: successor.to_owned(),
            lag_weeks,
        }
    }
}
