use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use planner_core::assessment::{Answer, AreaKey, guide};
use planner_core::{InstitutionProfile, Plan, ProfileForm, Stage};

use super::*;

fn new_plan(store: &Store) -> StoredPlan {
    let profile = InstitutionProfile::new("Universidad de Guadalajara", 310_000, Stage::Offering);
    store
        .create_plan(&Plan::new("Rollout 2027".into(), profile))
        .expect("create")
}

fn start() -> PlanEdit {
    PlanEdit::StartRollout {
        today: NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date"),
    }
}

fn ratings(area: AreaKey, rating: u8) -> PlanEdit {
    let n = guide().area(area).statements.len();
    PlanEdit::Answers(BTreeMap::from([(area, vec![Answer::Rated(rating); n])]))
}

/// How many commits other connections have made to the file, as this connection sees it.
fn data_version(store: &Store) -> i64 {
    store
        .conn
        .pragma_query_value(None, "data_version", |r| r.get(0))
        .expect("data_version")
}

fn open(path: &Path) -> Store {
    Store::open(path).expect("open")
}

#[test]
fn an_edit_that_changes_nothing_writes_nothing_and_keeps_revision_and_edit_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plans.sqlite3");
    let mut store = open(&path);
    let watcher = open(&path);
    let plan = new_plan(&store);
    let other = new_plan(&store);
    std::thread::sleep(std::time::Duration::from_millis(5));
    let started = store.edit_plan(plan.id, None, start()).expect("start");
    let list = store.list_plans().expect("list");
    let before = data_version(&watcher);

    for no_op in [start(), PlanEdit::Answers(BTreeMap::new())] {
        let again = store
            .edit_plan(plan.id, Some(started.revision), no_op)
            .expect("no-op");
        assert_eq!(again, started, "revision, edit time and plan unchanged");
    }
    assert_eq!(data_version(&watcher), before, "no commit reached the file");
    assert_eq!(
        store.list_plans().expect("list"),
        list,
        "the list order is unchanged"
    );
    assert_eq!(list[0].id, plan.id, "the started plan is listed first");
    assert_eq!(list[1].id, other.id);
}

#[test]
fn every_real_change_raises_the_revision_by_one() {
    let mut store = Store::open_in_memory().expect("open");
    let created = new_plan(&store);
    assert_eq!(created.revision, 1, "a new plan is at revision 1");
    let mut revision = created.revision;
    for edit in [
        start(),
        ratings(AreaKey::Quality, 2),
        ratings(AreaKey::Quality, 5),
    ] {
        let saved = store
            .edit_plan(created.id, Some(revision), edit)
            .expect("edit");
        assert_eq!(saved.revision, revision + 1, "one more per change");
        assert_eq!(store.get_plan(created.id).expect("get"), saved);
        revision = saved.revision;
    }
}

#[test]
fn an_edit_against_an_older_revision_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plans.sqlite3");
    let mut window = open(&path);
    let mut cli = open(&path);
    let shown = new_plan(&window);
    let elsewhere = cli
        .edit_plan(shown.id, None, ratings(AreaKey::Resources, 1))
        .expect("the CLI's edit");

    let refused = window.edit_plan(shown.id, Some(shown.revision), ratings(AreaKey::Quality, 4));
    match refused {
        Err(Error::ChangedElsewhere {
            expected, found, ..
        }) => assert_eq!((expected, found), (shown.revision, elsewhere.revision)),
        other => panic!("a stale edit is refused: {other:?}"),
    }
    assert_eq!(
        window.get_plan(shown.id).expect("get"),
        elsewhere,
        "the other change stands and nothing else was written"
    );
    let retried = window
        .edit_plan(
            shown.id,
            Some(elsewhere.revision),
            ratings(AreaKey::Quality, 4),
        )
        .expect("an edit against the latest revision applies");
    let responses = &retried.plan.assessment.responses;
    assert!(
        responses.contains_key(&AreaKey::Resources) && responses.contains_key(&AreaKey::Quality),
        "both changes are kept"
    );
}

#[test]
fn an_invalid_edit_is_refused_by_field_and_writes_nothing() {
    let mut store = Store::open_in_memory().expect("open");
    let created = new_plan(&store);
    let form = ProfileForm {
        total_enrolment: "-5".into(),
        ..ProfileForm::from_plan("Rollout 2027", &created.plan.profile)
    };
    match store.edit_plan(created.id, Some(1), PlanEdit::Profile(Box::new(form))) {
        Err(Error::Invalid(errors)) => assert_eq!(errors.0[0].field, "totalEnrolment"),
        other => panic!("a negative enrolment is refused: {other:?}"),
    }
    assert_eq!(store.get_plan(created.id).expect("get"), created);
}

#[test]
fn several_edits_made_as_one_raise_the_revision_once_and_a_refused_one_saves_none() {
    let mut store = Store::open_in_memory().expect("open");
    let created = new_plan(&store);
    let both = store
        .edit_plan_all(
            created.id,
            Some(created.revision),
            vec![start(), ratings(AreaKey::Quality, 2)],
        )
        .expect("both edits");
    assert_eq!(
        both.revision,
        created.revision + 1,
        "one change, one revision"
    );
    assert!(both.plan.rollout.is_some());
    assert!(
        both.plan
            .assessment
            .responses
            .contains_key(&AreaKey::Quality)
    );

    let refused = store.edit_plan_all(
        created.id,
        Some(both.revision),
        vec![ratings(AreaKey::Resources, 4), ratings(AreaKey::Quality, 9)],
    );
    assert!(
        matches!(refused, Err(Error::Invalid(_))),
        "a rating of 9 is refused: {refused:?}"
    );
    assert_eq!(
        store.get_plan(created.id).expect("get"),
        both,
        "the valid edit before the refused one is not saved either"
    );
}

#[test]
fn editors_on_separate_connections_at_once_lose_no_change() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plans.sqlite3");
    let id = new_plan(&open(&path)).id;
    std::thread::scope(|scope| {
        for area in AreaKey::ALL {
            let path = &path;
            scope.spawn(move || {
                let mut store = open(path);
                for rating in 1..=5 {
                    store
                        .edit_plan(id, None, ratings(area, rating))
                        .expect("edit");
                }
            });
        }
    });
    let plan = open(&path).get_plan(id).expect("get");
    for area in AreaKey::ALL {
        let answers = &plan.plan.assessment.responses[&area].answers;
        assert!(
            answers.iter().all(|a| *a == Answer::Rated(5)),
            "{area:?} holds its last rating"
        );
    }
    assert_eq!(plan.revision, 1 + 5 * 6, "every change counted once");
}

#[test]
fn the_work_plan_survives_reopening_and_a_circle_is_refused_with_nothing_written() {
    use planner_core::workplan::{Dependency, WorkPlanEdit};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plans.sqlite3");
    let store = open(&path);
    let sample = store.add_sample_plan().expect("sample");
    drop(store);
    let mut store = open(&path);
    let reopened = store.get_plan(sample.id).expect("get");
    assert_eq!(
        reopened.plan.work_plan,
        planner_core::sample_plan().work_plan
    );
    assert_eq!(
        (
            &reopened.plan.risks,
            &reopened.plan.kpis,
            &reopened.plan.engagement
        ),
        (
            &sample.plan.risks,
            &sample.plan.kpis,
            &sample.plan.engagement
        ),
        "risks, KPIs and engagement as saved"
    );

    let watcher = open(&path);
    let before = data_version(&watcher);
    let circle = WorkPlanEdit::AddDependency {
        dependency: Dependency::new("stackable_pathways", "pilot_budget_line", 0),
    };
    let refused = store
        .edit_plan(
            sample.id,
            Some(reopened.revision),
            PlanEdit::WorkPlan(circle),
        )
        .expect_err("a circle of tasks");
    assert!(
        refused
            .to_string()
            .contains("wait for one another in a circle"),
        "{refused}"
    );
    assert_eq!(data_version(&watcher), before, "nothing reached the file");
    assert_eq!(store.get_plan(sample.id).expect("get"), reopened);
}
