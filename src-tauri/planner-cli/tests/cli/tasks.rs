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
    // line can slip until it would hold the Prepare gate's chain back past the plan's end.
    assert_eq!(
        row(&table, "Create a pilot budget line"),
        [
            "Create a pilot budget line",
            "Chief financial officer",
            "1 September 2026",
            "12 October 2026",
            "6 weeks",
            "44 weeks"
        ]
    );
    // The pilot courses open six weeks after they are built (Monday 19 July 2027): on the
    // critical chain, with no slack.
    assert_eq!(
        row(&table, "Pilot courses open for enrolment"),
        [
            "Pilot courses open for enrolment",
            "Registrar",
            "31 August 2027",
            "31 August 2027",
            "milestone",
            "none",
            "yes"
        ]
    );
    // The Scale gate falls on the first day of Fall 2030, with slack: the chain ends later.
    assert_eq!(
        row(&table, "Scale phase gate"),
        [
            "Scale phase gate: sustained operation begins",
            "Provost",
            "26 August 2030",
            "26 August 2030",
            "milestone",
            "3 weeks 1 day"
        ]
    );
    assert!(
        table.ends_with(
            "20 tasks from 1 September 2026 to 17 March 2031; critical path: Draft the \
             credit-mapping rubric → Faculty senate approves the credit-mapping rubric → Build \
             the pilot courses with the first certificates → Pilot courses open for enrolment → \
             Run the pilot for a full academic year → Evaluate the pilot and report to the \
             regents → Extend the certificates to every campus → Review outcomes on every \
             campus\n"
        ),
        "{table}"
    );

    let detail = sandbox.json(&["show", &id, "--json"]);
    assert_eq!(detail["schedule"]["status"], "scheduled");
    let scheduled = detail["schedule"]["schedule"]["tasks"]
        .as_array()
        .expect("rows");
    assert_eq!(scheduled.len(), 20, "one row per task");
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
