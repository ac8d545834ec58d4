use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::assessment::{Assessment, AssessmentResult, assess};
use crate::error::FieldError;
use crate::profile::{InstitutionProfile, Stage};
use crate::rollout::{RolloutInputs, RolloutResult, project};

pub const MAX_TITLE_CHARS: usize = 200;

/// A plan's number in the local store. Shown to scripts, never to deans.
pub type PlanId = i64;

/// Everything a plan says. It is what the store keeps and what a plan file carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub title: String,
    pub profile: InstitutionProfile,
    #[serde(default)]
    pub assessment: Assessment,
    /// The rollout model's inputs; `None` until the dean sets the rollout up.
    #[serde(default)]
    pub rollout: Option<RolloutInputs>,
}

impl Plan {
    /// A plan with its title and profile and nothing assessed or planned yet.
    pub fn new(title: String, profile: InstitutionProfile) -> Self {
        Plan {
            title,
            profile,
            assessment: Assessment::default(),
            rollout: None,
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
}

impl StoredPlan {
    /// Computes the plan's figures (once, here, for the UI, the CLI and the PDF alike).
    pub fn detail(self) -> PlanDetail {
        let assessment_result = assess(&self.plan.assessment, self.plan.profile.stage);
        let projection = match &self.plan.rollout {
            None => RolloutStatus::NotStarted,
            Some(inputs) => match project(&self.plan.profile, inputs) {
                Ok(result) => RolloutStatus::Projected {
                    result: Box::new(result),
                },
                Err(errors) => RolloutStatus::NeedsAttention { problems: errors.0 },
            },
        };
        PlanDetail {
            stored: self,
            assessment_result,
            projection,
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

/// How a PDF export ended, as the UI is told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ExportOutcome {
    /// The report is complete at `path`.
    Saved {
        path: String,
        #[ts(type = "number")]
        bytes: u64,
        pages: u32,
    },
    /// The dean closed the save dialog without choosing a file.
    Cancelled,
}
