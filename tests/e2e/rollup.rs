//! Plans side by side and tables for a spreadsheet, through the real window: the totals shown
//! are the sum of the plans, and each file saved is the one `mcplan` writes.

use planner_core::{sample_plan, write_plan_file};

use crate::harness::{Sandbox, grouped};

/// The plans in the store (numbers, as `mcplan` takes them) and each one's enrolments over its
/// fiscal years, as `mcplan show --json` gives them.
fn plans_and_enrolments(sandbox: &Sandbox) -> Vec<(String, String, f64)> {
    let list = sandbox.mcplan_json(&["list", "--json"]);
    list.as_array()
        .expect("a list of plans")
        .iter()
        .map(|p| {
            let id = p["id"].to_string();
            let shown = sandbox.mcplan_json(&["show", &id, "--json"]);
            let enrolments = shown["projection"]["result"]["budget"]["years"]
                .as_array()
                .expect("the plan is projected")
                .iter()
                .map(|y| y["enrolments"].as_f64().expect("enrolments"))
                .sum();
            let institution = shown["plan"]["profile"]["name"]
                .as_str()
                .expect("a name")
                .to_owned();
            (id, institution, enrolments)
        })
        .collect()
}

#[tokio::test]
async fn two_plans_side_by_side_show_their_sum_and_save_the_csv_mcplan_writes() {
    let sandbox = Sandbox::new().saving_as("side by side.csv");
    let mut plan = sample_plan();
    plan.title = "Riverside expansion".to_owned();
    plan.profile.name = "Riverside Community College".to_owned();
    plan.profile.total_enrolment = 60_000;
    std::fs::write(sandbox.plan_file(), write_plan_file(&plan, &[])).expect("write the plan file");
    let app = sandbox.launch_with(&[&sandbox.plan_file()]).await;
    app.wait_text_containing("h1", "Riverside expansion").await;

    app.click("[data-testid=rollup-open]").await;
    app.wait_text_containing("[data-testid=rollup-status]", "Choose two plans")
        .await;
    for choice in app.all("[data-testid=rollup-choice]").await {
        app.press(&choice, "a plan's box").await;
    }
    app.wait_text_containing("[data-testid=rollup-status]", "2 plans side by side")
        .await;
    let shown = app.wait_text("[data-testid=rollup-total-enrolments]").await;
    let campuses = app.wait_text("[data-testid=rollup-years]").await;

    let mut plans = plans_and_enrolments(&sandbox);
    assert_eq!(plans.len(), 2, "the sample and the imported plan");
    let sum: f64 = plans.iter().map(|(_, _, e)| e).sum();
    let expected = grouped(sum.round() as u64);
    assert!(
        shown.contains(&expected),
        "the window's total is the sum of the two plans, {expected}: {shown:?}"
    );
    assert!(
        campuses.contains("Riverside Community College")
            && campuses.contains("Lakeshore State University System"),
        "each campus has its rows: {campuses}"
    );

    app.click("[data-testid=rollup-save-csv]").await;
    let status = app
        .wait_text_containing("[data-testid=rollup-save-status]", "Saved")
        .await;
    assert!(status.contains("side by side.csv"), "status: {status}");
    app.close().await;

    // The window lists the campuses by institution: Lakeshore, then Riverside.
    plans.sort_by(|a, b| a.1.cmp(&b.1));
    let by_mcplan = sandbox.file("by mcplan.csv");
    let out = by_mcplan.to_str().expect("a UTF-8 path");
    sandbox.mcplan(&["rollup", &plans[0].0, &plans[1].0, "--csv", out]);
    let saved = std::fs::read(sandbox.file("side by side.csv")).expect("the window's CSV");
    assert_eq!(
        saved,
        std::fs::read(&by_mcplan).expect("mcplan's CSV"),
        "the window saves the file `mcplan rollup --csv` writes"
    );

    let text = String::from_utf8(saved).expect("UTF-8");
    let text = text.strip_prefix('\u{feff}').expect("marked UTF-8");
    let all = text
        .split("\r\n")
        .find(|row| row.starts_with("All years,All campuses,"))
        .expect("a row for all campuses over all years");
    let enrolments: f64 = all
        .split(',')
        .nth(4)
        .expect("enrolments")
        .parse()
        .expect("a number");
    assert!(
        (enrolments - sum).abs() < 0.01,
        "the CSV's total enrolments {enrolments} are the sum {sum}"
    );
}

#[tokio::test]
async fn a_budget_saved_for_a_spreadsheet_is_the_file_mcplan_csv_writes() {
    let sandbox = Sandbox::new().saving_as("budget.csv");
    let app = sandbox.launch().await;
    app.click("[data-testid=tab-rollout]").await;
    app.click("[data-testid=csv-budget]").await;
    let status = app
        .wait_text_containing("[data-testid=csv-budget-status]", "Saved")
        .await;
    assert!(status.contains("budget.csv"), "status: {status}");
    app.close().await;

    let id = sandbox.mcplan_json(&["list", "--json"])[0]["id"].to_string();
    let by_mcplan = sandbox.file("by mcplan.csv");
    let out = by_mcplan.to_str().expect("a UTF-8 path");
    sandbox.mcplan(&["csv", &id, "--table", "budget", "--out", out]);
    let saved = std::fs::read(sandbox.file("budget.csv")).expect("the window's CSV");
    assert_eq!(
        saved,
        std::fs::read(&by_mcplan).expect("mcplan's CSV"),
        "the window saves the file `mcplan csv` writes"
    );
    let text = String::from_utf8(saved).expect("UTF-8");
    assert!(
        text.starts_with("\u{feff}Fiscal year,"),
        "marked UTF-8, one header row in words: {text}"
    );
}
