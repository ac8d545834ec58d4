//! Every change to a plan, as one value. The window's commands and `mcplan` both say what they
//! want as a [`PlanEdit`]; the store applies it to the latest plan inside one transaction, so
//! the rules for editing a plan live here and nowhere else. A new kind of edit is a variant and
//! an arm of [`PlanEdit::apply`].

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::assessment::{Answer, AreaKey, AreaResponse, WizardPosition, assess};
use crate::error::{FieldError, ValidationErrors};
use crate::plan::{Plan, PlanDetail, RolloutStatus, ScheduleStatus, StoredPlan};
use crate::plan_file::checked_plan;
use crate::profile::ProfileForm;
use crate::review::ReviewEdit;
use crate::rollout::{RolloutInputs, RolloutResult, project_central, starter_rollout};
use crate::workplan::{
    FacultyEngagement, KpiEdit, RiskEdit, WorkPlan, WorkPlanEdit, keep_in_step, keep_kpis_in_step,
    propose_risks,
};

/// One change a dean (or a script) makes to a plan.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanEdit {
    /// The plan-details form: the title and the institution profile.
    Profile(Box<ProfileForm>),
    /// One area's answers and evidence note.
    AreaResponse {
        area: AreaKey,
        response: AreaResponse,
    },
    /// Where the wizard stands. Not a change of what the plan says, so it keeps the edit time.
    WizardPosition(WizardPosition),
    /// Adopts (dated `today`) or drops a library action.
    ActionAdopted {
        action: String,
        adopted: bool,
        today: NaiveDate,
    },
    /// Sets the rollout up with starting assumptions, unless it already is.
    StartRollout {
        today: NaiveDate,
    },
    /// Replaces the rollout inputs; they must fit the profile.
    Rollout(Box<RolloutInputs>),
    /// Sets the ratings of several areas at once (`mcplan assess`), keeping their evidence
    /// notes. A refusal's field is `<area key>.answers…`.
    Answers(BTreeMap<AreaKey, Vec<Answer>>),
    /// A task or dependency of the work plan added, changed or removed.
    WorkPlan(WorkPlanEdit),
    Risk(RiskEdit),
    /// One KPI's baseline and the dean's yearly targets.
    Kpi(KpiEdit),
    /// Replaces the faculty engagement; it must fit the profile's headcount and the rollout's
    /// terms.
    Engagement(Box<FacultyEngagement>),
    /// The committee review: status, reviewers, decisions, comments (also those filed from a
    /// PDF, see [`ReviewEdit::FileComments`]).
    Review(ReviewEdit),
    /// Replaces everything the plan says with another plan (one imported from a plan file),
    /// checked whole as a plan file's plan is.
    ReplaceContent(Box<Plan>),
}

impl PlanEdit {
    /// The plan after this edit, or every reason it is refused; `plan` itself is untouched.
    pub fn apply(self, plan: &Plan) -> Result<Plan, ValidationErrors> {
        let mut plan = plan.clone();
        match self {
            PlanEdit::Profile(form) => {
                let (title, profile) = form.validate()?;
                plan.title = title;
                plan.profile = profile;
                keep_in_step(&mut plan);
            }
            PlanEdit::AreaResponse { area, response } => {
                plan.assessment.set_response(area, response)?;
            }
            PlanEdit::WizardPosition(position) => plan.assessment.position = position,
            PlanEdit::ActionAdopted {
                action,
                adopted,
                today,
            } => {
                plan.assessment
                    .set_adopted(&action, adopted, &today.to_string())?;
                keep_in_step(&mut plan);
            }
            PlanEdit::StartRollout { today } => {
                if plan.rollout.is_none() {
                    plan.rollout = Some(starter_rollout(&plan.profile, today));
                    keep_in_step(&mut plan);
                    if plan.risks.is_empty() {
                        let result = assess(&plan.assessment, plan.profile.stage);
                        plan.risks = propose_risks(&result, &plan.assessment);
                    }
                }
            }
            PlanEdit::Rollout(inputs) => {
                inputs.validate(&plan.profile)?;
                plan.rollout = Some(*inputs);
                keep_in_step(&mut plan);
            }
            PlanEdit::Answers(areas) => {
                for (area, answers) in areas {
                    let evidence = plan
                        .assessment
                        .responses
                        .get(&area)
                        .map(|r| r.evidence.clone())
                        .unwrap_or_default();
                    plan.assessment
                        .set_response(area, AreaResponse { answers, evidence })
                        .map_err(|errors| within(area, errors))?;
                }
            }
            PlanEdit::WorkPlan(edit) => {
                let term_count = match &plan.rollout {
                    None => 0,
                    Some(_) => projected(&plan)?.terms.len(),
                };
                plan.work_plan = edit.apply(&plan.work_plan, term_count)?;
            }
            PlanEdit::Risk(edit) => {
                let result = assess(&plan.assessment, plan.profile.stage);
                plan.risks = edit.apply(&plan.risks, &result, &plan.assessment)?;
            }
            PlanEdit::Kpi(edit) => {
                let result = projected(&plan)?;
                keep_kpis_in_step(&mut plan.kpis, &result);
                edit.apply(&mut plan.kpis)?;
            }
            PlanEdit::Engagement(engagement) => {
                let terms = match &plan.rollout {
                    None => Vec::new(),
                    Some(_) => projected(&plan)?.terms,
                };
                engagement.validate(plan.profile.faculty_headcount, &terms)?;
                plan.engagement = *engagement;
            }
            PlanEdit::Review(edit) => plan.review = edit.apply(&plan.review)?,
            PlanEdit::ReplaceContent(replacement) => plan = checked_plan(*replacement, "")?,
        }
        Ok(plan)
    }

    /// Whether the edit changes what the plan says, and so moves its edit time and its place
    /// in the plan list.
    pub fn changes_content(&self) -> bool {
        !matches!(self, PlanEdit::WizardPosition(_))
    }
}

/// The rollout's figures, which the work plan, the KPIs and the engagement are set against.
fn projected(plan: &Plan) -> Result<RolloutResult, ValidationErrors> {
    let refused = || {
        ValidationErrors::single(
            "rollout",
            "Set up the rollout first (or fix what it needs): the work plan, KPIs and faculty \
             engagement are set on its calendar",
        )
    };
    let inputs = plan.rollout.as_ref().ok_or_else(refused)?;
    project_central(&plan.profile, inputs).map_err(|_| refused())
}

/// A change the window shows before it is saved: the figures it gives, computed from the stored
/// plan by the same [`PlanEdit::apply`] a save uses, so what shows at once is what is saved
/// after the typing pause. Only the edits whose figures must follow the typing are here.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DraftEdit {
    /// The rollout inputs as they are on screen.
    Rollout { inputs: Box<RolloutInputs> },
    /// A task's duration, a dependency, or any other change to the work plan: the schedule
    /// (and the Gantt chart) follows at once.
    WorkPlan { edit: WorkPlanEdit },
}

impl From<DraftEdit> for PlanEdit {
    fn from(draft: DraftEdit) -> Self {
        match draft {
            DraftEdit::Rollout { inputs } => PlanEdit::Rollout(inputs),
            DraftEdit::WorkPlan { edit } => PlanEdit::WorkPlan(edit),
        }
    }
}

/// What the window shows of a [`DraftEdit`] before it is saved: the part of the plan the edit
/// changes that the dean is looking at, and no more. The large plan's whole detail is 0.6 MB;
/// a rollout edit's figures are 36 KB of it, a work plan edit's tasks and schedule 0.3 MB.
/// The rest of the plan (a rollout edit's work plan dates, say) shows as saved until the save
/// that follows the typing pause answers with all of it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DraftFigures {
    /// Every figure of the rollout model for the inputs on screen, except each credential's
    /// term-by-term uptake (its `terms` are left empty): the window shows a credential's totals
    /// only, and on the large plan those series are 200 KB of the 236 KB the figures would be,
    /// time the answer spends on its way to the window. The save's answer carries them.
    Rollout { projection: RolloutStatus },
    /// The work plan with the change, and its schedule (the Gantt chart's bars).
    WorkPlan {
        #[serde(rename = "workPlan")]
        work_plan: WorkPlan,
        schedule: ScheduleStatus,
    },
}

impl DraftEdit {
    /// The figures of this edit on `stored`, from [`StoredPlan::preview`]: the same
    /// [`PlanEdit::apply`] a save runs, nothing saved. Refused like the edit itself.
    pub fn preview(self, stored: StoredPlan) -> Result<DraftFigures, ValidationErrors> {
        let rollout = matches!(self, DraftEdit::Rollout { .. });
        let detail = stored.preview(self.into())?;
        Ok(if rollout {
            let mut projection = detail.projection;
            if let RolloutStatus::Projected { result } = &mut projection {
                for credential in &mut result.uptake.credentials {
                    credential.terms = Vec::new();
                }
            }
            DraftFigures::Rollout { projection }
        } else {
            DraftFigures::WorkPlan {
                work_plan: detail.stored.plan.work_plan,
                schedule: detail.schedule,
            }
        })
    }
}

impl StoredPlan {
    /// The plan with every figure as it would be after `edit`; nothing is saved, and the
    /// revision stays the stored one. Refused like the edit itself.
    pub fn preview(self, edit: PlanEdit) -> Result<PlanDetail, ValidationErrors> {
        let plan = edit.apply(&self.plan)?;
        Ok(StoredPlan { plan, ..self }.detail())
    }
}

fn within(area: AreaKey, errors: ValidationErrors) -> ValidationErrors {
    ValidationErrors(
        errors
            .0
            .into_iter()
            .map(|e| FieldError {
                field: format!("{}.{}", area.key(), e.field),
                message: e.message,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod work_tests;
