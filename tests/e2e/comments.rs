//! A committee's comments come back through the real window: the report is exported from the
//! window, annotated by a real PDF library (pikepdf, with the script that made the committed
//! fixtures), and brought back with "Bring back comments from a PDF…"; each comment shows under
//! the section it was made on, and bringing the same PDF back again adds nothing. Another
//! plan's review refuses the same PDF.

use std::path::{Path, PathBuf};
use std::process::Command;

use planner_core::review::CommentOrigin;
use planner_store::Store;

use crate::harness::{App, Sandbox};

/// The script that added the committee's comments to the committed fixtures.
fn annotate_script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../src-tauri/planner-report/tests/fixtures/annotated/annotate.py")
}

/// `source` with a committee's comments added by pikepdf, written to `target`.
fn annotate(source: &Path, target: &Path) {
    let out = Command::new("/usr/bin/python3")
        .arg(annotate_script())
        .arg(source)
        .arg(target)
        .output()
        .expect("Debian's python3 runs (with python3-pikepdf and poppler-utils installed)");
    assert!(
        out.status.success(),
        "annotate.py: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The text of each comment listed under `section` in the review panel.
async fn comments_under(app: &App, section: &str) -> Vec<String> {
    app.texts(&format!(
        "[data-testid=review-panel] [data-section={section}] [data-testid=comment]"
    ))
    .await
}

#[tokio::test]
async fn comments_added_to_the_exported_pdf_come_back_under_their_sections_once() {
    let sandbox = Sandbox::new().opening("Lakeshore, reviewed.pdf");
    let app = sandbox.launch().await;
    app.click("[data-testid=export-open]").await;
    app.click("[data-testid=export-start]").await;
    app.wait_text_containing("[data-testid=export-status]", "Saved")
        .await;
    annotate(&sandbox.pdf(), &sandbox.file("Lakeshore, reviewed.pdf"));

    let notice = "[data-testid=review-panel] [data-testid=file-notice]";
    app.click("[data-testid=comments-from-pdf]").await;
    let said = app.wait_text_containing(notice, "Brought back").await;
    assert!(
        said.contains(
            "Brought back 4 new comments from “Lakeshore, reviewed.pdf”: 1 on Executive \
             summary, 2 on Budget, 1 on Risks."
        ),
        "says what came back, per section: {said}"
    );
    let summary = comments_under(&app, "summary").await;
    assert_eq!(summary.len(), 1, "{summary:?}");
    assert!(
        summary[0].contains("Office of the Provost")
            && summary[0].contains("page 1")
            && summary[0].contains("A clear overview; thank you."),
        "the text box on the cover, with its author and page: {summary:?}"
    );
    let budget = comments_under(&app, "budget").await;
    assert_eq!(budget.len(), 2, "{budget:?}");
    assert!(
        budget[0].contains("Prof. Amal Haddad")
            && budget[0].contains("2027")
            && budget[0].contains("Is the cost per credential realistic in year one?"),
        "the sticky note with its author and date: {budget:?}"
    );
    assert!(
        budget[1].contains("In reply to Prof. Amal Haddad: Yes: the scenarios page shows"),
        "the reply says whom it answers: {budget:?}"
    );
    let risks = comments_under(&app, "risks").await;
    assert_eq!(risks.len(), 1, "{risks:?}");
    assert!(
        risks[0].contains("4 risks, 2 of them very high")
            && risks[0].contains("Who owns each of these?"),
        "the highlight quotes the words it marks: {risks:?}"
    );

    app.click(&format!("{notice} button")).await;
    app.click("[data-testid=comments-from-pdf]").await;
    let again = app.wait_text_containing(notice, "No new comments").await;
    assert!(
        again.contains("No new comments: all 4 were already here."),
        "{again}"
    );
    assert_eq!(
        app.count("[data-testid=review-panel] [data-testid=comment]")
            .await,
        4,
        "nothing listed twice"
    );

    app.create_plan("Pilot 2027", "Łódź University of Technology", "12500")
        .await;
    app.click("[data-testid=comments-from-pdf]").await;
    let refused = app
        .wait_text_containing(notice, "No comments were brought back")
        .await;
    assert!(
        refused.contains(
            "“Lakeshore, reviewed.pdf”: it is the report of another plan, “Industry \
             micro-credentials: system-wide expansion 2027–2031” of Lakeshore State University \
             System; open that plan to bring its comments back"
        ),
        "names the file and the plan it is the report of: {refused}"
    );
    assert!(!refused.contains('/'), "no folder is shown: {refused}");
    app.close().await;

    let store = Store::open(&sandbox.db()).expect("open the app's store");
    let plans = store.list_plans().expect("list");
    let review = |institution: &str| {
        let id = plans
            .iter()
            .find(|p| p.institution_name.contains(institution))
            .expect("plan")
            .id;
        store.get_plan(id).expect("plan").plan.review
    };
    let filed = review("Lakeshore").comments;
    assert_eq!(filed.len(), 4, "filed once: {filed:?}");
    assert!(
        filed
            .iter()
            .all(|c| matches!(c.origin, CommentOrigin::Pdf { .. })),
        "{filed:?}"
    );
    assert!(
        review("Łódź").comments.is_empty(),
        "nothing filed on the other plan"
    );
}
