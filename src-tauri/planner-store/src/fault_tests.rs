//! Store faults: odd paths, missing and damaged stores, concurrent first use, read-only disks.

use std::path::Path;

use planner_core::{InstitutionProfile, Plan, PlanId, Stage};
use planner_test_support::ScratchDisk;

use super::*;

fn plan(name: &str) -> Plan {
    Plan::new(
        format!("Plan for {name}"),
        InstitutionProfile::new(name, 12_000, Stage::Exploring),
    )
}

/// Creates the store at `path` holding one plan for `name`.
fn store_with_plan(path: &Path, name: &str) {
    Store::open(path)
        .expect("create")
        .create_plan(&plan(name))
        .expect("save");
}

fn titles(store: &Store) -> Vec<String> {
    let mut titles: Vec<String> = store
        .list_plans()
        .expect("list")
        .into_iter()
        .map(|p| p.title)
        .collect();
    titles.sort();
    titles
}

fn assert_one_line(err: &Error) -> String {
    let message = err.to_string();
    assert_eq!(message.lines().count(), 1, "one line: {message}");
    assert!(message.chars().count() < 400, "short: {message}");
    message
}

#[test]
fn memory_and_uri_spellings_are_refused_and_create_nothing() {
    for given in [
        ":memory:",
        "file::memory:",
        "file:plans.db?mode=memory&cache=shared",
        "FILE:plans.db",
        "",
    ] {
        let err = Store::open(Path::new(given)).expect_err(given);
        assert!(matches!(err, Error::NotAPlainPath { .. }), "{given}: {err}");
        assert!(assert_one_line(&err).contains("plain path"), "{err}");
    }
    assert!(!Path::new("file:plans.db").exists(), "no file: tree made");
    assert!(!Path::new("file:").exists(), "no file: folder made");
}

#[test]
fn a_folder_given_as_the_store_is_named_as_a_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let err = Store::open(dir.path()).expect_err("a folder");
    assert!(assert_one_line(&err).contains("is a folder"), "{err}");
}

#[test]
fn reading_a_missing_store_says_so_and_creates_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("typo").join("plans.sqlite3");
    let err = Store::open_existing(&path).expect_err("missing");
    assert!(matches!(err, Error::Missing { .. }), "{err}");
    assert!(assert_one_line(&err).contains("no plan store"), "{err}");
    assert!(!dir.path().join("typo").exists(), "no folder created");
}

#[test]
fn a_store_opened_for_reading_shows_what_was_saved_and_refuses_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plans.sqlite3");
    store_with_plan(&path, "Łódź");
    let reader = Store::open_existing(&path).expect("open for reading");
    assert_eq!(titles(&reader), ["Plan for Łódź"]);
    assert!(
        reader.create_plan(&plan("x")).is_err(),
        "a reading connection never writes"
    );
}

fn raw(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).expect("raw connection")
}

#[test]
fn damaged_plans_are_named_while_the_others_are_listed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plans.sqlite3");
    let store = Store::open(&path).expect("create");
    let good = store.create_plan(&plan("Good")).expect("save").id;
    let empty = store.create_plan(&plan("Emptied")).expect("save").id;
    let broken = store.create_plan(&plan("Broken")).expect("save").id;
    let body_broken = store.create_plan(&plan("Body")).expect("save").id;
    let conn = raw(&path);
    let hand_edit = |id: PlanId, document: &str| {
        conn.execute(
            "UPDATE plans SET document = ?1 WHERE id = ?2",
            rusqlite::params![document, id],
        )
        .expect("hand edit");
    };
    hand_edit(empty, "{}");
    hand_edit(broken, r#"{"title": 5, "profile": []}"#);
    hand_edit(
        body_broken,
        r#"{"title": "Still listed", "profile": {"name": "U", "stage": "exploring"}}"#,
    );
    drop(conn);

    let (plans, mut damaged) = store.list_plans_and_damaged().expect("list");
    damaged.sort_unstable();
    let listed: Vec<PlanId> = plans.iter().map(|p| p.id).collect();
    assert_eq!(
        listed,
        [body_broken, good],
        "the plans whose list entry reads are listed"
    );
    assert_eq!(damaged, [empty, broken], "each damaged plan is named");
    for id in [empty, broken, body_broken] {
        let err = store.get_plan(id).expect_err("damaged");
        let message = assert_one_line(&err);
        assert!(
            message.contains(&format!("Plan number {id} is damaged")),
            "{message}"
        );
    }
}

#[test]
fn several_first_uses_at_once_all_succeed_with_one_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("new").join("plans.sqlite3");
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let path = path.clone();
            std::thread::spawn(move || {
                let store = Store::open(&path).map_err(|e| e.to_string())?;
                store
                    .create_plan(&plan(&format!("U{i}")))
                    .map_err(|e| e.to_string())
            })
        })
        .collect();
    for thread in threads {
        thread
            .join()
            .expect("no panic")
            .expect("each first use succeeds");
    }
    let store = Store::open_existing(&path).expect("open");
    assert_eq!(titles(&store).len(), 8, "every plan saved once");
}

#[test]
fn a_recovered_store_is_recognised_left_alone_and_opens_after_the_suggested_fix() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plans.sqlite3");
    store_with_plan(&path, "Kept");
    // `sqlite3 .recover` copies tables and rows but not the version number.
    raw(&path)
        .execute_batch("PRAGMA user_version = 0")
        .expect("lose the version");
    let before = std::fs::read(&path).expect("read");

    for err in [
        Store::open(&path).expect_err("recovered"),
        Store::open_existing(&path).expect_err("recovered"),
    ] {
        let message = assert_one_line(&err);
        assert!(
            message.contains("sqlite3 .recover")
                && message.contains(&format!("PRAGMA user_version = {SCHEMA_VERSION}")),
            "says what happened and what to do: {message}"
        );
    }
    assert_eq!(std::fs::read(&path).expect("read"), before, "unchanged");

    raw(&path)
        .execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION}"))
        .expect("the suggested fix");
    assert_eq!(
        titles(&Store::open(&path).expect("opens")),
        ["Plan for Kept"]
    );
}

#[test]
fn files_beside_the_store_are_all_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plans.sqlite3");
    let store = Store::open(&path).expect("create");
    let files = store.files();
    for name in [
        "plans.sqlite3",
        "plans.sqlite3-wal",
        "plans.sqlite3-shm",
        "plans.sqlite3.before-v0.bak",
    ] {
        assert!(
            files.contains(&dir.path().join(name)),
            "{name} in {files:?}"
        );
    }
}

#[test]
fn a_store_on_a_read_only_disk_is_read_and_not_written() {
    let Some(disk) = ScratchDisk::mount("2m") else {
        return;
    };
    let path = disk.path().join("plans.sqlite3");
    store_with_plan(&path, "On a stick");
    disk.make_read_only();

    let reader = Store::open_existing(&path).expect("read from a read-only disk");
    assert_eq!(titles(&reader), ["Plan for On a stick"]);
    let err = Store::open(&path).expect_err("cannot write");
    assert!(matches!(err, Error::ReadOnly { .. }), "{err}");
    assert!(assert_one_line(&err).contains("read-only"), "{err}");
    let err = Store::open(&disk.path().join("other.sqlite3")).expect_err("cannot create");
    assert!(matches!(err, Error::ReadOnly { .. }), "{err}");
}
