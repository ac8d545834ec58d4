//! `mcplan snapshot` and `mcplan versions`: a plan's versions as a script sees them.

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
