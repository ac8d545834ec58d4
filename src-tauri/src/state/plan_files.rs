//! Plan files in and out of the window's store, and the comments of a report PDF brought back
//! into a plan's review: the same readers and writer as `mcplan import`, `mcplan comments` and
//! `mcplan export`, so a file the one refuses the other refuses with the same words.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use planner_core::review::CommentsFound;
use planner_core::{PlanDetail, PlanId, write_plan_file};
use planner_report::{read_annotated_report_at, read_plan_file_at};

use super::AppState;
use crate::AppError;

impl AppState {
    /// The title a plan file of plan `id` is suggested to be saved under.
    pub fn plan_title(&self, id: PlanId) -> Result<String, AppError> {
        Ok(self.store().get_plan(id)?.plan.title)
    }

    /// Writes plan `id` as a plan file at `path`, whole or not at all (never over the store's
    /// own files); answers the bytes written.
    pub fn export_plan_file(&self, id: PlanId, path: &Path) -> Result<u64, AppError> {
        planner_report::refuse_protected(path, &self.store_files())?;
        let text = {
            let store = self.store();
            write_plan_file(&store.get_plan(id)?.plan, &store.get_versions(id)?)
        };
        planner_report::write_atomically(path, text.as_bytes())?;
        Ok(text.len() as u64)
    }

    /// Adds the plan in the file at `path` (a plan file, or a report PDF, which carries one) as
    /// a new plan. The whole file is checked first: a refused file leaves the store as it was.
    pub fn import_plan_file(&self, path: &Path) -> Result<PlanDetail, AppError> {
        let file = read_plan_file_at(path)?;
        Ok(self.store().import_plan(&file)?.detail())
    }

    /// Makes the plan in the file at `path` the new content of plan `id`; the plan as it was is
    /// kept first as a version ("Before importing <file name>"). All or nothing.
    pub fn import_plan_file_into(&self, id: PlanId, path: &Path) -> Result<PlanDetail, AppError> {
        let file = read_plan_file_at(path)?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        Ok(self.store().import_into(id, &file, &name)?.detail())
    }

    /// The comments in the report PDF at `path` (dated `today` where its reader recorded no
    /// date), and what they would add to plan `id`'s review; nothing is filed here (the window
    /// files them through the plan's session). Refused when the PDF is a report of another plan.
    pub fn comments_in_report(
        &self,
        id: PlanId,
        path: &Path,
        today: NaiveDate,
    ) -> Result<CommentsFound, AppError> {
        // Read before the store is locked: a large PDF takes a moment.
        let report = read_annotated_report_at(path, today)?;
        let store = self.store();
        let (plan, versions) = (store.get_plan(id)?.plan, store.get_versions(id)?);
        Ok(report.for_plan(path, &plan, &versions)?)
    }

    /// Notes the plan file the app was started to open (a plan file opened from the file
    /// manager), for the window to import once it is ready.
    pub fn open_at_start(&self, path: PathBuf) {
        *self
            .opened_at_start
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(path);
    }

    /// Imports the plan file the app was started to open, once: `None` when there was none or
    /// the window already took it.
    pub fn import_file_opened_at_start(&self) -> Result<Option<PlanDetail>, AppError> {
        let path = self
            .opened_at_start
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .take();
        path.map(|path| self.import_plan_file(&path)).transpose()
    }
}

/// The file named on the app's command line (`micro-credential-planner plan.mcplan`, as the
/// file manager starts it), skipping the program's name and any option.
pub fn file_to_open(args: impl IntoIterator<Item = OsString>) -> Option<PathBuf> {
    args.into_iter()
        .skip(1)
        .find(|arg| !arg.to_string_lossy().starts_with('-'))
        .map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use planner_core::{PlanEdit, ProblemKind, ProfileForm};
    use planner_store::Store;

    use super::*;
    use crate::state::test_support::{assert_refused_as_the_store, in_memory_state};

    #[test]
    fn a_plan_exported_and_imported_comes_back_as_a_new_plan_with_the_same_content() {
        let state = in_memory_state();
        let sample = state.list_plans().expect("list")[0].id;
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("Lakeshore.mcplan");

        let bytes = state.export_plan_file(sample, &file).expect("export");
        assert_eq!(bytes, std::fs::metadata(&file).expect("written").len());

        let imported = state.import_plan_file(&file).expect("import");
        assert_ne!(imported.stored.id, sample, "imported as a new plan");
        assert_eq!(
            imported.stored.plan,
            state.store().get_plan(sample).expect("sample").plan,
            "the imported plan is the exported one"
        );
        assert_eq!(state.list_plans().expect("list").len(), 2);
    }

    #[test]
    fn a_file_imported_into_a_plan_replaces_it_and_keeps_what_it_was_as_a_version() {
        let state = in_memory_state();
        let sample = state.list_plans().expect("list")[0].id;
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("Lakeshore.mcplan");
        state.export_plan_file(sample, &file).expect("export");
        let before = state.store().get_plan(sample).expect("sample");
        let renamed = PlanEdit::Profile(Box::new(ProfileForm {
            title: "Renamed after sending".into(),
            ..ProfileForm::from_plan(&before.plan.title, &before.plan.profile)
        }));
        state
            .edit_plan(sample, before.revision, renamed)
            .expect("rename");

        let imported = state.import_plan_file_into(sample, &file).expect("import");
        assert_eq!(imported.stored.id, sample, "the same plan");
        assert_eq!(
            imported.stored.plan.title, before.plan.title,
            "the file's content"
        );
        let versions = state.store().list_versions(sample).expect("versions");
        assert_eq!(
            versions.last().map(|v| v.label.as_str()),
            Some("Before importing Lakeshore.mcplan")
        );
        assert_eq!(state.list_plans().expect("list").len(), 1, "no plan added");
    }

    #[test]
    fn a_refused_file_says_why_in_one_line_and_adds_no_plan() {
        let state = in_memory_state();
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("notes.mcplan");
        std::fs::write(&file, r#"{"format":"mcplan","version":1,"plan":{"title":""#)
            .expect("write");

        let problem = state
            .import_plan_file(&file)
            .expect_err("truncated")
            .problem();
        assert_eq!(problem.kind, ProblemKind::Invalid);
        assert!(
            problem.message.starts_with("“notes.mcplan”: ")
                && problem.message.contains("not valid JSON"),
            "names the file, by its name alone, and the problem: {}",
            problem.message
        );
        assert!(
            !problem.message.contains('\n'),
            "one line: {}",
            problem.message
        );
        assert_eq!(state.list_plans().expect("list").len(), 1, "no plan added");
    }

    /// A report PDF a committee annotated with pikepdf (see the fixture's README).
    fn annotated_report() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("planner-report/tests/fixtures/annotated/by-pikepdf.pdf")
    }

    fn march() -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, 10).expect("a date")
    }

    #[test]
    fn a_report_pdf_imports_as_the_plan_it_carries_as_mcplan_import_does() {
        let state = in_memory_state();
        let imported = state
            .import_plan_file(&annotated_report())
            .expect("the PDF's plan");
        assert_eq!(
            imported.stored.plan,
            planner_report::read_plan_file_at(&annotated_report())
                .expect("the same reader")
                .plan
        );
        assert_eq!(state.list_plans().expect("list").len(), 2);

        let dir = tempfile::tempdir().expect("temp dir");
        let foreign = dir.path().join("minutes.pdf");
        std::fs::write(&foreign, b"%PDF-1.4\nnot really\n%%EOF\n").expect("write");
        let problem = state
            .import_plan_file(&foreign)
            .expect_err("not a report")
            .problem();
        assert_eq!(
            problem.message,
            "“minutes.pdf”: this PDF cannot be read: it is damaged or incomplete"
        );
        assert_eq!(state.list_plans().expect("list").len(), 2, "nothing added");
    }

    #[test]
    fn a_report_s_comments_are_counted_for_its_own_plan_and_refused_for_another() {
        let state = in_memory_state();
        let sample = state.list_plans().expect("list")[0].id;
        let found = state
            .comments_in_report(sample, &annotated_report(), march())
            .expect("the sample's report");
        assert_eq!(found.new_count(), 4, "{}", found.summary);
        assert_eq!(
            found.summary,
            "Brought back 4 new comments from “by-pikepdf.pdf”: 1 on Executive summary, 2 on \
             Budget, 1 on Risks."
        );
        let before = state.store().get_plan(sample).expect("sample");
        assert_eq!(
            before.plan.review.comments,
            vec![],
            "nothing filed by reading"
        );

        let other = state
            .create_plan(&ProfileForm {
                title: "Pilot 2027".into(),
                institution_name: "Łódź University of Technology".into(),
                ..ProfileForm::from_plan(&before.plan.title, &before.plan.profile)
            })
            .expect("another plan")
            .stored
            .id;
        let problem = state
            .comments_in_report(other, &annotated_report(), march())
            .expect_err("another plan's report")
            .problem();
        assert_eq!(problem.kind, ProblemKind::Invalid);
        assert!(
            problem.message.starts_with(
                "“by-pikepdf.pdf”: it is the report of another plan, “Industry micro-credentials"
            ),
            "{}",
            problem.message
        );
    }

    #[test]
    fn the_file_the_app_was_started_with_is_imported_once() {
        let state = in_memory_state();
        let sample = state.list_plans().expect("list")[0].id;
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("Lakeshore.mcplan");
        state.export_plan_file(sample, &file).expect("export");
        let args = [
            "micro-credential-planner".into(),
            file.clone().into_os_string(),
        ];

        state.open_at_start(file_to_open(args).expect("a file named"));
        let opened = state.import_file_opened_at_start().expect("imported");
        assert!(
            opened.is_some_and(|plan| plan.stored.id != sample),
            "the file's plan is added as a new plan"
        );
        assert_eq!(state.import_file_opened_at_start().expect("nothing"), None);
        assert_eq!(state.list_plans().expect("list").len(), 2, "imported once");
    }

    #[test]
    fn only_a_file_on_the_command_line_is_opened() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(file_to_open(args(&["planner"])), None);
        assert_eq!(file_to_open(args(&["planner", "--debug"])), None);
        assert_eq!(
            file_to_open(args(&["planner", "-v", "/home/dean/Ostrava plan.mcplan"])),
            Some(PathBuf::from("/home/dean/Ostrava plan.mcplan"))
        );
    }

    #[test]
    fn a_plan_file_is_never_written_over_the_store() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("plans.sqlite3");
        let state = AppState::new(Store::open(&db).expect("store")).expect("state");
        let before = std::fs::read(&db).expect("store file");
        let sample = state.list_plans().expect("list")[0].id;

        assert_refused_as_the_store(state.export_plan_file(sample, &db), &db, &before);
    }
}
