//! The real app in a real window (under Xvfb), driven through WebDriver by `tauri-driver` and
//! Debian's WebKitWebDriver, as a dean would use it. Run with `make e2e`, which builds the app
//! and provides the display; `MCPLAN_APP_BIN` names the binary to start.
//!
//! Each test gets its own store (`MCPLAN_DB`) in a temp folder, and answers the "Save as" dialog
//! through `MCPLAN_E2E_SAVE_PATH` (and "Open" through `MCPLAN_E2E_OPEN_PATH`), since WebDriver
//! cannot reach a GTK dialog.

mod comments;
mod harness;
mod plan_files;
mod review;
mod risks;
mod rollup;
mod versions;
mod workplan;

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

/// `C.UTF-8` is the default locale of Debian and Ubuntu containers; `Intl` knows no such
/// locale, and the window once stayed on "Opening your plans…" under it.
#[tokio::test]
async fn the_window_opens_under_the_c_locale_with_figures_in_english() {
    let sandbox = Sandbox::in_locale("C.UTF-8");
    let app = sandbox.launch().await;
    let list = app.plan_list_text().await;
    assert!(
        list.contains("Lakeshore State University System") && list.contains("Edited"),
        "plan list under C.UTF-8: {list}"
    );
    assert_eq!(
        app.field("totalEnrolment").await,
        "240,000",
        "enrolment formatted the US English way, the fallback for a locale naming no language"
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
    app.click("[data-testid=export-open]").await;
    let title = app
        .wait_for("#plan-heading")
        .await
        .rect()
        .await
        .expect("title box");
    let panel = app
        .wait_for("#export-panel")
        .await
        .rect()
        .await
        .expect("panel box");
    assert!(
        title.width > panel.width / 2.0 && panel.y >= title.y + title.height,
        "the export panel opens below the plan's title and leaves it its width \
         (title {title:?}, panel {panel:?})"
    );
    app.click("[data-testid=export-start]").await;
    let status = app
        .wait_text_containing("[data-testid=export-status]", "Saved")
        .await;
    assert!(
        status.contains(".pdf"),
        "export status names the file: {status}"
    );
    app.close().await;

    let text = planner_test_support::pdf_text(&sandbox.pdf());
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

#[tokio::test]
async fn the_wizard_resumes_where_it_was_left_and_shows_the_cli_s_scores() {
    let sandbox = Sandbox::new();
    let app = sandbox.launch().await;
    app.create_plan("Wizard run", "Universidad de los Andes", "18000")
        .await;
    app.click("[data-testid=tab-assessment]").await;

    // A new plan is at the exploring stage: its first area is awareness.
    let first = app.area_on_screen().await;
    assert_eq!(
        first, "awareness",
        "the exploring stage starts with awareness"
    );
    app.answer_area(&["dont_know", "4", "4", "4", "4", "4"])
        .await;
    app.click("[data-testid=wizard-next]").await;
    let second = app.wait_for_area_change(&first).await;
    app.answer_area(&["2", "2", "2", "2", "2", "2"]).await;
    app.click("[data-testid=wizard-next]").await;
    let third = app.wait_for_area_change(&second).await;
    // The store is shared: wait until the window's save of the new position has landed.
    let started = std::time::Instant::now();
    loop {
        let plans = sandbox.mcplan_json(&["list", "--json"]);
        let id = plans[0]["id"].to_string();
        let position =
            &sandbox.mcplan_json(&["show", &id, "--json"])["plan"]["assessment"]["position"];
        if position["area"] == third.as_str() {
            break;
        }
        assert!(
            started.elapsed().as_secs() < 20,
            "the position was never saved: {position}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    app.close().await;

    let app = sandbox.launch().await;
    app.open_plan("Wizard run").await;
    app.click("[data-testid=tab-assessment]").await;
    assert_eq!(
        app.area_on_screen().await,
        third,
        "the wizard resumes on the area it was left at"
    );

    let cli = sandbox.mcplan_json(&["list", "--json"]);
    let id = cli
        .as_array()
        .and_then(|plans| plans.iter().find(|p| p["title"] == "Wizard run"))
        .map(|p| p["id"].to_string())
        .expect("the plan is in mcplan list");
    app.close().await;
    let shown = sandbox.mcplan_json(&["show", &id, "--json"]);
    let cli_score = |area: &str| {
        shown["assessmentResult"]["areas"]
            .as_array()
            .and_then(|areas| areas.iter().find(|a| a["area"] == area))
            .map(|a| a["score"].as_u64().expect("scored area"))
            .expect("area in mcplan show")
    };
    assert_eq!(cli_score(&first), 75, "fours with one don't know");

    let app = sandbox.launch().await;
    app.open_plan("Wizard run").await;
    app.click("[data-testid=tab-assessment]").await;
    let mut on_screen = third.clone();
    for area in [&second, &first] {
        app.click("[data-testid=wizard-back]").await;
        on_screen = app.wait_for_area_change(&on_screen).await;
        assert_eq!(&on_screen, area, "Back walks the areas in reverse");
        let shown_score = app.wait_text("[data-testid=area-score]").await;
        let expected = cli_score(area).to_string();
        assert!(
            shown_score
                .split(|c: char| !c.is_ascii_digit())
                .any(|n| n == expected),
            "the window shows {expected} for {area} as mcplan does; it shows {shown_score:?}"
        );
    }
    app.close().await;
}

#[tokio::test]
async fn the_rollout_shows_the_cli_s_figures_and_refuses_a_horizon_over_ten_years() {
    let sandbox = Sandbox::new();
    let app = sandbox.launch().await;
    app.click("[data-testid=tab-rollout]").await;
    let shown = app.wait_text("[data-testid=total-enrolments]").await;
    let calibration = app.wait_text("[data-testid=calibration]").await;
    assert!(
        calibration.contains("240,000"),
        "the reference system is named: {calibration}"
    );

    let plans = sandbox.mcplan_json(&["list", "--json"]);
    let id = plans[0]["id"].to_string();
    let before = sandbox.mcplan_json(&["show", &id, "--json"]);
    let enrolments = before["projection"]["result"]["uptake"]["totals"]["enrolments"]
        .as_f64()
        .expect("the sample plan is projected");
    let expected = harness::grouped(enrolments.round() as u64);
    assert!(
        shown.contains(&expected),
        "the window shows {expected} as mcplan does: {shown:?}"
    );

    app.type_into("rollout", "horizonYears", "11").await;
    let message = app.wait_text("[data-testid=error-horizonYears]").await;
    assert!(
        message.contains("11"),
        "the message names the value: {message}"
    );
    app.wait_text_containing("[data-testid=save-state]", "Not saved")
        .await;
    app.close().await;

    let after = sandbox.mcplan_json(&["show", &id, "--json"]);
    assert_eq!(
        after["plan"]["rollout"], before["plan"]["rollout"],
        "nothing invalid was stored"
    );
}
