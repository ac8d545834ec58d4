//! Version 2 of the plan file: the plan's versions travel with it, version-1 files are
//! upgraded, and a version is checked as the plan is.

use serde_json::{Value, json};

use super::*;
use crate::sample_plan;

const SAMPLE_V1: &str = include_str!("fixtures/sample-v1.mcplan");

fn version(number: u32, label: &str, plan: Plan) -> PlanVersion {
    PlanVersion {
        summary: VersionSummary {
            number,
            label: label.to_owned(),
            created_at: "2027-03-03T09:30:00.000Z".to_owned(),
        },
        plan,
    }
}

fn file_with_versions() -> Value {
    let plan = sample_plan();
    let earlier = Plan {
        title: "First draft".to_owned(),
        ..plan.clone()
    };
    let text = write_plan_file(&plan, &[version(1, "sent to committee, 3 March", earlier)]);
    serde_json::from_str(&text).expect("JSON")
}

fn refusal(file: &Value) -> String {
    read_plan_file(&file.to_string()).expect_err("refused").0
}

#[test]
fn a_version_one_file_is_upgraded_and_carries_no_versions() {
    let given: Value = serde_json::from_str(SAMPLE_V1).expect("the fixture is JSON");
    assert_eq!(
        given["version"],
        json!(1),
        "the fixture is a version-1 file"
    );
    let read = read_plan_file(SAMPLE_V1).expect("a version-1 file is read");
    let plan: Plan = serde_json::from_value(given["plan"].clone()).expect("its plan");
    assert_eq!(
        read,
        PlanFile {
            plan,
            versions: Vec::new()
        }
    );
    let upgraded: Value =
        serde_json::from_str(&write_plan_file(&read.plan, &read.versions)).expect("JSON");
    assert_eq!(
        (upgraded["version"].clone(), upgraded["versions"].clone()),
        (json!(2), json!([])),
        "written again it is a version-2 file"
    );
    for (key, value) in given["plan"].as_object().expect("a plan") {
        assert_eq!(
            &upgraded["plan"][key], value,
            "the plan's {key} is unchanged"
        );
    }
}

#[test]
fn a_version_one_file_with_versions_is_refused() {
    let mut given: Value = serde_json::from_str(SAMPLE_V1).expect("JSON");
    given["versions"] = json!([]);
    assert!(
        refusal(&given).starts_with("versions: a version-1 plan file carries no versions"),
        "{}",
        refusal(&given)
    );
}

#[test]
fn versions_come_back_with_their_numbers_labels_times_and_plans() {
    let file = file_with_versions();
    assert_eq!(file["versions"][0]["label"], "sent to committee, 3 March");
    assert_eq!(file["versions"][0]["createdAt"], "2027-03-03T09:30:00.000Z");
    assert_eq!(file["versions"][0]["plan"]["title"], "First draft");
    let read = read_plan_file(&file.to_string()).expect("read");
    assert_eq!(read.versions.len(), 1);
    assert_eq!(read.versions[0].summary.number, 1);
    assert_eq!(read.versions[0].plan.title, "First draft");
}

#[test]
fn a_bad_version_is_named_by_its_place_in_the_file() {
    let mut missing = file_with_versions();
    missing.as_object_mut().expect("file").remove("versions");
    assert!(
        refusal(&missing).starts_with("missing field `versions` (line "),
        "{}",
        refusal(&missing)
    );
    let cases: [(&str, Value, &str); 5] = [
        (
            "label",
            json!(" "),
            "versions[0].label: Give the version a label",
        ),
        (
            "createdAt",
            json!("3 March"),
            "versions[0].createdAt: “3 March” is not a time",
        ),
        (
            "number",
            json!(0),
            "versions[0].number: version numbers go up from 1",
        ),
        ("number", json!(-1), "versions[0].number: invalid value"),
        (
            "lable",
            json!("x"),
            "versions[0].lable: unknown key “lable”; did you mean “label”?",
        ),
    ];
    for (key, value, said) in cases {
        let mut file = file_with_versions();
        file["versions"][0][key] = value;
        let message = refusal(&file);
        assert!(message.starts_with(said), "{key}: {message}");
    }
    let mut file = file_with_versions();
    file["versions"][0]["plan"]["risks"][0]["impact"] = json!(9);
    assert!(
        refusal(&file).starts_with("versions[0].plan.risks[0].impact: Risk 1: the impact"),
        "{}",
        refusal(&file)
    );
    let mut file = file_with_versions();
    let again = file["versions"][0].clone();
    file["versions"]
        .as_array_mut()
        .expect("versions")
        .push(again);
    assert!(
        refusal(&file).starts_with(
            "versions[1].number: version numbers go up from 1, each \
             higher than the one before; 1 follows 1"
        ),
        "{}",
        refusal(&file)
    );
}
