use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::assessment::{Assessment, AssessmentResult, assess};
use crate::error::FieldError;
use crate::profile::{InstitutionProfile, Stage};
use crate::review::Review;
use crate::rollout::{RolloutInputs, RolloutResult, project_remembered};
use crate::workplan::{
    EngagementProjection, FacultyEngagement, Kpi, Risk, Schedule, Timeline, WorkPlan, aligned_kpis,
    project_engagement, schedule,
};

pub const MAX_TITLE_CHARS: usize = 200;

/// A plan's number in the local store. Shown to scripts, never to deans.
pub type PlanId = i64;

/// Everything a plan says. It is what the store keeps and what a plan file carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub title: String,
    pub profile: InstitutionProfile,
    #[serde(default)]
    pub assessment: Assessment,
    /// The rollout model's inputs; `None` until the dean sets the rollout up.
    #[serde(default)]
    pub rollout: Option<RolloutInputs>,
    /// The tasks that carry the rollout out and what waits on what.
    #[serde(default)]
    pub work_plan: WorkPlan,
    #[serde(default)]
    pub risks: Vec<Risk>,
    /// Empty until the rollout is set up; then the six KPIs, one target per fiscal year.
    #[serde(default)]
    pub kpis: Vec<Kpi>,
    #[serde(default)]
    pub engagement: FacultyEngagement,
    /// The committee's review: status, reviewers and their decisions, comments.
    #[serde(default)]
    pub review: Review,
}

impl Plan {
    /// A plan with its title and profile and nothing assessed or planned yet.
    pub fn new(title: String, profile: InstitutionProfile) -> Self {
        Plan {
            title,
            profile,
            assessment: Assessment::default(),
            rollout: None,
            work_plan: WorkPlan::default(),
            risks: Vec::new(),
            kpis: Vec::new(),
            engagement: FacultyEngagement::default(),
            review: Review::default(),
        }
    }
}

/// The rollout model's state for a plan.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum RolloutStatus {
    /// The dean has not set the rollout up yet.
    NotStarted,
    /// Every figure of the model.
    Projected { result: Box<RolloutResult> },
    /// The inputs no longer fit the profile (say, the calendar changed under them): what to fix.
    NeedsAttention { problems: Vec<FieldError> },
}

/// A plan as it sits in the store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StoredPlan {
    #[ts(type = "number")]
    pub id: PlanId,
    pub plan: Plan,
    /// Goes up by one with every change the plan is saved with; an edit made against an older
    /// revision is refused instead of overwriting what changed since.
    #[ts(type = "number")]
    pub revision: i64,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// RFC 3339, UTC.
    pub updated_at: String,
}

/// One row of the plan list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanSummary {
    #[ts(type = "number")]
    pub id: PlanId,
    pub title: String,
    pub institution_name: String,
    pub stage: Stage,
    /// RFC 3339, UTC.
    pub updated_at: String,
}

/// A stored plan with every figure computed from it, as the UI and `mcplan show --json` get it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanDetail {
    #[serde(flatten)]
    pub stored: StoredPlan,
    pub assessment_result: AssessmentResult,
    /// The rollout model's figures, or why there are none.
    pub projection: RolloutStatus,
    /// The work plan scheduled on the rollout's calendar: dates, slack, the critical path.
    pub schedule: ScheduleStatus,
    /// The faculty hours each term needs against what the engaged faculty can give.
    pub engagement: EngagementStatus,
    /// The plan's KPIs, one target per fiscal year of the plan, the model's in step with it.
    pub kpis: Vec<Kpi>,
}

/// The work plan's schedule, or why there is none.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ScheduleStatus {
    /// No rollout yet, so no calendar to schedule on.
    NotStarted,
    Scheduled {
        schedule: Box<Schedule>,
    },
    /// The work plan (or the rollout it is scheduled on) has problems: what to fix.
    NeedsAttention {
        problems: Vec<FieldError>,
    },
}

/// The faculty engagement figures, or why there are none.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum EngagementStatus {
    /// No rollout yet, so no terms to count the faculty hours in.
    NotStarted,
    Projected {
        projection: Box<EngagementProjection>,
    },
    /// The engagement (or the rollout) has problems: what to fix.
    NeedsAttention { problems: Vec<FieldError> },
}

/// Why nothing can be scheduled or counted while the rollout needs attention.
fn rollout_first() -> Vec<FieldError> {
    vec![FieldError {
        field: "rollout".to_owned(),
        message: "The rollout needs attention first: the work plan and the faculty hours are \
                  computed on its calendar"
            .to_owned(),
    }]
}

impl StoredPlan {
    /// `plan` as if just saved as plan 1, with no dates: for the figures of a plan that is in
    /// no store (the samples, fixtures and tests).
    pub fn unsaved(plan: Plan) -> StoredPlan {
        StoredPlan {
            id: 1,
            plan,
            revision: 1,
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    /// Computes the plan's figures (once, here, for the UI, the CLI and the PDF alike).
    pub fn detail(self) -> PlanDetail {
        let assessment_result = assess(&self.plan.assessment, self.plan.profile.stage);
        let plan = &self.plan;
        let projected = plan
            .rollout
            .as_ref()
            .map(|inputs| (inputs, project_remembered(&plan.profile, inputs)));
        let (schedule, engagement, kpis) = match &projected {
            None => (
                ScheduleStatus::NotStarted,
                EngagementStatus::NotStarted,
                plan.kpis.clone(),
            ),
            Some((_, Err(_))) => (
                ScheduleStatus::NeedsAttention {
                    problems: rollout_first(),
                },
                EngagementStatus::NeedsAttention {
                    problems: rollout_first(),
                },
                plan.kpis.clone(),
            ),
            Some((inputs, Ok(result))) => (
                match schedule(&plan.work_plan, &Timeline::of(result)) {
                    Ok(s) => ScheduleStatus::Scheduled {
                        schedule: Box::new(s),
                    },
                    Err(errors) => ScheduleStatus::NeedsAttention { problems: errors.0 },
                },
                match project_engagement(&plan.engagement, &plan.profile, inputs, result) {
                    Ok(p) => EngagementStatus::Projected {
                        projection: Box::new(p),
                    },
                    Err(errors) => EngagementStatus::NeedsAttention { problems: errors.0 },
                },
                aligned_kpis(&plan.kpis, result),
            ),
        };
        let projection = match projected {
            None => RolloutStatus::NotStarted,
            Some((_, Ok(result))) => RolloutStatus::Projected {
                result: Box::new(result),
            },
            Some((_, Err(errors))) => RolloutStatus::NeedsAttention { problems: errors.0 },
        };
        PlanDetail {
            stored: self,
            assessment_result,
            projection,
            schedule,
            engagement,
            kpis,
        }
    }

    pub fn summary(&self) -> PlanSummary {
        PlanSummary {
            id: self.id,
            title: self.plan.title.clone(),
            institution_name: self.plan.profile.name.clone(),
            stage: self.plan.profile.stage,
            updated_at: self.updated_at.clone(),
        }
    }
}

/// Where a report export has got to, as the window is told while it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "stage", rename_all = "snake_case")]
pub enum ExportStage {
    /// The save dialog is open: the dean is choosing where the report goes.
    ChoosingFile,
    /// The file is chosen; the report's sections (the cover not counted) are being written.
    Writing { sections: u32 },
}

/// How a report export ended, as the UI is told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ExportOutcome {
    /// The report is complete at `path`.
    Saved {
        path: String,
        #[ts(type = "number")]
        bytes: u64,
        /// The PDF's pages; a web page has none.
        pages: Option<u32>,
    },
    /// The dean closed the save dialog without choosing a file.
    Cancelled,
}

/// How importing a plan file from the window ended.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ImportOutcome {
    /// The file's plan was added as a new plan.
    Imported { plan: Box<PlanDetail> },
    /// The dean closed the open dialog without choosing a file.
    Cancelled,
}
