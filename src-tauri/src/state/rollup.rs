//! Several plans side by side from the window: planner-core's roll-up (`planner_core::rollup`),
//! shown, or saved as the CSV, PDF or web page `mcplan rollup` writes. Nothing here changes a
//! plan: the store is only read.

use std::path::Path;

use chrono::NaiveDate;
use planner_core::rollup::{Rollup, RollupFile, check_choice, roll_up, rollup_csv};
use planner_core::{PlanDetail, PlanId, StoredPlan};

use super::AppState;
use crate::AppError;

impl AppState {
    /// Plans `ids` side by side, in the order given. The models run after the store's lock is
    /// released.
    pub fn roll_up(&self, ids: &[PlanId]) -> Result<Rollup, AppError> {
        check_choice(ids)?;
        let stored = {
            let store = self.store();
            ids.iter()
                .map(|id| store.get_plan(*id))
                .collect::<Result<Vec<_>, _>>()?
        };
        let plans: Vec<PlanDetail> = stored.into_iter().map(StoredPlan::detail).collect();
        Ok(roll_up(&plans)?)
    }

    /// Writes `rollup` as `file` at `path`, whole or not at all (never over the store's own
    /// files), dated `today`; answers the bytes written and, for a PDF, its pages.
    pub fn export_rollup(
        &self,
        rollup: &Rollup,
        file: RollupFile,
        path: &Path,
        today: NaiveDate,
    ) -> Result<(u64, Option<u32>), AppError> {
        let (bytes, pages) = match file {
            RollupFile::Csv => (rollup_csv(rollup).into_bytes(), None),
            RollupFile::Pdf => {
                let report = planner_report::render_rollup(rollup, today)?;
                (report.bytes, Some(report.pages))
            }
            RollupFile::Html => (
                planner_report::render_rollup_html(rollup, today)?.into_bytes(),
                None,
            ),
        };
        Ok((self.write_file(path, &bytes)?, pages))
    }
}

#[cfg(test)]
mod tests {
    use planner_core::ProblemKind;
    use planner_store::Store;

    use super::*;
    use crate::state::test_support::{assert_refused_as_the_store, in_memory_state};

    /// The sample, and a copy of it as a second campus (as a plan file from it would be).
    fn two_campuses() -> (AppState, [PlanId; 2]) {
        let state = in_memory_state();
        let sample = state.list_plans().expect("list")[0].id;
        let mut plan = state.store().get_plan(sample).expect("sample").plan;
        plan.title = "Riverside expansion".to_owned();
        plan.profile.name = "Riverside Community College".to_owned();
        let riverside = state.store().create_plan(&plan).expect("second campus").id;
        (state, [sample, riverside])
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date")
    }

    #[test]
    fn two_plans_side_by_side_add_up_to_the_sum_of_each_in_the_order_chosen() {
        let (state, [sample, riverside]) = two_campuses();
        let rollup = state.roll_up(&[riverside, sample]).expect("rolls up");
        let names: Vec<&str> = rollup
            .campuses
            .iter()
            .map(|c| c.institution.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "Riverside Community College",
                "Lakeshore State University System"
            ],
            "in the order chosen"
        );
        let each: Vec<f64> = [riverside, sample]
            .map(|id| match state.get_plan(id).expect("plan").projection {
                planner_core::RolloutStatus::Projected { result } => {
                    result.budget.years.iter().map(|y| y.enrolments).sum()
                }
                _ => panic!("plan {id} is projected"),
            })
            .to_vec();
        assert!(
            (rollup.total.enrolments - (each[0] + each[1])).abs() < 1e-6,
            "the total {} is the sum of {each:?}",
            rollup.total.enrolments
        );
        assert_eq!(
            rollup.currency.as_deref(),
            Some("USD"),
            "one currency: amounts added"
        );
    }

    #[test]
    fn a_roll_up_changes_no_plan() {
        let (state, ids) = two_campuses();
        let before = state.list_plans().expect("list");
        let stored_before = ids.map(|id| state.store().get_plan(id).expect("plan"));
        let dir = tempfile::tempdir().expect("temp dir");
        let rollup = state.roll_up(&ids).expect("rolls up");
        state
            .export_rollup(&rollup, RollupFile::Pdf, &dir.path().join("r.pdf"), today())
            .expect("saved");
        assert_eq!(
            state.list_plans().expect("list"),
            before,
            "the list is as it was"
        );
        assert_eq!(
            ids.map(|id| state.store().get_plan(id).expect("plan")),
            stored_before,
            "each plan keeps its content, revision and edit time"
        );
    }

    #[test]
    fn fewer_than_two_plans_or_one_plan_twice_is_refused_in_words() {
        let (state, [sample, _]) = two_campuses();
        for (ids, says) in [
            (vec![sample], "two plans or more"),
            (vec![sample, sample], "given twice"),
        ] {
            let problem = state.roll_up(&ids).expect_err("refused").problem();
            assert_eq!(problem.kind, ProblemKind::Invalid);
            assert!(
                problem.message.contains(says),
                "{ids:?}: {}",
                problem.message
            );
        }
    }

    #[test]
    fn the_files_saved_are_those_mcplan_rollup_writes() {
        let (state, ids) = two_campuses();
        let rollup = state.roll_up(&ids).expect("rolls up");
        let dir = tempfile::tempdir().expect("temp dir");

        let csv = dir.path().join("side by side.csv");
        let (bytes, pages) = state
            .export_rollup(&rollup, RollupFile::Csv, &csv, today())
            .expect("csv");
        let written = std::fs::read_to_string(&csv).expect("csv written");
        assert_eq!(written, rollup_csv(&rollup), "`mcplan rollup --csv`'s text");
        assert_eq!((bytes, pages), (written.len() as u64, None));

        let pdf = dir.path().join("side by side.pdf");
        let (bytes, pages) = state
            .export_rollup(&rollup, RollupFile::Pdf, &pdf, today())
            .expect("pdf");
        let expected = planner_report::render_rollup(&rollup, today()).expect("render");
        assert_eq!(std::fs::read(&pdf).expect("pdf written"), expected.bytes);
        assert_eq!(
            (bytes, pages),
            (expected.bytes.len() as u64, Some(expected.pages))
        );

        let html = dir.path().join("side by side.html");
        state
            .export_rollup(&rollup, RollupFile::Html, &html, today())
            .expect("html");
        assert_eq!(
            std::fs::read_to_string(&html).expect("html written"),
            planner_report::render_rollup_html(&rollup, today()).expect("render")
        );
    }

    #[test]
    fn a_roll_up_is_never_written_over_the_store() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("plans.sqlite3");
        let state = AppState::new(Store::open(&db).expect("store")).expect("state");
        let sample = state.list_plans().expect("list")[0].id;
        let plan = state.store().get_plan(sample).expect("sample").plan;
        let copy = state.store().create_plan(&plan).expect("copy").id;
        let rollup = state.roll_up(&[sample, copy]).expect("rolls up");
        let before = std::fs::read(&db).expect("store file");

        assert_refused_as_the_store(
            state.export_rollup(&rollup, RollupFile::Csv, &db, today()),
            &db,
            &before,
        );
    }
}
