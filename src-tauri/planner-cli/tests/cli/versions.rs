//! `mcplan snapshot` and `mcplan versions`: a plan's versions as a script sees them.

use assert_cmd::prelude::*;

use super::Sandbox;

#[test]
fn a_snapshot_is_listed_with_its_label_and_leaves_the_plan_as_it_was() {
    let (sandbox, id) = Sandbox::with_demo();
    assert!(
        sandbox
            .stdout(&["versions", &id])
            .starts_with("No versions yet"),
        "a new plan has no versions"
    );
    let before = sandbox.json(&["show", &id, "--json"]);
    let number = sandbox.stdout(&["snapshot", &id, "--label", "sent to committee, 3 March"]);
    assert_eq!(number.trim(), "1", "the first version's number is printed");
    sandbox.stdout(&["snapshot", &id, "--label", "after the committee"]);
    assert_eq!(
        sandbox.json(&["show", &id, "--json"]),
        before,
        "a snapshot does not change the plan, its revision or its edit time"
    );
    let listed = sandbox.stdout(&["versions", &id]);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 2, "{listed}");
    assert!(
        lines[0].trim_start().starts_with("1  ")
            && lines[0].ends_with("UTC  sent to committee, 3 March"),
        "{listed}"
    );
    assert!(lines[1].ends_with("after the committee"), "{listed}");
    let json = sandbox.json(&["versions", &id, "--json"]);
    assert_eq!(json[1]["number"], 2);
    assert_eq!(json[1]["label"], "after the committee");
    assert!(
        json[1]["createdAt"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z'))
    );
}

#[test]
fn snapshots_of_unknown_plans_and_empty_labels_are_refused() {
    let (sandbox, id) = Sandbox::with_demo();
    sandbox.refuses(
        &["snapshot", &id, "--label", "  "],
        2,
        "Give the version a label",
    );
    sandbox.refuses(&["snapshot", "42", "--label", "x"], 2, "no plan number 42");
    sandbox.refuses(&["versions", "42"], 2, "no plan number 42");
    assert!(
        sandbox
            .stdout(&["versions", &id])
            .starts_with("No versions yet")
    );
}

#[test]
fn compare_names_what_changed_since_a_version_and_between_two_files() {
    let (sandbox, id) = Sandbox::with_demo();
    sandbox.stdout(&["snapshot", &id, "--label", "sent to committee"]);
    let before = sandbox.dir.path().join("before.mcplan");
    sandbox.stdout(&["export", &id, "--out", &before.display().to_string()]);
    let mut inputs = sandbox.json(&["show", &id, "--json"])["plan"]["rollout"].clone();
    inputs["uptake"]["targetRatePct"] = serde_json::json!(3);
    let inputs_file = sandbox.dir.path().join("rollout.json");
    std::fs::write(&inputs_file, inputs.to_string()).expect("write inputs");
    sandbox.stdout(&[
        "rollout",
        &id,
        "--inputs",
        &inputs_file.display().to_string(),
    ]);
    let said = sandbox.stdout(&["compare", &id, "--from", "1"]);
    assert!(
        said.starts_with("Inputs\n  Target uptake per term: 2.5% → 3%\n\nResulting figures\n"),
        "{said}"
    );
    assert!(
        said.contains("\n  Enrolments: 32,512 → 37,596 (+5,084)\n"),
        "{said}"
    );
    sandbox.stdout(&["snapshot", &id, "--label", "higher uptake"]);
    assert_eq!(
        sandbox.stdout(&["compare", &id, "--from", "1", "--to", "2"]),
        said,
        "version 2 is the plan as it is now"
    );
    let after = sandbox.dir.path().join("after.mcplan");
    sandbox.stdout(&["export", &id, "--out", &after.display().to_string()]);
    let files = [before.display().to_string(), after.display().to_string()];
    assert_eq!(sandbox.stdout(&["compare", &files[0], &files[1]]), said);
    let json = sandbox.json(&["compare", &files[0], &files[1], "--json"]);
    // A script reads the values, not their print: the rate as a number, its kind named.
    assert_eq!(json["inputs"][0]["after"]["kind"], "percent");
    assert_eq!(json["inputs"][0]["after"]["value"], 3.0);
    assert_eq!(
        sandbox.stdout(&["compare", &files[1], &files[1]]).trim(),
        "No changes: the two plans say the same."
    );
    sandbox.refuses(&["compare", &id, "--from", "9"], 2, "has no version 9");
    let usage = sandbox.mcplan().args(["compare", &id]).assert().code(2);
    let stderr = String::from_utf8_lossy(&usage.get_output().stderr).into_owned();
    assert!(
        stderr.starts_with("mcplan: the following required arguments were not provided: <SECOND>"),
        "the missing argument is named on the first line: {stderr}"
    );
}

#[test]
fn the_report_cover_names_the_version_it_shows_or_says_it_is_the_working_copy() {
    let (sandbox, id) = Sandbox::with_demo();
    let cover = |text: String| text.split('\u{c}').next().unwrap_or_default().to_owned();
    let first = cover(sandbox.pdf_text(&id));
    assert!(
        first.contains("Working copy (no version saved yet)"),
        "no version yet: {first}"
    );
    sandbox.stdout(&["snapshot", &id, "--label", "sent to committee"]);
    let saved = cover(sandbox.pdf_text(&id));
    assert!(
        saved.contains("Version 1, “sent to committee”, saved "),
        "the plan as version 1 keeps it: {saved}"
    );
    sandbox.stdout(&["review", &id, "--status", "sent"]);
    let changed = cover(sandbox.pdf_text(&id));
    assert!(
        changed.contains("Working copy, changed since version 1 ("),
        "changed after the snapshot: {changed}"
    );
    let html = sandbox.dir.path().join("plan.html");
    sandbox
        .mcplan()
        .args(["html", &id, "--out"])
        .arg(&html)
        .assert()
        .success();
    let page = std::fs::read_to_string(&html).expect("the page");
    assert!(
        page.contains("Working copy, changed since version 1 ("),
        "the HTML edition's cover says the same"
    );
}
