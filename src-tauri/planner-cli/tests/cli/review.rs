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

/// Today as `mcplan review` prints a date: "30 November 2026".
fn today() -> (String, String) {
    let day = chrono::Local::now().date_naive();
    (
        day.format("%Y-%m-%d").to_string(),
        day.format("%-d %B %Y").to_string(),
    )
}

#[test]
fn a_decision_and_a_comment_are_recorded_today_and_print_on_the_sign_off_page() {
    let (sandbox, id) = Sandbox::with_demo();
    sandbox.stdout(&[
        "review",
        &id,
        "--add-reviewer",
        "Dr. Wei Zhang",
        "--role",
        "Provost",
    ]);
    sandbox.stdout(&[
        "review",
        &id,
        "--add-reviewer",
        "Amira Haddad",
        "--role",
        "Dean of graduate studies",
    ]);
    let (iso, long) = today();
    // A reviewer named in any case, or by their number in the list.
    sandbox.stdout(&[
        "review",
        &id,
        "--reviewer",
        "dr. wei zhang",
        "--decision",
        "approved with changes",
    ]);
    let shown = sandbox.stdout(&[
        "review",
        &id,
        "--reviewer",
        "2",
        "--decision",
        "approved",
        "--comment",
        "Show the pilot's cost per completer.",
        "--section",
        "budget",
        "--author",
        "Amira Haddad",
    ]);
    assert_eq!(
        shown,
        format!(
            "Status: Draft\nReviewers:\n  Dr. Wei Zhang (Provost): Approved with changes, {long}\n  \
             Amira Haddad (Dean of graduate studies): Approved, {long}\n\
             Comments: 1 open, 0 resolved\n  Budget\n    \
             [open] Amira Haddad, {long}: Show the pilot's cost per completer.\n"
        )
    );
    let plan = sandbox.json(&["show", &id, "--json"]);
    let review = &plan["plan"]["review"];
    assert_eq!(
        review["reviewers"][0]["decision"]["verdict"],
        "approved_with_changes"
    );
    assert_eq!(review["reviewers"][1]["decision"]["date"], iso.as_str());
    assert_eq!(review["comments"][0]["section"], "budget");
    let sign_off = sandbox.pdf_text(&id);
    assert!(
        sign_off.contains("Approved with changes"),
        "the decision prints on the sign-off page"
    );
}

#[test]
fn a_decision_for_no_such_reviewer_or_a_comment_on_no_such_section_saves_nothing() {
    let (sandbox, id) = Sandbox::with_demo();
    sandbox.refuses(
        &["review", &id, "--reviewer", "1", "--decision", "approved"],
        2,
        "--reviewer: the plan has no reviewers yet; add one with --add-reviewer",
    );
    // The reviewer added in the same command is the first; "Wei" names nobody. Neither the
    // status nor the reviewer asked for beside it is saved.
    sandbox.refuses(
        &[
            "review",
            &id,
            "--status",
            "sent",
            "--add-reviewer",
            "Dr. Wei Zhang",
            "--role",
            "Provost",
            "--reviewer",
            "Wei",
            "--decision",
            "approved",
        ],
        2,
        "--reviewer: “Wei” is not one of the plan's reviewers (1 Dr. Wei Zhang)",
    );
    sandbox.refuses(
        &["review", &id, "--add-reviewer", "A", "--role", "B", "--reviewer", "1", "--decision", "maybe"],
        2,
        "--decision: “maybe” is not a decision; say approved, approved_with_changes or not_approved",
    );
    sandbox.refuses(
        &[
            "review",
            &id,
            "--comment",
            "Fine.",
            "--section",
            "appendix",
            "--author",
            "Amira Haddad",
        ],
        2,
        "--section: “appendix” is not a section of the report; the sections are contents, summary",
    );
    sandbox.refuses(
        &[
            "review",
            &id,
            "--comment",
            "  ",
            "--section",
            "budget",
            "--author",
            "Amira Haddad",
        ],
        2,
        "--comment: ",
    );
    let plan = sandbox.json(&["show", &id, "--json"]);
    assert_eq!(plan["revision"], 1, "nothing was saved");
}
