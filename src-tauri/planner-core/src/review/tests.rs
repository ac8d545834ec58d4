use super::*;
use crate::{Plan, PlanEdit, sample_plan};

fn edit(plan: &Plan, edit: ReviewEdit) -> Plan {
    PlanEdit::Review(edit)
        .apply(plan)
        .expect("a valid review edit")
}

fn refused(plan: &Plan, edit: ReviewEdit) -> Vec<(String, String)> {
    PlanEdit::Review(edit)
        .apply(plan)
        .expect_err("refused")
        .0
        .into_iter()
        .map(|e| (e.field, e.message))
        .collect()
}

fn add_reviewer(name: &str, role: &str) -> ReviewEdit {
    ReviewEdit::AddReviewer {
        name: name.to_owned(),
        role: role.to_owned(),
    }
}

fn pdf_note(key: &str, section: ReportSection, text: &str) -> ReviewComment {
    ReviewComment {
        section,
        author: "Amira Haddad".to_owned(),
        date: "2027-03-04".to_owned(),
        text: text.to_owned(),
        page: Some(7),
        quoted: Some("payback in year 4".to_owned()),
        resolved: false,
        origin: CommentOrigin::Pdf {
            key: key.to_owned(),
        },
    }
}

fn with_committee() -> Plan {
    let plan = edit(&sample_plan(), add_reviewer(" Dr. Wei Zhang ", "Provost"));
    edit(
        &plan,
        add_reviewer("Amira Haddad", "Chair, curriculum committee"),
    )
}

#[test]
fn a_new_plan_is_a_draft_nobody_has_reviewed() {
    let review = sample_plan().review;
    assert_eq!(review.status, PlanStatus::Draft);
    assert!(review.reviewers.is_empty() && review.comments.is_empty());
    assert_eq!(PlanStatus::SentToCommittee.label(), "Sent to committee");
}

#[test]
fn a_plan_saved_before_reviews_existed_opens_as_a_draft() {
    let mut json = serde_json::to_value(sample_plan()).expect("json");
    json.as_object_mut().expect("object").remove("review");
    let plan: Plan = serde_json::from_value(json).expect("opens without a review");
    assert_eq!(plan.review, Review::default());
}

#[test]
fn reviewers_are_added_trimmed_decide_and_the_status_moves() {
    let plan = with_committee();
    assert_eq!(plan.review.reviewers[0].name, "Dr. Wei Zhang");
    let decision = Decision {
        verdict: Verdict::ApprovedWithChanges,
        date: "2027-03-10".to_owned(),
    };
    let plan = edit(
        &plan,
        ReviewEdit::Decide {
            index: 1,
            decision: Some(decision.clone()),
        },
    );
    let plan = edit(
        &plan,
        ReviewEdit::SetStatus {
            status: PlanStatus::Approved,
        },
    );
    assert_eq!(plan.review.reviewers[1].decision, Some(decision));
    assert_eq!(plan.review.reviewers[0].decision, None);
    assert_eq!(plan.review.status, PlanStatus::Approved);
    let renamed = edit(
        &plan,
        ReviewEdit::UpdateReviewer {
            index: 1,
            name: "Amira Haddad".to_owned(),
            role: "Dean of Engineering".to_owned(),
        },
    );
    assert_eq!(renamed.review.reviewers[1].role, "Dean of Engineering");
    assert!(
        renamed.review.reviewers[1].decision.is_some(),
        "a new role keeps the decision"
    );
    let removed = edit(&renamed, ReviewEdit::RemoveReviewer { index: 0 });
    assert_eq!(removed.review.reviewers.len(), 1);
    assert_eq!(
        removed
            .review
            .reviewer_named(" amira haddad")
            .map(|(i, _)| i),
        Some(0)
    );
}

#[test]
fn a_reviewer_needs_a_name_of_their_own_and_a_real_decision_date() {
    let plan = with_committee();
    assert_eq!(
        refused(&plan, add_reviewer("  ", "Registrar")),
        [(
            "reviewers.2.name".to_owned(),
            "The name of reviewer 3 cannot be empty".to_owned()
        )]
    );
    assert_eq!(
        refused(&plan, add_reviewer("AMIRA HADDAD", "Registrar")),
        [(
            "reviewers.2.name".to_owned(),
            "Two reviewers are named “AMIRA HADDAD”; give each their own name".to_owned()
        )]
    );
    let bad_date = ReviewEdit::Decide {
        index: 0,
        decision: Some(Decision {
            verdict: Verdict::Approved,
            date: "2027-02-30".to_owned(),
        }),
    };
    assert_eq!(
        refused(&plan, bad_date),
        [(
            "reviewers.0.decision.date".to_owned(),
            "The date of reviewer 1’s decision: February 2027 has no 30th day".to_owned()
        )]
    );
    let hidden = refused(&plan, add_reviewer("Eve\u{202E}gpj", "Registrar"));
    assert!(
        hidden[0].1.contains("hidden character (U+202E)"),
        "{hidden:?}"
    );
}

#[test]
fn a_decision_by_a_reviewer_no_longer_there_is_refused_and_nothing_changes() {
    let plan = with_committee();
    let decide = ReviewEdit::Decide {
        index: 2,
        decision: Some(Decision {
            verdict: Verdict::NotApproved,
            date: "2027-03-10".to_owned(),
        }),
    };
    assert_eq!(
        refused(&plan, decide),
        [(
            "reviewers".to_owned(),
            "That reviewer is no longer in the plan; it may have been removed elsewhere".to_owned()
        )]
    );
    assert_eq!(
        refused(
            &plan,
            ReviewEdit::SetResolved {
                index: 0,
                resolved: true
            }
        )[0]
        .1,
        "That comment is no longer in the plan; it may have been removed elsewhere"
    );
}

#[test]
fn comments_are_typed_resolved_reopened_and_removed() {
    let typed = ReviewEdit::AddComment {
        section: ReportSection::Budget,
        author: "Dr. Wei Zhang".to_owned(),
        text: " Where does the year-3 grant come from?\nPlease name the funder. ".to_owned(),
        date: "2027-03-05".to_owned(),
    };
    let plan = edit(&with_committee(), typed);
    let comment = &plan.review.comments[0];
    assert_eq!(
        comment.text, "Where does the year-3 grant come from?\nPlease name the funder.",
        "a comment may run over lines, without spaces around it"
    );
    assert_eq!(
        (comment.origin.clone(), comment.resolved),
        (CommentOrigin::Window, false)
    );
    let resolved = edit(
        &plan,
        ReviewEdit::SetResolved {
            index: 0,
            resolved: true,
        },
    );
    assert!(resolved.review.comments[0].resolved);
    assert!(resolved.review.open_comments_by_section().is_empty());
    let reopened = edit(
        &resolved,
        ReviewEdit::SetResolved {
            index: 0,
            resolved: false,
        },
    );
    assert_eq!(
        reopened.review.open_comments_by_section()[0].0,
        ReportSection::Budget
    );
    let removed = edit(&reopened, ReviewEdit::RemoveComment { index: 0 });
    assert!(removed.review.comments.is_empty());
}

#[test]
fn a_comment_needs_an_author_text_and_a_real_date() {
    let typed = ReviewEdit::AddComment {
        section: ReportSection::Risks,
        author: String::new(),
        text: "   ".to_owned(),
        date: "5 March".to_owned(),
    };
    let problems = refused(&with_committee(), typed);
    let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        fields,
        ["comments.0.author", "comments.0.text", "comments.0.date"]
    );
    assert_eq!(problems[0].1, "The author of comment 1 cannot be empty");
    assert!(
        problems[2].1.contains("write it as YYYY-MM-DD"),
        "{problems:?}"
    );
}

#[test]
fn the_same_pdf_brought_back_twice_files_its_notes_once() {
    let batch = vec![
        pdf_note("p7-a1", ReportSection::Budget, "Grant looks optimistic"),
        pdf_note("p9-a2", ReportSection::Risks, "Add an accreditation risk"),
        pdf_note("p7-a1", ReportSection::Budget, "Grant looks optimistic"),
    ];
    let once = edit(
        &with_committee(),
        ReviewEdit::FileComments {
            comments: batch.clone(),
        },
    );
    assert_eq!(
        once.review.comments.len(),
        2,
        "a key twice in one batch is filed once"
    );
    let resolved = edit(
        &once,
        ReviewEdit::SetResolved {
            index: 0,
            resolved: true,
        },
    );
    let mut again = batch;
    again.push(pdf_note(
        "p12-a1",
        ReportSection::Kpis,
        "Which KPI is for completions?",
    ));
    let twice = edit(&resolved, ReviewEdit::FileComments { comments: again });
    let keys: Vec<_> = twice.review.comments.iter().map(|c| c.pdf_key()).collect();
    assert_eq!(keys, [Some("p7-a1"), Some("p9-a2"), Some("p12-a1")]);
    assert!(
        twice.review.comments[0].resolved,
        "a note filed before keeps being resolved"
    );
    let by_section: Vec<_> = twice
        .review
        .open_comments_by_section()
        .into_iter()
        .map(|(section, open)| (section, open.len()))
        .collect();
    assert_eq!(
        by_section,
        [(ReportSection::Risks, 1), (ReportSection::Kpis, 1)],
        "open comments, in the report's order"
    );
}

#[test]
fn a_batch_with_a_bad_note_is_refused_whole() {
    let mut bad = pdf_note("p3-a1", ReportSection::Profile, "Fine");
    bad.page = Some(0);
    let problems = refused(
        &with_committee(),
        ReviewEdit::FileComments {
            comments: vec![pdf_note("p2-a1", ReportSection::Summary, "Good"), bad],
        },
    );
    assert_eq!(
        problems,
        [(
            "comments.1.page".to_owned(),
            "Comment 2 is on page 0; pages are numbered from 1 to 10000".to_owned()
        )]
    );
}

#[test]
fn the_review_travels_in_the_plan_file_and_a_bad_one_is_refused_by_its_place() {
    let plan = edit(
        &with_committee(),
        ReviewEdit::FileComments {
            comments: vec![pdf_note("p7-a1", ReportSection::Budget, "Grant?")],
        },
    );
    let text = crate::write_plan_file(&plan, &[]);
    assert_eq!(
        crate::read_plan_file(&text).expect("reads").plan.review,
        plan.review
    );
    let broken = text.replace("\"2027-03-04\"", "\"2027-13-04\"");
    let refusal = crate::read_plan_file(&broken).expect_err("a month 13");
    assert!(
        refusal
            .0
            .starts_with("plan.review.comments[0].date: The date of comment 1:"),
        "{refusal}"
    );
}

#[test]
fn comments_brought_back_say_what_is_new_per_section_and_nothing_twice() {
    let plan = sample_plan();
    let comments = vec![
        pdf_note(
            "budget-note",
            ReportSection::Budget,
            "Is year one realistic?",
        ),
        pdf_note("cover-box", ReportSection::Summary, "A clear overview"),
        pdf_note(
            "budget-reply",
            ReportSection::Budget,
            "Yes: see the scenarios",
        ),
    ];
    let found = CommentsFound::new("Lakeshore, reviewed.pdf", comments.clone(), &plan.review);
    assert_eq!(found.new_count(), 3);
    assert_eq!(
        found.summary,
        "Brought back 3 new comments from “Lakeshore, reviewed.pdf”: 1 on Executive summary, \
         2 on Budget."
    );

    let filed = edit(
        &plan,
        ReviewEdit::FileComments {
            comments: found.comments,
        },
    );
    let again = CommentsFound::new("Lakeshore, reviewed.pdf", comments.clone(), &filed.review);
    assert_eq!(again.new_count(), 0);
    assert!(again.new_by_section.is_empty());
    assert_eq!(again.summary, "No new comments: all 3 were already here.");

    let mut later = comments;
    later.push(pdf_note(
        "risk-highlight",
        ReportSection::Risks,
        "Who owns these?",
    ));
    let partly = CommentsFound::new("Lakeshore, reviewed.pdf", later, &filed.review);
    assert_eq!(
        partly.summary,
        "Brought back 1 new comment from “Lakeshore, reviewed.pdf”: 1 on Risks. 3 others were \
         already here."
    );
    assert_eq!(
        CommentsFound::new("blank.pdf", vec![], &filed.review).summary,
        "“blank.pdf” holds no comments; nothing was filed."
    );
}

#[test]
fn a_note_given_twice_in_one_pdf_is_new_once() {
    let plan = sample_plan();
    let note = pdf_note(
        "budget-note",
        ReportSection::Budget,
        "Is year one realistic?",
    );
    let found = CommentsFound::new("twice.pdf", vec![note.clone(), note], &plan.review);
    assert_eq!(found.new_count(), 1, "{}", found.summary);
}

#[test]
fn a_report_of_another_plan_is_told_apart_from_this_plan_renamed_or_versioned() {
    let plan = sample_plan();
    let file = |plan: &Plan, versions: Vec<crate::PlanVersion>| crate::PlanFile {
        plan: plan.clone(),
        versions,
    };
    assert_eq!(another_plan(&plan, &[], &file(&plan, vec![])), None);

    let mut retitled = plan.clone();
    retitled.title = "  LAKESHORE   plan, revised ".to_owned();
    let mut spaced = retitled.clone();
    spaced.title = "Lakeshore plan, revised".to_owned();
    assert_eq!(
        another_plan(&spaced, &[], &file(&retitled, vec![])),
        None,
        "the same names, however spaced or cased"
    );

    let version = |plan: &Plan, label: &str| crate::PlanVersion {
        summary: crate::VersionSummary {
            number: 1,
            label: label.to_owned(),
            created_at: "2027-03-03T09:00:00Z".to_owned(),
        },
        plan: plan.clone(),
    };
    let mut renamed = plan.clone();
    renamed.title = "Expansion, revised after the retreat".to_owned();
    assert_eq!(
        another_plan(&renamed, &[version(&plan, "sent")], &file(&plan, vec![])),
        None,
        "the report was made before the plan was renamed, and a version keeps the old name"
    );
    let mut moved = plan.clone();
    moved.profile.name = "Lakeshore Technical University".to_owned();
    moved.title = "Renamed".to_owned();
    assert_eq!(
        another_plan(
            &moved,
            &[version(&moved, "sent")],
            &file(&plan, vec![version(&moved, "sent")])
        ),
        None,
        "a version the plan and the report share"
    );

    let mut other = plan.clone();
    other.title = "Pilot 2027".to_owned();
    other.profile.name = "Łódź University of Technology".to_owned();
    assert_eq!(
        another_plan(&plan, &[], &file(&other, vec![])).as_deref(),
        Some(
            "it is the report of another plan, “Pilot 2027” of Łódź University of Technology; \
             open that plan to bring its comments back"
        )
    );
    let mut same_place = plan.clone();
    same_place.title = "Pilot 2027".to_owned();
    assert!(
        another_plan(&plan, &[], &file(&same_place, vec![])).is_some(),
        "another plan of the same institution"
    );
}
