//! The plan's risks in the real window: an edit shows on the 5×5 matrix and is saved.

use crate::harness::Sandbox;

const MARKER: &str = "[data-testid=risk-marker]";

#[tokio::test]
async fn a_risk_made_rare_in_the_window_moves_on_the_matrix_and_is_saved() {
    let sandbox = Sandbox::new();
    let app = sandbox.launch().await;
    app.click("[data-testid=tab-targets]").await;
    // The sample's first risk, money and staff time running out: likely, severe impact.
    let likely_severe = format!("[data-testid=risk-cell-4-5] {MARKER}");
    assert_eq!(app.wait_text(&likely_severe).await, "1");

    app.choose("select[name='risks.0.likelihood']", "Rare")
        .await;
    app.wait_saved().await;

    let rare_severe = format!("[data-testid=risk-cell-1-5] {MARKER}");
    assert_eq!(
        app.wait_text(&rare_severe).await,
        "1",
        "risk 1 moved to rare"
    );
    assert_eq!(
        app.count(&likely_severe).await,
        0,
        "nothing left where it was"
    );
    let id = sandbox.mcplan_json(&["list", "--json"])[0]["id"].to_string();
    let shown = sandbox.mcplan_json(&["show", &id, "--json"]);
    assert_eq!(
        shown["plan"]["risks"][0]["likelihood"], 1,
        "the store keeps the new likelihood"
    );
    app.close().await;
}
