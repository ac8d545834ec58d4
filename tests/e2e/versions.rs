//! Versions through the real window: the plan saved as a file, changed, the file imported back
//! into the plan (which keeps the changed plan as a version), the comparison of that version
//! with the plan now listing the change, and a version saved with a label.

use planner_store::Store;

use crate::harness::Sandbox;

#[tokio::test]
async fn a_change_made_since_the_plan_file_was_saved_is_listed_when_the_file_comes_back() {
    let sandbox = Sandbox::new().saving_plan_files();
    let app = sandbox.launch().await;
    app.click("[data-testid=plan-file-save]").await;
    app.wait_text_containing("[data-testid=plan-file-status]", "Saved")
        .await;

    app.click("[data-testid=tab-rollout]").await;
    app.type_into("rollout", "\"uptake.targetRatePct\"", "3")
        .await;
    app.wait_saved().await;

    app.click("[data-testid=plan-file-import]").await;
    app.click("[data-testid=import-into]").await;
    app.wait_text_containing("[data-testid=file-notice]", "kept as a version")
        .await;
    app.wait_text_containing(
        "[data-testid=versions-panel]",
        "Before importing Lakeshore plan.mcplan",
    )
    .await;
    app.click("[data-testid=compare-with-now]").await;
    let shown = app
        .wait_text_containing("[data-testid=comparison-shown]", "Target uptake")
        .await;
    assert!(
        shown.contains(
            "What changed from version 1, “Before importing Lakeshore plan.mcplan”, to the plan now"
        ),
        "the comparison says what it compares: {shown}"
    );
    let row = |table: &str, n: usize| {
        format!("[data-testid=changed-{table}] tbody tr:nth-child({n}) > *")
    };
    assert_eq!(
        app.texts(&row("inputs", 1)).await,
        ["Target uptake per term", "3%", "2.5%"],
        "the rate typed, then the file's"
    );
    let enrolments = app.texts(&row("figures", 1)).await;
    assert_eq!(enrolments[0], "Enrolments", "{enrolments:?}");
    // Written the reader's way, as every figure in the window: "-5,084" under en-US.
    assert!(
        enrolments[3].starts_with(['-', '−']) && enrolments[3].ends_with("5,084"),
        "fewer enrolments at the file's lower rate: {enrolments:?}"
    );

    app.type_into("version-form", "versionLabel", "Sent to committee, 3 March")
        .await;
    app.click("[data-testid=save-version]").await;
    app.wait_text_containing("[data-testid=version-kept]", "Kept as version 2")
        .await;
    app.close().await;

    let store = Store::open(&sandbox.db()).expect("open the app's store");
    let id = store.list_plans().expect("list")[0].id;
    let versions = store.get_versions(id).expect("versions");
    let rates: Vec<(&str, f64)> = versions
        .iter()
        .map(|v| {
            let rollout = v.plan.rollout.as_ref().expect("a rollout");
            (v.summary.label.as_str(), rollout.uptake.target_rate_pct)
        })
        .collect();
    assert_eq!(
        rates,
        vec![
            ("Before importing Lakeshore plan.mcplan", 3.0),
            ("Sent to committee, 3 March", 2.5)
        ],
        "the plan as changed, then as the file brought it back"
    );
}
