//! `mcplan review`: the committee review shown, its status set and reviewers added; what the
//! window and the PDF's sign-off page show.

use crate::Sandbox;

#[test]
fn a_new_plan_is_a_draft_with_no_reviewers_and_no_comments() {
    let (sandbox, id) = Sandbox::with_demo();
    assert_eq!(
        sandbox.stdout(&["review", &id]),
        "Status: Draft\nReviewers: none yet\nComments: none yet\n"
    );
}

#[test]
fn the_status_is_set_and_reviewers_added_and_the_plan_file_carries_them() {
    let (sandbox, id) = Sandbox::with_demo();
    sandbox.stdout(&["review", &id, "--status", "Sent"]);
    let shown = sandbox.stdout(&[
        "review",
        &id,
        "--add-reviewer",
        " Dr. Wei Zhang ",
        "--role",
        "Provost",
    ]);
    assert_eq!(
        shown,
        "Status: Sent to committee\nReviewers:\n  Dr. Wei Zhang (Provost): no decision yet\n\
         Comments: none yet\n"
    );
    let plan = sandbox.json(&["show", &id, "--json"]);
    assert_eq!(plan["plan"]["review"]["status"], "sent_to_committee");
    assert_eq!(plan["plan"]["review"]["reviewers"][0]["role"], "Provost");
    let file = sandbox.dir.path().join("plan.mcplan");
    sandbox.stdout(&["export", &id, "--out", file.to_str().expect("utf-8 path")]);
    let copy = sandbox.stdout(&["import", file.to_str().expect("utf-8 path")]);
    assert!(
        sandbox
            .stdout(&["review", copy.trim()])
            .contains("Dr. Wei Zhang (Provost)"),
        "the review travels in the plan file"
    );
}

#[test]
fn a_bad_status_or_reviewer_is_refused_in_one_line_and_nothing_changes() {
    let (sandbox, id) = Sandbox::with_demo();
    sandbox.refuses(
        &["review", &id, "--status", "pending"],
        2,
        "--status: “pending” is not a status; say draft, sent or approved",
    );
    sandbox.refuses(
        &["review", &id, "--add-reviewer", "  ", "--role", "Provost"],
        2,
        "--add-reviewer: The name of reviewer 1 cannot be empty",
    );
    sandbox.refuses(&["review", "42"], 2, "no plan number 42");
    let plan = sandbox.json(&["show", &id, "--json"]);
    assert_eq!(plan["revision"], 1, "nothing was saved");
}
