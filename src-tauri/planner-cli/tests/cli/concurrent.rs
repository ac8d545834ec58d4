//! Many `mcplan` writers on one plan at once, and edits that change nothing.

use std::process::Child;

use serde_json::Value;

use super::{Sandbox, statements};

const AREAS: [&str; 6] = [
    "awareness",
    "curriculum_integration",
    "quality",
    "resources",
    "curriculum_transformation",
    "faculty_buy_in",
];

fn answers_file(sandbox: &Sandbox, area: &str, rating: u8) -> String {
    let file = sandbox.dir.path().join(format!("{area}-{rating}.json"));
    let answers = serde_json::json!({ area: vec![rating; statements(area)] });
    std::fs::write(&file, answers.to_string()).expect("write answers");
    file.to_str().expect("utf-8").to_owned()
}

fn finish(mut child: Child, what: &str) {
    let status = child.wait().expect("mcplan ran");
    assert!(status.success(), "{what} exits 0, not {status}");
}

#[test]
fn six_assess_and_a_starter_run_together_on_one_plan_lose_no_change() {
    let sandbox = Sandbox::new();
    let id = sandbox.new_plan("Universidad de Guadalajara");
    for rating in 1..=4u8 {
        let files: Vec<String> = AREAS
            .iter()
            .map(|area| answers_file(&sandbox, area, rating))
            .collect();
        let mut writers: Vec<(Child, String)> = AREAS
            .iter()
            .zip(&files)
            .map(|(area, file)| {
                let child = sandbox
                    .mcplan()
                    .args(["assess", &id, "--answers", file])
                    .stdout(std::process::Stdio::null())
                    .spawn()
                    .expect("start mcplan assess");
                (child, format!("assess {area}"))
            })
            .collect();
        let starter = sandbox
            .mcplan()
            .args(["rollout", &id, "--starter"])
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("start mcplan rollout");
        writers.push((starter, "rollout --starter".into()));
        for (child, what) in writers {
            finish(child, &what);
        }

        let plan = sandbox.json(&["show", &id, "--json"]);
        for area in AREAS {
            let answers = &plan["plan"]["assessment"]["responses"][area]["answers"];
            assert_eq!(
                answers,
                &Value::from(vec![rating; statements(area)]),
                "round {rating}: {area}'s answers were saved"
            );
        }
        assert!(
            plan["plan"]["rollout"].is_object(),
            "round {rating}: the rollout was set up"
        );
    }
}

#[test]
fn an_empty_answers_file_and_a_second_starter_leave_edit_time_and_list_order_alone() {
    let sandbox = Sandbox::new();
    let edited = sandbox.new_plan("Łódź University of Technology");
    sandbox.stdout(&["rollout", &edited, "--starter"]);
    let newer = sandbox.new_plan("Ελληνικό Ανοικτό Πανεπιστήμιο");
    let before = sandbox.json(&["show", &edited, "--json"]);
    let list = sandbox.json(&["list", "--json"]);
    assert_eq!(list[0]["id"].to_string(), newer, "the newest plan is first");

    let empty = sandbox.dir.path().join("empty.json");
    std::fs::write(&empty, "{}").expect("write");
    sandbox.stdout(&[
        "assess",
        &edited,
        "--answers",
        empty.to_str().expect("utf-8"),
    ]);
    sandbox.stdout(&["rollout", &edited, "--starter"]);

    let after = sandbox.json(&["show", &edited, "--json"]);
    assert_eq!(
        after["updatedAt"], before["updatedAt"],
        "edit time unchanged"
    );
    assert_eq!(after["revision"], before["revision"], "revision unchanged");
    assert_eq!(after["plan"], before["plan"], "plan unchanged");
    assert_eq!(
        sandbox.json(&["list", "--json"]),
        list,
        "the list and its order unchanged"
    );
}
