use std::sync::{Mutex, MutexGuard};

use chrono::Local;
use planner_core::assessment::{AreaKey, AreaResponse, WizardPosition};
use planner_core::rollout::{RolloutInputs, starter_rollout};
use planner_core::{Plan, PlanDetail, PlanId, PlanSummary, ProfileForm, ValidationErrors};
use planner_store::Store;

use crate::error::AppError;

/// What the window works on: the plan store, shared by every command.
#[derive(Debug)]
pub struct AppState {
    store: Mutex<Store>,
}

impl AppState {
    /// Opens the store the CLI also uses (`MCPLAN_DB` or the OS data folder) and, on its first
    /// use, adds the sample plan.
    pub fn open_configured() -> Result<AppState, AppError> {
        let path = planner_store::configured_db_path()?;
        AppState::new(Store::open(&path)?)
    }

    pub fn new(mut store: Store) -> Result<AppState, AppError> {
        store.seed_sample_on_first_use()?;
        Ok(AppState {
            store: Mutex::new(store),
        })
    }

    fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave the store half-written (SQLite
        // transactions see to that), so a poisoned lock is still safe to use.
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn list_plans(&self) -> Result<Vec<PlanSummary>, AppError> {
        Ok(self.store().list_plans()?)
    }

    /// The store's file and the files beside it, which an export must never overwrite.
    pub fn store_files(&self) -> Vec<std::path::PathBuf> {
        self.store().files()
    }

    pub fn get_plan(&self, id: PlanId) -> Result<PlanDetail, AppError> {
        Ok(self.store().get_plan(id)?.detail())
    }

    pub fn create_plan(&self, form: &ProfileForm) -> Result<PlanDetail, AppError> {
        let (title, profile) = form.validate()?;
        Ok(self
            .store()
            .create_plan(&Plan::new(title, profile))?
            .detail())
    }

    /// Saves the plan-details form; nothing is written unless every field is valid.
    pub fn update_profile(&self, id: PlanId, form: &ProfileForm) -> Result<PlanDetail, AppError> {
        let (title, profile) = form.validate()?;
        self.edit(id, |plan| {
            plan.title = title;
            plan.profile = profile;
            Ok(())
        })
    }

    pub fn save_area_response(
        &self,
        id: PlanId,
        area: AreaKey,
        response: AreaResponse,
    ) -> Result<PlanDetail, AppError> {
        self.edit(id, |plan| {
            plan.assessment
                .set_response(area, response)
                .map_err(assessment_error)
        })
    }

    pub fn set_wizard_position(
        &self,
        id: PlanId,
        position: WizardPosition,
    ) -> Result<PlanDetail, AppError> {
        let store = self.store();
        let mut plan = store.get_plan(id)?.plan;
        plan.assessment.position = position;
        Ok(store.update_plan_keeping_edit_time(id, &plan)?.detail())
    }

    pub fn set_action_adopted(
        &self,
        id: PlanId,
        action: &str,
        adopted: bool,
    ) -> Result<PlanDetail, AppError> {
        let today = Local::now().date_naive().to_string();
        self.edit(id, |plan| {
            plan.assessment
                .set_adopted(action, adopted, &today)
                .map_err(assessment_error)
        })
    }

    /// Sets the rollout up with starting assumptions, unless it already is.
    pub fn start_rollout(&self, id: PlanId) -> Result<PlanDetail, AppError> {
        let today = Local::now().date_naive();
        self.edit(id, |plan| {
            let starter = starter_rollout(&plan.profile, today);
            plan.rollout.get_or_insert(starter);
            Ok(())
        })
    }

    /// Replaces the rollout inputs; nothing is written unless they all fit the profile.
    pub fn update_rollout(
        &self,
        id: PlanId,
        inputs: RolloutInputs,
    ) -> Result<PlanDetail, AppError> {
        self.edit(id, |plan| {
            inputs.validate(&plan.profile)?;
            plan.rollout = Some(inputs);
            Ok(())
        })
    }

    /// Reads, changes and writes one plan under the store's lock; a refused change writes
    /// nothing.
    fn edit(
        &self,
        id: PlanId,
        change: impl FnOnce(&mut Plan) -> Result<(), ValidationErrors>,
    ) -> Result<PlanDetail, AppError> {
        let store = self.store();
        let mut plan = store.get_plan(id)?.plan;
        change(&mut plan)?;
        Ok(store.update_plan(id, &plan)?.detail())
    }
}

fn assessment_error(message: String) -> ValidationErrors {
    ValidationErrors::single("assessment", message)
}

#[cfg(test)]
mod tests {
    use planner_core::ProblemKind;

    use super::*;

    fn state() -> AppState {
        AppState::new(Store::open_in_memory().expect("store")).expect("state")
    }

    fn form(enrolment: &str) -> ProfileForm {
        ProfileForm {
            country: "PL".into(),
            ..ProfileForm::essentials("Pilot", "Łódź University", enrolment, "exploring")
        }
    }

    #[test]
    fn a_new_store_opens_with_the_sample_plan() {
        let plans = state().list_plans().expect("list");
        assert_eq!(plans.len(), 1);
        assert_eq!(
            plans[0].institution_name,
            planner_core::sample_plan().profile.name
        );
    }

    #[test]
    fn an_invalid_profile_is_refused_with_field_messages_and_nothing_changes() {
        let state = state();
        let plan = state.create_plan(&form("20,000")).expect("create");
        for bad in ["-5", "abc"] {
            let problem = state
                .update_profile(plan.stored.id, &form(bad))
                .expect_err(bad)
                .problem();
            assert_eq!(problem.kind, ProblemKind::Invalid);
            assert_eq!(problem.fields.len(), 1);
            assert_eq!(problem.fields[0].field, "totalEnrolment");
            assert!(
                problem.fields[0].message.contains(bad),
                "{}",
                problem.fields[0].message
            );
        }
        assert_eq!(
            state.get_plan(plan.stored.id).expect("get"),
            plan,
            "stored plan untouched"
        );
    }

    #[test]
    fn a_valid_profile_is_saved() {
        let state = state();
        let plan = state.create_plan(&form("20,000")).expect("create");
        let mut edited = form("21 500");
        edited.stage = "offering".into();
        let saved = state.update_profile(plan.stored.id, &edited).expect("save");
        assert_eq!(saved.stored.plan.profile.total_enrolment, 21_500);
        assert_eq!(state.get_plan(plan.stored.id).expect("get"), saved);
    }

    #[test]
    fn assessment_answers_are_saved_scored_and_refused_when_wrong() {
        use planner_core::assessment::{Answer, guide};
        let state = state();
        let id = state.create_plan(&form("1000")).expect("create").stored.id;
        let n = guide().area(AreaKey::Quality).statements.len();
        let response = AreaResponse {
            answers: vec![Answer::Rated(1); n],
            evidence: "Few know".into(),
        };
        let detail = state
            .save_area_response(id, AreaKey::Quality, response)
            .expect("save");
        let quality = detail
            .assessment_result
            .areas
            .iter()
            .find(|a| a.area == AreaKey::Quality);
        assert!(
            quality.and_then(|q| q.score).is_some(),
            "the saved area is scored"
        );

        let wrong = AreaResponse {
            answers: vec![Answer::Rated(1)],
            evidence: String::new(),
        };
        let problem = state
            .save_area_response(id, AreaKey::Quality, wrong)
            .expect_err("short")
            .problem();
        assert_eq!(problem.kind, ProblemKind::Invalid);
        assert!(
            problem.fields[0].message.contains("statements"),
            "{}",
            problem.fields[0].message
        );
        assert_eq!(
            state.get_plan(id).expect("get"),
            detail,
            "a refused answer changes nothing"
        );

        let position = WizardPosition::Area {
            area: AreaKey::Resources,
        };
        let moved = state.set_wizard_position(id, position).expect("move");
        assert_eq!(moved.stored.plan.assessment.position, position);
        let action = guide().actions[0].key.clone();
        let adopted = state.set_action_adopted(id, &action, true).expect("adopt");
        assert_eq!(
            adopted.stored.plan.assessment.adopted_actions[0].action,
            action
        );
        assert!(state.set_action_adopted(id, "made_up", true).is_err());
    }

    #[test]
    fn a_rollout_is_started_edited_and_refused_field_by_field() {
        let state = state();
        let id = state
            .create_plan(&form("12,000"))
            .expect("create")
            .stored
            .id;
        let started = state.start_rollout(id).expect("start");
        let Some(mut inputs) = started.stored.plan.rollout.clone() else {
            panic!("the rollout was set up");
        };
        assert!(matches!(
            started.projection,
            planner_core::RolloutStatus::Projected { .. }
        ));

        inputs.horizon_years = 3;
        let saved = state.update_rollout(id, inputs.clone()).expect("save");
        assert_eq!(
            saved.stored.plan.rollout.as_ref().map(|r| r.horizon_years),
            Some(3)
        );

        inputs.horizon_years = 11;
        let problem = state
            .update_rollout(id, inputs)
            .expect_err("too long")
            .problem();
        assert_eq!(problem.kind, ProblemKind::Invalid);
        assert_eq!(problem.fields[0].field, "horizonYears");
        assert!(
            problem.fields[0].message.contains("11"),
            "{}",
            problem.fields[0].message
        );
        assert_eq!(
            state.get_plan(id).expect("get"),
            saved,
            "a refused rollout changes nothing"
        );
    }

    #[test]
    fn a_missing_plan_is_not_found() {
        let problem = state()
            .update_profile(404, &form("1"))
            .expect_err("missing")
            .problem();
        assert_eq!(problem.kind, ProblemKind::NotFound);
    }
}
