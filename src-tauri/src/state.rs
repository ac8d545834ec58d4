use std::sync::{Mutex, MutexGuard};

use planner_core::{Plan, PlanId, PlanSummary, ProfileForm, StoredPlan};
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

    pub fn get_plan(&self, id: PlanId) -> Result<StoredPlan, AppError> {
        Ok(self.store().get_plan(id)?)
    }

    pub fn create_plan(&self, form: &ProfileForm) -> Result<StoredPlan, AppError> {
        let (title, profile) = form.validate()?;
        Ok(self.store().create_plan(&Plan { title, profile })?)
    }

    /// Saves the plan-details form; nothing is written unless every field is valid.
    pub fn update_profile(&self, id: PlanId, form: &ProfileForm) -> Result<StoredPlan, AppError> {
        let (title, profile) = form.validate()?;
        let store = self.store();
        let mut plan = store.get_plan(id)?.plan;
        plan.title = title;
        plan.profile = profile;
        Ok(store.update_plan(id, &plan)?)
    }
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
            title: "Pilot".into(),
            institution_name: "Łódź University".into(),
            country: "PL".into(),
            total_enrolment: enrolment.into(),
            stage: "exploring".into(),
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
                .update_profile(plan.id, &form(bad))
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
            state.get_plan(plan.id).expect("get"),
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
        let saved = state.update_profile(plan.id, &edited).expect("save");
        assert_eq!(saved.plan.profile.total_enrolment, 21_500);
        assert_eq!(state.get_plan(plan.id).expect("get").plan, saved.plan);
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
