use planner_core::{InstitutionProfile, Plan, PlanEdit, PlanId, ProfileForm, Stage};
use tempfile::TempDir;

use super::*;

fn plan(name: &str) -> Plan {
    Plan::new(
        format!("Plan for {name}"),
        InstitutionProfile {
            country: Some("GR".to_owned()),
            ..InstitutionProfile::new(name, 31_000, Stage::Exploring)
        },
    )
}

/// Creates the store at `path` holding one plan for `name`; returns the plan's number.
fn store_with_plan(path: &Path, name: &str) -> PlanId {
    Store::open(path)
        .expect("create")
        .create_plan(&plan(name))
        .expect("create")
        .id
}

fn temp_db() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nested").join("plans.sqlite3");
    (dir, path)
}

#[test]
fn a_plan_survives_closing_and_reopening_the_store_exactly_as_typed() {
    let (_dir, path) = temp_db();
    let created = {
        let store = Store::open(&path).expect("open new store");
        store
            .create_plan(&plan("Ελληνικό Ανοικτό Πανεπιστήμιο"))
            .expect("create")
    };
    let store = Store::open(&path).expect("reopen");
    let again = store.get_plan(created.id).expect("plan still there");
    assert_eq!(again, created, "the reopened plan equals the one saved");
    assert_eq!(again.plan.profile.name, "Ελληνικό Ανοικτό Πανεπιστήμιο");
}

#[test]
fn updating_a_plan_changes_it_and_moves_it_to_the_top_of_the_list() {
    let mut store = Store::open_in_memory().expect("open");
    let first = store
        .create_plan(&plan("Łódź University"))
        .expect("create first");
    let second = store
        .create_plan(&plan("Московский университет"))
        .expect("create second");
    assert_eq!(
        store.list_plans().expect("list")[0].id,
        second.id,
        "newest first"
    );

    let mut edited = first.plan.clone();
    edited.profile.total_enrolment = 42_000;
    edited.title = "Renamed".to_owned();
    std::thread::sleep(std::time::Duration::from_millis(5));
    let mut form = ProfileForm::from_plan("Renamed", &first.plan.profile);
    form.total_enrolment = "42,000".into();
    let updated = store
        .edit_plan(first.id, None, PlanEdit::Profile(Box::new(form)))
        .expect("update");
    assert_eq!(updated.plan, edited);
    assert_eq!(updated.created_at, first.created_at, "creation time kept");
    assert!(
        updated.updated_at > first.updated_at,
        "edit time moves forward"
    );

    let list = store.list_plans().expect("list");
    assert_eq!(list[0].id, first.id, "the plan just edited is listed first");
    assert_eq!(list[0].title, "Renamed");
    assert_eq!(list.len(), 2);
}

#[test]
fn an_unknown_plan_is_reported_as_not_found() {
    let mut store = Store::open_in_memory().expect("open");
    assert!(matches!(store.get_plan(99), Err(Error::NotFound(99))));
    assert!(matches!(
        store.edit_plan(99, None, PlanEdit::Profile(Box::default())),
        Err(Error::NotFound(99))
    ));
}

#[test]
fn the_sample_plan_is_added_once_on_first_use_only() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).expect("open");
    let sample = store
        .seed_sample_on_first_use()
        .expect("seed")
        .expect("added on first use");
    assert_eq!(sample.plan, planner_core::sample_plan());
    assert!(
        store
            .seed_sample_on_first_use()
            .expect("seed again")
            .is_none(),
        "only once"
    );
    drop(store);
    let mut store = Store::open(&path).expect("reopen");
    assert!(
        store
            .seed_sample_on_first_use()
            .expect("seed after reopen")
            .is_none()
    );
    assert_eq!(store.list_plans().expect("list").len(), 1);
}

#[test]
fn a_store_that_already_has_plans_gets_no_sample() {
    let mut store = Store::open_in_memory().expect("open");
    store.create_plan(&plan("Own plan")).expect("create");
    assert!(store.seed_sample_on_first_use().expect("seed").is_none());
    assert_eq!(store.list_plans().expect("list").len(), 1);
}

#[test]
fn a_store_from_a_newer_version_is_refused_and_left_byte_for_byte_unchanged() {
    let (_dir, path) = temp_db();
    drop(Store::open(&path).expect("create"));
    {
        let conn = Connection::open(&path).expect("raw open");
        conn.pragma_update(None, "journal_mode", "DELETE")
            .expect("leave WAL so the file is whole");
        conn.pragma_update(None, "user_version", 99)
            .expect("pretend a newer version wrote it");
    }
    let before = std::fs::read(&path).expect("read db");
    let err = Store::open(&path).expect_err("newer store refused");
    let message = err.to_string();
    assert!(
        matches!(err, Error::NewerSchema { found: 99, .. }),
        "{message}"
    );
    assert!(
        message.contains("newer version") && message.contains("99"),
        "{message}"
    );
    assert_eq!(
        std::fs::read(&path).expect("read db"),
        before,
        "file unchanged"
    );
    assert!(
        !path.with_extension("sqlite3-wal").exists(),
        "no WAL file created"
    );
}

#[test]
fn a_store_holding_plans_is_backed_up_before_a_migration_and_keeps_its_plans() {
    let (_dir, path) = temp_db();
    let id = store_with_plan(&path, "Łódź");

    let next = migrations::with_extra_step("ALTER TABLE plans ADD COLUMN archived INTEGER;");
    let store = Store::open_with(&path, &next).expect("migrate to the next version");
    assert_eq!(
        store.get_plan(id).expect("plan kept").plan.profile.name,
        "Łódź"
    );

    let backup = migrations::backup_path(&path, SCHEMA_VERSION as i64);
    let copy = Connection::open(&backup).expect("backup is a database");
    let (version, name): (i64, String) = copy
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version), institution_name FROM plans",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("backup holds the plan");
    assert_eq!(
        version, SCHEMA_VERSION as i64,
        "backup is of the version before the migration"
    );
    assert_eq!(name, "Łódź");
}

#[test]
fn a_failing_migration_changes_nothing() {
    let (_dir, path) = temp_db();
    let id = store_with_plan(&path, "Kept");
    let broken = migrations::with_extra_step("ALTER TABLE no_such_table ADD COLUMN x;");
    let err = Store::open_with(&path, &broken).expect_err("broken migration fails");
    assert!(err.to_string().contains("current format"), "{err}");
    let store = Store::open(&path).expect("still opens at the old version");
    assert_eq!(
        store.get_plan(id).expect("plan kept").plan.profile.name,
        "Kept"
    );
}

#[test]
fn a_file_that_is_not_a_plan_store_gets_a_message_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "these are my notes, not a database ".repeat(50)).expect("write");
    let err = Store::open(&path).expect_err("not a database");
    assert!(err.to_string().contains("notes.txt"), "{err}");
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .starts_with("these are my notes")
    );
}

#[test]
fn connections_use_wal_full_sync_and_foreign_keys() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).expect("open");
    let mode: String = store
        .conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .expect("q");
    let sync: i64 = store
        .conn
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .expect("q");
    let fk: i64 = store
        .conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .expect("q");
    assert_eq!((mode.as_str(), sync, fk), ("wal", 2, 1));
}

#[test]
fn assessment_answers_and_adopted_actions_survive_a_reopen() {
    use planner_core::assessment::{Answer, AreaKey, AreaResponse, WizardPosition, guide};
    let (_dir, path) = temp_db();
    let mut edited = plan("Московский университет");
    let n = guide().area(AreaKey::FacultyBuyIn).statements.len();
    let mut answers = vec![Answer::Rated(2); n];
    answers[0] = Answer::DontKnow;
    answers[1] = Answer::Unanswered;
    let response = AreaResponse {
        answers,
        evidence: "Кафедры против".to_owned(),
    };
    edited
        .assessment
        .set_response(AreaKey::FacultyBuyIn, response)
        .expect("valid answers");
    edited.assessment.position = WizardPosition::Area {
        area: AreaKey::FacultyBuyIn,
    };
    let action = guide().actions[3].key.clone();
    edited
        .assessment
        .set_adopted(&action, true, "2026-11-29")
        .expect("known action");

    let id = Store::open(&path)
        .expect("open")
        .create_plan(&edited)
        .expect("create")
        .id;
    let reopened = Store::open(&path)
        .expect("reopen")
        .get_plan(id)
        .expect("get");
    assert_eq!(
        reopened.plan.assessment, edited.assessment,
        "answers, position and actions kept"
    );
}

#[test]
fn moving_through_the_wizard_does_not_count_as_an_edit() {
    use planner_core::assessment::{AreaKey, WizardPosition};
    let mut store = Store::open_in_memory().expect("open");
    let created = store.create_plan(&plan("Łódź")).expect("create");
    let position = WizardPosition::Area {
        area: AreaKey::Quality,
    };
    std::thread::sleep(std::time::Duration::from_millis(5));
    let saved = store
        .edit_plan(created.id, None, PlanEdit::WizardPosition(position))
        .expect("save");
    assert_eq!(saved.plan.assessment.position, position);
    assert_eq!(saved.updated_at, created.updated_at, "edit time unchanged");
    assert_eq!(
        saved.revision,
        created.revision + 1,
        "but it is a new revision"
    );
    assert!(matches!(
        store.edit_plan(77, None, PlanEdit::WizardPosition(position)),
        Err(Error::NotFound(77))
    ));
}

#[test]
fn the_list_read_from_derived_columns_agrees_with_the_whole_plans() {
    let store = Store::open_in_memory().expect("open");
    let mut offering = plan("Ελληνικό Ανοικτό Πανεπιστήμιο");
    offering.profile.stage = Stage::Offering;
    for p in [plan("Łódź"), offering, plan("<img src=x onerror=alert(1)>")] {
        store.create_plan(&p).expect("create");
    }
    let list = store.list_plans().expect("list");
    let whole: Vec<_> = list
        .iter()
        .map(|s| store.get_plan(s.id).expect("get").summary())
        .collect();
    assert_eq!(list, whole);
    assert!(
        list.iter().any(|s| s.stage == Stage::Offering),
        "stage read from the document"
    );
}
