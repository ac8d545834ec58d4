//! A plan's versions from the window: the list, a new snapshot of what the window shows, and
//! what changed between two versions or since one. The store is read under its lock; the
//! comparison (which runs the model on both plans) after it is released.

use planner_core::compare::{ChangesSince, PlanComparison, compare};
use planner_core::{PlanId, VersionSummary};

use super::AppState;
use crate::AppError;

impl AppState {
    /// The plan's versions, oldest first.
    pub fn list_versions(&self, id: PlanId) -> Result<Vec<VersionSummary>, AppError> {
        Ok(self.store().list_versions(id)?)
    }

    /// Keeps the plan as the window shows it (revision `expected_revision`) as its next version,
    /// labelled `label`; answers every version, the new one last. Refused, keeping nothing, when
    /// the plan has changed since.
    pub fn snapshot_plan(
        &self,
        id: PlanId,
        expected_revision: i64,
        label: &str,
    ) -> Result<Vec<VersionSummary>, AppError> {
        let mut store = self.store();
        store.snapshot_plan_at(id, Some(expected_revision), label)?;
        Ok(store.list_versions(id)?)
    }

    /// What changed from version `from` to version `to`, or to the plan as it is now.
    pub fn compare_versions(
        &self,
        id: PlanId,
        from: u32,
        to: Option<u32>,
    ) -> Result<PlanComparison, AppError> {
        let (before, after) = {
            let store = self.store();
            let before = store.get_version(id, from)?.plan;
            let after = match to {
                Some(to) => store.get_version(id, to)?.plan,
                None => store.get_plan(id)?.plan,
            };
            (before, after)
        };
        Ok(compare(&before, &after))
    }

    /// What changed since version `number`, for the report's appendix.
    pub fn changes_since(&self, id: PlanId, number: u32) -> Result<ChangesSince, AppError> {
        let (version, now) = {
            let store = self.store();
            (store.get_version(id, number)?, store.get_plan(id)?.plan)
        };
        Ok(ChangesSince::new(&version, &now))
    }
}

#[cfg(test)]
mod tests {
    use planner_core::rollout::RolloutInputs;
    use planner_core::{PlanEdit, ProblemKind};

    use super::*;
    use crate::state::test_support::in_memory_state;

    fn state() -> (AppState, PlanId) {
        let state = in_memory_state();
        let id = state.list_plans().expect("list")[0].id;
        (state, id)
    }

    fn with_target_uptake(state: &AppState, id: PlanId, rate: f64) {
        let detail = state.get_plan(id).expect("plan");
        let mut inputs: RolloutInputs = detail.stored.plan.rollout.clone().expect("rollout");
        inputs.uptake.target_rate_pct = rate;
        state
            .edit_plan(
                id,
                detail.stored.revision,
                PlanEdit::Rollout(Box::new(inputs)),
            )
            .expect("saved");
    }

    #[test]
    fn a_version_saved_from_the_window_is_listed_and_compared_with_the_plan_now() {
        let (state, id) = state();
        let revision = state.get_plan(id).expect("plan").stored.revision;
        let versions = state
            .snapshot_plan(id, revision, "Sent to committee, 3 March")
            .expect("kept");
        assert_eq!(
            versions
                .iter()
                .map(|v| (v.number, v.label.as_str()))
                .collect::<Vec<_>>(),
            vec![(1, "Sent to committee, 3 March")]
        );
        assert!(
            state
                .compare_versions(id, 1, None)
                .expect("same")
                .is_empty(),
            "nothing changed yet"
        );

        with_target_uptake(&state, id, 3.0);
        let changes = state.compare_versions(id, 1, None).expect("compared");
        assert_eq!(
            changes
                .inputs
                .iter()
                .map(planner_core::compare::ValueChange::line)
                .collect::<Vec<_>>(),
            vec!["Target uptake per term: 2.5% → 3%"]
        );
        assert!(
            changes.figures.iter().any(|c| c.what == "Enrolments"),
            "{:?}",
            changes.figures
        );
        let revision = state.get_plan(id).expect("plan").stored.revision;
        state
            .snapshot_plan(id, revision, "After the committee")
            .expect("kept");
        assert_eq!(
            state
                .compare_versions(id, 1, Some(2))
                .expect("two versions"),
            changes,
            "version 2 holds the plan as it is now"
        );
        assert_eq!(
            state.changes_since(id, 1).expect("since 1").comparison,
            changes,
            "the report's appendix lists the same changes"
        );
    }

    #[test]
    fn a_snapshot_of_a_plan_changed_elsewhere_is_refused_for_the_window_to_reload() {
        let (state, id) = state();
        let shown = state.get_plan(id).expect("plan").stored.revision;
        with_target_uptake(&state, id, 3.0);
        let problem = state
            .snapshot_plan(id, shown, "Sent to committee")
            .expect_err("the window shows an older revision")
            .problem();
        assert_eq!(problem.kind, ProblemKind::ChangedElsewhere);
        assert!(state.list_versions(id).expect("list").is_empty());
    }

    #[test]
    fn an_unknown_version_or_an_empty_label_is_refused_in_plain_words() {
        let (state, id) = state();
        let problem = state
            .compare_versions(id, 4, None)
            .expect_err("no version 4")
            .problem();
        assert_eq!(problem.kind, ProblemKind::NotFound);
        assert_eq!(problem.message, "This plan has no version 4");
        let revision = state.get_plan(id).expect("plan").stored.revision;
        let problem = state
            .snapshot_plan(id, revision, "   ")
            .expect_err("no label")
            .problem();
        assert_eq!(problem.kind, ProblemKind::Invalid);
        assert_eq!(problem.fields[0].field, "label");
    }
}
