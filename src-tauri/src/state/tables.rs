//! A plan's tables as CSV files from the window: the same text `mcplan csv` writes
//! (`planner_core::tables::table_csv`), written whole or not at all.

use std::path::Path;

use planner_core::PlanId;
use planner_core::tables::{CsvTable, table_csv};

use super::AppState;
use crate::AppError;

impl AppState {
    /// The name a CSV file of `table` of plan `id` is suggested under, with its extension.
    pub fn table_file_name(&self, id: PlanId, table: CsvTable) -> Result<String, AppError> {
        Ok(format!("{}.csv", table.file_stem(&self.plan_title(id)?)))
    }

    /// `table` of plan `id`, with the figures as saved, as CSV text; refused when the plan
    /// cannot give that table yet.
    pub fn table_csv(&self, id: PlanId, table: CsvTable) -> Result<String, AppError> {
        Ok(table_csv(&self.get_plan(id)?, table)?)
    }

    /// Writes `bytes` to `path` whole or not at all, never over the store's own files; answers
    /// how many were written.
    pub fn write_file(&self, path: &Path, bytes: &[u8]) -> Result<u64, AppError> {
        planner_report::refuse_protected(path, &self.store_files())?;
        planner_report::write_atomically(path, bytes)?;
        Ok(bytes.len() as u64)
    }
}

#[cfg(test)]
mod tests {
    use planner_core::ProblemKind;
    use planner_store::Store;

    use super::*;
    use crate::state::test_support::{assert_refused_as_the_store, in_memory_state};

    #[test]
    fn each_table_saved_from_the_window_is_the_text_mcplan_csv_writes() {
        let state = in_memory_state();
        let sample = state.list_plans().expect("list")[0].id;
        let dir = tempfile::tempdir().expect("temp dir");
        // What `mcplan csv` writes: `table_csv` of the stored plan's figures (planner-cli's
        // `csv::table` writes exactly this text).
        let detail = state.store().get_plan(sample).expect("sample").detail();
        for table in CsvTable::ALL {
            let file = dir.path().join(format!("{}.csv", table.key()));
            let text = state
                .table_csv(sample, table)
                .unwrap_or_else(|e| panic!("{}: {e}", table.key()));
            let bytes = state.write_file(&file, text.as_bytes()).expect("written");
            let written = std::fs::read(&file).expect("written");
            let expected = table_csv(&detail, table).expect("the sample has every table");
            assert_eq!(written, expected.as_bytes(), "{} table", table.key());
            assert_eq!(
                bytes,
                written.len() as u64,
                "{}: bytes answered",
                table.key()
            );
            assert!(
                written.starts_with(planner_core::tables::BOM.as_bytes()),
                "{}: marked UTF-8 for spreadsheet programs",
                table.key()
            );
        }
    }

    #[test]
    fn the_suggested_name_is_the_plan_s_title_and_the_table() {
        let state = in_memory_state();
        let sample = state.list_plans().expect("list")[0].id;
        let title = state.plan_title(sample).expect("title");
        assert_eq!(
            state
                .table_file_name(sample, CsvTable::Budget)
                .expect("name"),
            format!(
                "{} - budget by fiscal year.csv",
                planner_core::file_stem(&title)
            )
        );
    }

    #[test]
    fn a_table_the_plan_has_not_got_yet_is_refused_in_words() {
        let state = in_memory_state();
        let sample = state.list_plans().expect("list")[0].id;
        let before = state.get_plan(sample).expect("sample");
        let mut plan = before.stored.plan.clone();
        plan.rollout = None;
        let new = state
            .store()
            .create_plan(&plan)
            .expect("a plan without a rollout");
        let problem = state
            .table_csv(new.id, CsvTable::Uptake)
            .expect_err("no rollout, no uptake")
            .problem();
        assert_eq!(problem.kind, ProblemKind::Invalid);
        assert!(
            problem.message.contains("uptake projection") && problem.message.contains("rollout"),
            "names the table and what to do: {}",
            problem.message
        );
    }

    #[test]
    fn a_file_is_never_written_over_the_store() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("plans.sqlite3");
        let state = AppState::new(Store::open(&db).expect("store")).expect("state");
        let before = std::fs::read(&db).expect("store file");
        let sample = state.list_plans().expect("list")[0].id;

        let text = state.table_csv(sample, CsvTable::Risks).expect("risks");
        assert_refused_as_the_store(state.write_file(&db, text.as_bytes()), &db, &before);
    }
}
