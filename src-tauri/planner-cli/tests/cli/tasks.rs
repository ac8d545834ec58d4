//! `mcplan tasks`, the schedule in `show --json`, and the large plan.

use assert_cmd::prelude::*;
use predicates::prelude::*;

use super::Sandbox;

/// The row of the task titled `title`, as its cells.
fn row<'a>(table: &'a str, title: &str) -> Vec<&'a str> {
    let line = table
        .lines()
        .find(|l| l.starts_with(title))
        .unwrap_or_else(|| panic!("a row for {title} in:\n{table}"));
    line.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

#[test]
fn tasks_prints_the_samples_schedule_with_dates_slack_and_the_critical_path() {
    let (sandbox, id) = Sandbox::with_demo();
    let table = sandbox.stdout(&["tasks", &id]);
    assert!(table.starts_with("Task "), "a header first:\n{table}");
    // Six weeks of work from Tuesday 1 September 2026 end on Monday 12 October; the budget
    // line can slip until the Prepare gate's chain would move the plan's end.
    assert_eq!(
        row(&table, "Create a pilot budget line"),
        [
            "Create a pilot budget line",
            "Chief financial officer",
            "1 September 2026",
            "12 October 2026",
            "6 weeks",
            "169 weeks 4 days"
        ]
    );
    // The Scale gate falls on the first day of Fall 2030 and is critical.
    assert_eq!(
        row(&table, "Scale phase gate"),
        [
            "Scale phase gate: sustained operation begins",
            "Provost",
            "26 August 2030",
            "26 August 2030",
            "milestone",
            "none",
            "yes"
        ]
    );
    assert!(
        table.ends_with(
            "13 tasks from 1 September 2026 to 21 February 2031; critical path: Scale phase \
             gate: sustained operation begins → Recognise micro-credential work in promotion \
             and tenure\n"
        ),
        "{table}"
    );

    let detail = sandbox.json(&["show", &id, "--json"]);
    assert_eq!(detail["schedule"]["status"], "scheduled");
    let scheduled = detail["schedule"]["schedule"]["tasks"]
        .as_array()
        .expect("rows");
    assert_eq!(scheduled.len(), 13, "one row per task");
    assert_eq!(scheduled[0]["earliestStart"], "2026-09-01");
}

#[test]
fn tasks_of_a_plan_without_a_rollout_exits_2_saying_what_to_do() {
    let sandbox = Sandbox::new();
    let id = sandbox.new_plan("Łódź University");
    sandbox
        .mcplan()
        .args(["tasks", &id])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("mcplan rollout ID --starter"));
}

#[test]
fn demo_large_adds_the_plan_the_benchmarks_measure() {
    let sandbox = Sandbox::new();
    let id = sandbox.stdout(&["demo", "--large"]).trim().to_owned();
    let detail = sandbox.json(&["show", &id, "--json"]);
    let inputs = &detail["plan"]["rollout"];
    assert_eq!(inputs["credentials"].as_array().map(Vec::len), Some(40));
    assert_eq!(inputs["horizonYears"], 10);
    assert_eq!(inputs["uncertainty"]["draws"], 10_000);
    let tasks = detail["schedule"]["schedule"]["tasks"].as_array();
    assert_eq!(tasks.map(Vec::len), Some(500));
}
