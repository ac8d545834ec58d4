use planner_core::{Plan, PlanFile, PlanVersion, VersionSummary, sample_plan};

use super::*;
use crate::Error;

fn version(number: u32, label: &str, title: &str) -> PlanVersion {
    PlanVersion {
        summary: VersionSummary {
            number,
            label: label.to_owned(),
            created_at: "2027-03-03T09:30:00.000Z".to_owned(),
        },
        plan: Plan {
            title: title.to_owned(),
            ..sample_plan()
        },
    }
}

fn file(title: &str, versions: Vec<PlanVersion>) -> PlanFile {
    PlanFile {
        plan: Plan {
            title: title.to_owned(),
            ..sample_plan()
        },
        versions,
    }
}

#[test]
fn a_file_imported_as_a_new_plan_keeps_its_versions() {
    let mut store = Store::open_in_memory().expect("open");
    let imported = store
        .import_plan(&file("From campus", vec![version(1, "sent", "Draft")]))
        .expect("import");
    assert_eq!(imported.plan.title, "From campus");
    let versions = store.get_versions(imported.id).expect("versions");
    assert_eq!(
        versions,
        vec![version(1, "sent", "Draft")],
        "kept as the file had them"
    );
}

#[test]
fn importing_into_a_plan_keeps_the_plan_as_it_was_then_replaces_it() {
    let mut store = Store::open_in_memory().expect("open");
    let before = store.add_sample_plan().expect("sample");
    store
        .snapshot_plan(before.id, "sent to committee")
        .expect("snapshot");
    let came_back = file(
        "Back from the committee",
        vec![version(1, "the committee's draft", "Committee draft")],
    );
    let saved = store
        .import_into(before.id, &came_back, "committee.mcplan")
        .expect("import");
    assert_eq!(saved.plan.title, "Back from the committee");
    assert_eq!(saved.revision, before.revision + 1, "one edit");
    let versions = store.get_versions(before.id).expect("versions");
    let labels: Vec<(u32, &str)> = versions
        .iter()
        .map(|v| (v.summary.number, v.summary.label.as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            (1, "sent to committee"),
            (2, "Before importing committee.mcplan"),
            (3, "the committee's draft")
        ]
    );
    assert_eq!(
        versions[1].plan, before.plan,
        "the plan as it was before the import"
    );
    assert_eq!(versions[2].plan.title, "Committee draft");
    assert_eq!(
        versions[2].summary.created_at, "2027-03-03T09:30:00.000Z",
        "a version keeps its time"
    );
    store
        .import_into(before.id, &came_back, "committee.mcplan")
        .expect("again");
    assert_eq!(
        store.list_versions(before.id).expect("list").len(),
        4,
        "the same file twice adds only the new 'Before importing' version"
    );
}

#[test]
fn a_refused_import_into_a_plan_changes_nothing() {
    let mut store = Store::open_in_memory().expect("open");
    let before = store.add_sample_plan().expect("sample");
    let mut bad = file("Bad", Vec::new());
    bad.plan.risks[0].impact = 9;
    let refused = store
        .import_into(before.id, &bad, "bad.mcplan")
        .expect_err("an impact of 9 is refused");
    assert!(matches!(refused, Error::Invalid(_)), "{refused}");
    assert!(
        refused.to_string().contains("the impact must be 1 to 5"),
        "{refused}"
    );
    assert_eq!(store.get_plan(before.id).expect("plan"), before);
    assert!(
        store.list_versions(before.id).expect("list").is_empty(),
        "no 'Before importing' version is left behind"
    );
    assert!(matches!(
        store.import_into(404, &file("x", Vec::new()), "x.mcplan"),
        Err(Error::NotFound(404))
    ));
}
