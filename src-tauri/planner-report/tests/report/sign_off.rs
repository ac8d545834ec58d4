//! The sign-off page with a committee recorded in the planner: each reviewer on their line
//! with their decision and its date, the status, and the comments still open by section.

use planner_core::report::ReportSection;
use planner_core::review::{
    CommentOrigin, Decision, PlanStatus, Review, ReviewComment, Reviewer, Verdict,
};
use planner_core::sample_plan;
use planner_report::render_html;
use planner_test_support::{pages_text, pdf_text, pdf_text_page, position, squeeze};

use crate::{detail, export_to_temp, options, section_page, section_pages_in};

fn comment(section: ReportSection, author: &str, text: &str, resolved: bool) -> ReviewComment {
    ReviewComment {
        section,
        author: author.to_owned(),
        date: "2027-03-04".to_owned(),
        text: text.to_owned(),
        page: Some(17),
        quoted: Some("US$2.4 million".to_owned()),
        resolved,
        origin: CommentOrigin::Window,
    }
}

fn reviewed(comments: Vec<ReviewComment>) -> planner_core::PlanDetail {
    let mut plan = sample_plan();
    plan.review = Review {
        status: PlanStatus::SentToCommittee,
        reviewers: vec![
            Reviewer {
                name: "Dr. Wei Zhang".to_owned(),
                role: "Provost".to_owned(),
                decision: Some(Decision {
                    verdict: Verdict::ApprovedWithChanges,
                    date: "2027-03-10".to_owned(),
                }),
            },
            Reviewer {
                name: "أميرة حداد".to_owned(),
                role: "Chief financial officer".to_owned(),
                decision: None,
            },
        ],
        comments,
    };
    detail(plan)
}

#[test]
fn reviewers_print_on_their_lines_with_decision_date_and_the_open_comments() {
    let plan = reviewed(vec![
        comment(
            ReportSection::Budget,
            "Dr. Wei Zhang",
            "Name the funder of year 3",
            false,
        ),
        comment(
            ReportSection::Budget,
            "Dr. Wei Zhang",
            "Already answered",
            true,
        ),
        comment(
            ReportSection::Risks,
            "Amira Haddad",
            "Add an accreditation risk",
            false,
        ),
    ]);
    let (_dir, path) = export_to_temp(&plan);
    let cover = squeeze(&pdf_text_page(&path, 1));
    position(&cover, "Status Sent to committee");
    let sign_off = pages_text(&path, section_pages_in(&path, "Committee sign-off"));
    let budget_page = section_page(&path, "Budget");
    let risks_page = section_page(&path, "Risks");
    let mut after = 0;
    for expected in [
        "status: Sent to committee",
        "Name Role Decision Date Signature",
        "Dr. Wei Zhang Provost Approved with changes 10 March 2027",
        "Chief financial officer",
        "Conditions",
        "Open comments",
        &format!("Budget, page {budget_page}"),
        "Dr. Wei Zhang, 4 March 2027, on page 17: “US$2.4 million” — Name the funder of year 3",
        &format!("Risks, page {risks_page}"),
        "Add an accreditation risk",
    ] {
        let at = position(&sign_off, expected);
        assert!(at >= after, "{expected:?} in order:\n{sign_off}");
        after = at;
    }
    assert!(
        squeeze(&pdf_text(&path)).contains("أميرة حداد"),
        "a reviewer's Arabic name reads back as typed"
    );
    assert!(
        !sign_off.contains("Already answered"),
        "a resolved comment is not on the page:\n{sign_off}"
    );

    let html = render_html(&plan, &options()).expect("html");
    for expected in [
        "Dr. Wei Zhang",
        "Approved with changes",
        "Name the funder of year 3",
    ] {
        assert!(
            html.contains(expected),
            "the HTML edition shows {expected:?}"
        );
    }
}

#[test]
fn many_open_comments_are_counted_by_section_not_quoted() {
    let many: Vec<ReviewComment> = (0..40)
        .map(|i| {
            let section = if i < 25 {
                ReportSection::Uptake
            } else {
                ReportSection::Kpis
            };
            comment(section, "Reader", &format!("Note number {i}"), false)
        })
        .collect();
    let (_dir, path) = export_to_temp(&reviewed(many));
    let sign_off = pages_text(&path, section_pages_in(&path, "Committee sign-off"));
    let uptake_page = section_page(&path, "Uptake projection");
    position(&sign_off, "40 comments are open");
    position(
        &sign_off,
        &format!("Uptake projection, page {uptake_page}: 25 open"),
    );
    assert!(
        !sign_off.contains("Note number 7"),
        "the notes themselves are left to the planner:\n{sign_off}"
    );
}
