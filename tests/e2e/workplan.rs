//! The Work plan tab: tasks added and tied together in the window move in the Gantt chart, and a
//! circle of waiting tasks is refused by name with nothing saved.

use std::time::{Duration, Instant};

use crate::harness::{App, Sandbox};

/// The bar of the task titled `title`: its first and last working day (YYYY-MM-DD).
async fn bar_dates(app: &App, title: &str) -> (String, String) {
    let bar = app
        .wait_for(&format!("[data-testid=gantt-task][data-title=\"{title}\"]"))
        .await;
    let attr = |name: &'static str| {
        let bar = bar.clone();
        async move {
            bar.attr(name)
                .await
                .expect("attribute")
                .unwrap_or_else(|| panic!("{name} on the bar of {title}"))
        }
    };
    (attr("data-start").await, attr("data-finish").await)
}

/// Waits until the bar of `title` starts on a day other than `was`, and returns its dates.
async fn bar_moved(app: &App, title: &str, was: &str) -> (String, String) {
    let started = Instant::now();
    loop {
        let dates = bar_dates(app, title).await;
        if dates.0 != was {
            return dates;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the bar of {title} stayed at {was}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Fills in the new-task form and adds the task; it then opens in the editor.
async fn add_task(app: &App, title: &str, owner: &str, weeks: &str) {
    app.click("[data-testid=add-task]").await;
    app.type_into("new-task", "title", title).await;
    app.type_into("new-task", "ownerRole", owner).await;
    app.type_into("new-task", "durationWeeks", weeks).await;
    app.click("[data-testid=save-new-task]").await;
    app.wait_text_containing("[data-testid=task-editor] h2", title)
        .await;
    app.wait_saved().await;
}

/// Opens the task titled `title` by clicking its bar in the chart.
async fn open_from_chart(app: &App, title: &str) {
    app.click(&format!(
        "[data-testid=gantt-task][data-title=\"{title}\"] .bar"
    ))
    .await;
    app.wait_text_containing("[data-testid=task-editor] h2", title)
        .await;
}

/// The dependencies of the stored plan, as (predecessor title, successor title).
fn stored_dependencies(sandbox: &Sandbox, id: &str) -> (u64, Vec<(String, String)>) {
    let shown = sandbox.mcplan_json(&["show", id, "--json"]);
    let work = &shown["plan"]["workPlan"];
    let title = |task_id: &serde_json::Value| {
        work["tasks"]
            .as_array()
            .expect("tasks")
            .iter()
            .find(|t| &t["id"] == task_id)
            .map(|t| t["title"].as_str().expect("title").to_owned())
            .unwrap_or_default()
    };
    let deps = work["dependencies"]
        .as_array()
        .expect("dependencies")
        .iter()
        .map(|d| (title(&d["predecessor"]), title(&d["successor"])))
        .collect();
    (shown["revision"].as_u64().expect("revision"), deps)
}

#[tokio::test]
async fn a_dependency_added_in_the_window_moves_its_task_and_a_circle_is_refused_unsaved() {
    let sandbox = Sandbox::new();
    let app = sandbox.launch().await;
    let id = sandbox.mcplan_json(&["list", "--json"])[0]["id"].to_string();
    app.click("[data-testid=tab-workplan]").await;
    app.wait_for("[data-testid=gantt]").await;

    add_task(&app, "Book the launch event", "Events office", "3").await;
    add_task(&app, "Brief the student advisers", "Head of Advising", "2").await;
    let book = bar_dates(&app, "Book the launch event").await;
    let (brief_start, _) = bar_dates(&app, "Brief the student advisers").await;
    assert_eq!(
        brief_start, book.0,
        "two new tasks that wait for nothing start together"
    );

    // The briefing (open in the editor) waits for the booking.
    app.choose(
        "[data-testid=dependencies] select[name=dependency]",
        "Book the launch event",
    )
    .await;
    app.click("[data-testid=add-dependency]").await;
    let (moved_start, _) = bar_moved(&app, "Brief the student advisers", &brief_start).await;
    assert!(
        moved_start > book.1,
        "the briefing starts after the booking's last day {}: {moved_start}",
        book.1
    );
    app.wait_saved().await;
    let (revision, deps) = stored_dependencies(&sandbox, &id);
    let tie = (
        "Book the launch event".to_owned(),
        "Brief the student advisers".to_owned(),
    );
    assert!(deps.contains(&tie), "the dependency is stored: {deps:?}");

    // The booking waiting for the briefing would be a circle.
    open_from_chart(&app, "Book the launch event").await;
    app.choose(
        "[data-testid=dependencies] select[name=dependency]",
        "Brief the student advisers",
    )
    .await;
    app.click("[data-testid=add-dependency]").await;
    let message = app.wait_text("[data-testid=dependency-error]").await;
    assert!(
        message.contains("circle")
            && message.contains("Book the launch event")
            && message.contains("Brief the student advisers"),
        "the refusal names the tasks in the circle: {message}"
    );
    assert_eq!(
        app.count("[data-testid=task-editor] [data-testid=waits-for]")
            .await,
        0,
        "the booking still waits for nothing"
    );
    app.close().await;

    let (after, deps_after) = stored_dependencies(&sandbox, &id);
    assert_eq!(after, revision, "the refused change saved nothing");
    assert_eq!(deps_after, deps, "the stored dependencies are as before");
}
