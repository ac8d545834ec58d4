//! Plan files through the real window: saved with "Save plan file…", taken back with "Import
//! plan file…", and opened by starting the app with the file (as the file manager does).

use planner_core::{sample_plan, write_plan_file};
use planner_store::Store;

use crate::harness::Sandbox;

#[tokio::test]
async fn a_plan_file_saved_from_the_window_imports_back_as_a_new_plan() {
    let sandbox = Sandbox::new().saving_plan_files();
    let app = sandbox.launch().await;
    app.click("[data-testid=plan-file-save]").await;
    let status = app
        .wait_text_containing("[data-testid=plan-file-status]", "Saved")
        .await;
    assert!(status.contains("Lakeshore plan.mcplan"), "status: {status}");

    app.click("[data-testid=plan-file-import]").await;
    app.click("[data-testid=import-as-new]").await;
    let notice = app
        .wait_text_containing("[data-testid=file-notice]", "Imported")
        .await;
    assert!(notice.contains("as a new plan"), "notice: {notice}");
    app.close().await;

    let store = Store::open(&sandbox.db()).expect("open the app's store");
    let plans = store.list_plans().expect("list");
    assert_eq!(plans.len(), 2, "the sample and its imported copy");
    let [copy, original] = [plans[0].id, plans[1].id].map(|id| store.get_plan(id).expect("plan"));
    assert_eq!(copy.plan, original.plan, "the copy holds the whole plan");
}

#[tokio::test]
async fn a_plan_file_imported_back_into_its_plan_keeps_the_change_made_since_as_a_version() {
    let sandbox = Sandbox::new().saving_plan_files();
    let app = sandbox.launch().await;
    app.click("[data-testid=plan-file-save]").await;
    app.wait_text_containing("[data-testid=plan-file-status]", "Saved")
        .await;
    app.type_into(
        "profile-form",
        "title",
        "Expansion, revised after the retreat",
    )
    .await;
    app.wait_saved().await;

    app.click("[data-testid=plan-file-import]").await;
    app.click("[data-testid=import-into]").await;
    app.wait_text_containing("[data-testid=file-notice]", "kept as a version")
        .await;
    app.wait_text_containing("h1", "system-wide expansion")
        .await;
    app.close().await;

    let store = Store::open(&sandbox.db()).expect("open the app's store");
    let plans = store.list_plans().expect("list");
    assert_eq!(plans.len(), 1, "imported into the plan, not beside it");
    let versions = store.get_versions(plans[0].id).expect("versions");
    let kept = versions.last().expect("the plan as it was is kept");
    assert_eq!(kept.summary.label, "Before importing Lakeshore plan.mcplan");
    assert_eq!(kept.plan.title, "Expansion, revised after the retreat");
}

#[tokio::test]
async fn starting_the_app_with_a_plan_file_adds_its_plan_and_shows_it() {
    let sandbox = Sandbox::new();
    let mut plan = sample_plan();
    plan.title = "Plan de microcredenciales — Sede Bogotá".to_owned();
    std::fs::write(sandbox.plan_file(), write_plan_file(&plan, &[])).expect("write the plan file");

    let app = sandbox.launch_with(&[&sandbox.plan_file()]).await;
    app.wait_text_containing("h1", "Sede Bogotá").await;
    let notice = app
        .wait_text_containing("[data-testid=file-notice]", "Opened")
        .await;
    assert!(notice.contains("added as a new plan"), "notice: {notice}");
    let list = app.plan_list_text().await;
    assert!(
        list.contains("Sede Bogotá") && list.contains("Lakeshore"),
        "list: {list}"
    );
    app.close().await;
}

#[tokio::test]
async fn starting_the_app_with_a_broken_file_says_why_and_adds_nothing() {
    let sandbox = Sandbox::new();
    let text = write_plan_file(&sample_plan(), &[]);
    std::fs::write(sandbox.plan_file(), &text[..text.len() / 2]).expect("write half a file");

    let app = sandbox.launch_with(&[&sandbox.plan_file()]).await;
    let notice = app
        .wait_text_containing("[data-testid=file-notice]", "not imported")
        .await;
    assert!(
        notice.contains("Lakeshore plan.mcplan"),
        "names the file: {notice}"
    );
    app.wait_text_containing("h1", "system-wide expansion")
        .await;
    app.close().await;

    let store = Store::open(&sandbox.db()).expect("open the app's store");
    assert_eq!(
        store.list_plans().expect("list").len(),
        1,
        "only the sample"
    );
}
