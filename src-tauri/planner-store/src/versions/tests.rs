use planner_core::{PlanEdit, ProfileForm, StoredPlan};

use super::*;

fn renamed(store: &mut Store, plan: &StoredPlan, title: &str) -> StoredPlan {
    let form = ProfileForm::from_plan(title, &plan.plan.profile);
    store
        .edit_plan(plan.id, None, PlanEdit::Profile(Box::new(form)))
        .expect("rename")
}

#[test]
fn a_snapshot_keeps_the_plan_as_it_was_and_never_changes_the_working_plan() {
    let mut store = Store::open_in_memory().expect("open");
    let created = store.add_sample_plan().expect("sample");
    let first = store
        .snapshot_plan(created.id, " sent to committee, 3 March ")
        .expect("snapshot");
    assert_eq!(
        (first.number, first.label.as_str()),
        (1, "sent to committee, 3 March"),
        "the first version is number 1, its label trimmed"
    );
    assert_eq!(
        store.get_plan(created.id).expect("plan"),
        created,
        "taking a snapshot changes neither the plan, its revision nor its edit time"
    );
    let edited = renamed(&mut store, &created, "Rollout after the committee");
    let second = store
        .snapshot_plan(created.id, "after the committee")
        .expect("again");
    assert_eq!(second.number, 2, "numbers go up by one");
    assert_eq!(
        store.list_versions(created.id).expect("list"),
        vec![first.clone(), second.clone()],
        "versions are listed oldest first"
    );
    let kept = store.get_version(created.id, 1).expect("version 1");
    assert_eq!(
        (kept.summary, kept.plan),
        (first, created.plan),
        "version 1 holds the plan from before the rename"
    );
    assert_eq!(
        store.get_version(created.id, 2).expect("version 2").plan,
        edited.plan
    );
    assert_eq!(
        store.get_versions(created.id).expect("all").len(),
        2,
        "every version with its plan"
    );
}

#[test]
fn versions_are_numbered_per_plan_and_unknown_ones_are_named() {
    let mut store = Store::open_in_memory().expect("open");
    let a = store.add_sample_plan().expect("a");
    let b = store.add_sample_plan().expect("b");
    store.snapshot_plan(a.id, "a1").expect("a1");
    store.snapshot_plan(a.id, "a2").expect("a2");
    assert_eq!(
        store.snapshot_plan(b.id, "b1").expect("b1").number,
        1,
        "each plan counts its own versions"
    );
    assert!(matches!(
        store.get_version(a.id, 3),
        Err(Error::VersionNotFound { number: 3, .. })
    ));
    assert!(
        store
            .get_version(a.id, 3)
            .expect_err("no version 3")
            .to_string()
            .contains(&format!("Plan number {} has no version 3", a.id))
    );
    assert!(matches!(
        store.list_versions(999),
        Err(Error::NotFound(999))
    ));
    assert!(matches!(
        store.snapshot_plan(999, "x"),
        Err(Error::NotFound(999))
    ));
}

#[test]
fn a_bad_label_is_refused_and_nothing_is_kept() {
    let mut store = Store::open_in_memory().expect("open");
    let plan = store.add_sample_plan().expect("sample");
    let refused = store.snapshot_plan(plan.id, "  ").expect_err("empty label");
    assert!(matches!(refused, Error::Invalid(_)), "{refused}");
    assert!(store.list_versions(plan.id).expect("list").is_empty());
}

#[test]
fn a_version_cannot_be_changed_and_goes_with_its_plan() {
    let mut store = Store::open_in_memory().expect("open");
    let plan = store.add_sample_plan().expect("sample");
    let other = store.add_sample_plan().expect("other");
    store.snapshot_plan(plan.id, "first").expect("snapshot");
    store.snapshot_plan(other.id, "other's").expect("snapshot");
    let changed = store.conn.execute(
        "UPDATE plan_versions SET label = 'rewritten' WHERE plan_id = ?1",
        [plan.id],
    );
    assert!(changed.is_err(), "the store refuses to change a version");
    store.delete_plan(plan.id).expect("delete");
    assert!(matches!(store.get_plan(plan.id), Err(Error::NotFound(_))));
    let left: i64 = store
        .conn
        .query_row("SELECT count(*) FROM plan_versions", [], |r| r.get(0))
        .expect("count");
    assert_eq!(left, 1, "only the other plan's version is left");
    assert!(matches!(
        store.delete_plan(plan.id),
        Err(Error::NotFound(_))
    ));
}

#[test]
fn a_snapshot_of_a_revision_the_plan_has_moved_past_keeps_nothing() {
    let mut store = Store::open_in_memory().expect("open");
    let created = store.add_sample_plan().expect("sample");
    let edited = renamed(&mut store, &created, "Renamed from the command line");
    let refused = store
        .snapshot_plan_at(created.id, Some(created.revision), "sent to committee")
        .expect_err("the window showed the plan before the rename");
    assert!(
        matches!(refused, Error::ChangedElsewhere { expected, found, .. }
            if expected == created.revision && found == edited.revision),
        "{refused:?}"
    );
    assert!(
        store.list_versions(created.id).expect("list").is_empty(),
        "no version kept"
    );
    let kept = store
        .snapshot_plan_at(created.id, Some(edited.revision), "sent to committee")
        .expect("at the plan's revision");
    assert_eq!(
        store
            .get_version(created.id, kept.number)
            .expect("kept")
            .plan,
        edited.plan
    );
}
