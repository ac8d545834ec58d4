//! The committee review in the real window: a reviewer added and their decision chosen print on
//! the exported PDF's sign-off page, and the status on its cover.

use planner_test_support::{page_count, pdf_text_page, pdf_text_page_raw, squeeze};

use crate::harness::Sandbox;

#[tokio::test]
async fn a_reviewer_and_decision_set_in_the_window_print_on_the_sign_off_page() {
    let sandbox = Sandbox::new();
    let app = sandbox.launch().await;
    app.type_into("reviewer-form", "reviewerName", "Dr. Wei Zhang")
        .await;
    app.type_into("reviewer-form", "reviewerRole", "Provost")
        .await;
    app.click("[data-testid=add-reviewer]").await;
    app.choose("select[name='decision-0']", "Approved with changes")
        .await;
    // The decision's date appears once the decision is saved.
    app.wait_for("input[name='decision-date-0']").await;
    app.choose("select[name='status']", "Sent to committee")
        .await;
    app.click("[data-testid=export-open]").await;
    app.click("[data-testid=export-start]").await;
    app.wait_text_containing("[data-testid=export-status]", "Saved")
        .await;
    app.close().await;

    let pdf = sandbox.pdf();
    let cover = squeeze(&pdf_text_page(&pdf, 1));
    assert!(
        cover.contains("Status Sent to committee"),
        "the cover shows the status: {cover}"
    );
    let sign_off = squeeze(&pdf_text_page_raw(&pdf, page_count(&pdf)));
    assert!(
        sign_off.contains("Committee sign-off")
            && sign_off.contains("Dr. Wei Zhang Provost Approved with changes"),
        "the last page, the sign-off, has the reviewer on their line: {sign_off}"
    );
}
