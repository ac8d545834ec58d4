//! The real app in a real window (under Xvfb), driven through WebDriver by `tauri-driver` and
//! Debian's WebKitWebDriver, as a dean would use it. Run with `make e2e`, which builds the app
//! and provides the display; `MCPLAN_APP_BIN` names the binary to start.
//!
//! Each test gets its own store (`MCPLAN_DB`) in a temp folder, and answers the "Save as" dialog
//! through `MCPLAN_E2E_SAVE_PATH`, since WebDriver cannot reach a GTK dialog.

mod harness;

use harness::{Sandbox, app_field_value};
use planner_store::Store;

#[tokio::test]
async fn first_start_shows_the_sample_plan() {
    let sandbox = Sandbox::new();
    let app = sandbox.launch().await;
    let list = app.plan_list_text().await;
    assert!(
        list.contains("Lakeshore State University System"),
        "plan list: {list}"
    );
    assert_eq!(
        app.field("totalEnrolment").await,
        "240,000",
        "enrolment shown formatted"
    );
    app.close().await;
}

#[tokio::test]
async fn a_plan_created_and_edited_in_the_window_is_there_after_a_restart() {
    let sandbox = Sandbox::new();
    let app = sandbox.launch().await;
    app.create_plan("Łódź pilot 2027", "Łódź University of Technology", "12 500")
        .await;
    app.type_into("profile-form", "institutionName", "Politechnika Łódzka")
        .await;
    app.wait_saved().await;
    app.close().await;

    let app = sandbox.launch().await;
    let list = app.plan_list_text().await;
    assert!(
        list.contains("Łódź pilot 2027"),
        "plan list after restart: {list}"
    );
    assert!(
        list.contains("Politechnika Łódzka"),
        "edited name after restart: {list}"
    );
    app.open_plan("Łódź pilot 2027").await;
    assert_eq!(app.field("institutionName").await, "Politechnika Łódzka");
    assert_eq!(app.field("totalEnrolment").await, "12,500");
    app.close().await;
}

#[tokio::test]
async fn an_invalid_enrolment_shows_its_message_and_saves_nothing() {
    let sandbox = Sandbox::new();
    let app = sandbox.launch().await;
    for (typed, named) in [("-5", "negative"), ("abc", "abc")] {
        app.type_into("profile-form", "totalEnrolment", typed).await;
        let message = app.wait_text("[data-testid=error-totalEnrolment]").await;
        assert!(message.contains(named), "message for {typed:?}: {message}");
        let state = app
            .wait_text_containing("[data-testid=save-state]", "Not saved")
            .await;
        assert!(state.contains("Not saved"), "save state: {state}");
    }
    app.close().await;

    let store = Store::open(&sandbox.db()).expect("open the app's store");
    let plans = store.list_plans().expect("list");
    let plan = store.get_plan(plans[0].id).expect("sample plan");
    assert_eq!(
        plan.plan.profile.total_enrolment, 240_000,
        "the stored enrolment is unchanged"
    );
}

#[tokio::test]
async fn exporting_writes_a_pdf_whose_cover_has_the_names_as_typed() {
    let sandbox = Sandbox::new();
    let app = sandbox.launch().await;
    app.create_plan(
        "Ελληνικό Ανοικτό Πανεπιστήμιο — σχέδιο",
        "Universidad Nacional Autónoma de México",
        "370000",
    )
    .await;
    app.click("[data-testid=export-pdf]").await;
    let status = app
        .wait_text_containing("[data-testid=export-status]", "Saved")
        .await;
    assert!(
        status.contains(".pdf"),
        "export status names the file: {status}"
    );
    app.close().await;

    let text = harness::pdf_text(&sandbox.pdf());
    assert!(
        text.contains("Universidad Nacional Autónoma de México"),
        "PDF text: {text}"
    );
    assert!(
        text.contains("Ελληνικό Ανοικτό Πανεπιστήμιο"),
        "PDF text: {text}"
    );
}

#[tokio::test]
async fn markup_typed_as_a_name_is_shown_as_text() {
    let sandbox = Sandbox::new();
    let app = sandbox.launch().await;
    let markup = "<img src=x onerror=alert(1)>";
    app.create_plan("Markup test", markup, "100").await;
    let list = app.plan_list_text().await;
    assert!(list.contains(markup), "the characters are shown: {list}");
    assert_eq!(
        app.count("img[src=x]").await,
        0,
        "no image element was created"
    );
    assert_eq!(app_field_value(&app, "institutionName").await, markup);
    app.close().await;
}
