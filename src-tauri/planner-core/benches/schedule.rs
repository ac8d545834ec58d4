//! Schedules random acyclic work plans, as the UI will on every edit of a task: validation,
//! ordering, both passes and the dates, on the large plan's calendar (ten years of three
//! terms; see `benches/common`).
//! - `tasks_500`: 500 tasks (target: well under 1 ms on a 2-core machine);
//! - `tasks_5000`: 5,000 tasks, to show the time grows linearly;
//! - `recompute_large`: the whole recomputation of the large plan
//!   (`planner_core::sample::large_plan`: 40 credentials, 10,000 Monte Carlo draws) and then
//!   the schedule of its 500 tasks;
//! - `preview_rollout`, `preview_task`: what the window asks for on each keystroke in the large
//!   plan (`StoredPlan::preview`): a new target uptake rate (two rates in turn, so the model is
//!   never the one remembered from the run before), a task's new length (the rollout unchanged,
//!   so its model is remembered); the edit applied as a save applies it, and every figure of
//!   the plan computed.
//!
//! The plans are `planner_core::sample::random_work_plan`'s: each task waits for up to three
//! earlier ones, some with a lag; one in ten is a milestone and one in ten is pinned to a term.
//! Seeded, so every run schedules the same plans.
//!
//! Run with `cargo bench -p planner-core --bench schedule`; the medians are printed at the end.

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use planner_core::rollout::project;
use planner_core::sample::{large_plan, random_work_plan};
use planner_core::workplan::{TaskFields, Timeline, WorkPlan, WorkPlanEdit, schedule};
use planner_core::{PlanEdit, StoredPlan};

mod common;

const GROUP: &str = "schedule";
const RECOMPUTE: &str = "recompute_large";
const PREVIEW_ROLLOUT: &str = "preview_rollout";
const PREVIEW_TASK: &str = "preview_task";

/// The large plan as stored, and the two edits the window previews.
fn previews() -> (StoredPlan, [PlanEdit; 2], PlanEdit) {
    let plan = large_plan();
    let mut inputs = plan.rollout.clone().expect("a rollout");
    inputs.uptake.target_rate_pct += 0.1;
    let mut other = inputs.clone();
    other.uptake.target_rate_pct += 0.1;
    let task = plan
        .work_plan
        .tasks
        .iter()
        .find(|t| t.duration_weeks > 0)
        .expect("a task with a length");
    let fields = TaskFields {
        title: task.title.clone(),
        owner_role: task.owner_role.clone(),
        duration_weeks: task.duration_weeks + 1,
        pinned_term: task.pinned_term,
        phase: task.phase,
        milestone: false,
    };
    let task_edit = PlanEdit::WorkPlan(WorkPlanEdit::UpdateTask {
        id: task.id.clone(),
        task: fields,
    });
    let stored = StoredPlan::unsaved(plan);
    let rates = [inputs, other].map(|i| PlanEdit::Rollout(Box::new(i)));
    (stored, rates, task_edit)
}

fn cases() -> [(&'static str, usize); 2] {
    [("tasks_500", 500), ("tasks_5000", 5_000)]
}

fn main() {
    let large = large_plan();
    let (profile, inputs) = (&large.profile, large.rollout.as_ref().expect("a rollout"));
    let result = project(profile, inputs).expect("the large plan is valid");
    let timeline = Timeline::of(&result);
    let plans: Vec<WorkPlan> = cases()
        .iter()
        .map(|(_, n)| random_work_plan(*n, result.terms.len() as u32, *n as u64))
        .collect();
    for plan in &plans {
        schedule(plan, &timeline).expect("the benchmark plans are valid");
    }
    let recompute = || {
        let result = project(black_box(profile), black_box(inputs)).expect("valid");
        schedule(black_box(&large.work_plan), &Timeline::of(&result)).map(|s| s.working_days)
    };
    let (stored, rates, task_edit) = previews();
    let turn = std::cell::Cell::new(0usize);
    let next_rate = || {
        turn.set(turn.get() + 1);
        &rates[turn.get() % 2]
    };
    let preview = |edit: &PlanEdit| {
        let detail = stored.clone().preview(black_box(edit.clone()));
        detail.map(|d| d.stored.revision)
    };

    let mut criterion = Criterion::default().configure_from_args();
    let mut group = criterion.benchmark_group(GROUP);
    group
        .sample_size(100)
        .measurement_time(Duration::from_secs(4));
    for ((name, _), plan) in cases().iter().zip(&plans) {
        group.bench_function(*name, |b| {
            b.iter(|| schedule(black_box(plan), black_box(&timeline)))
        });
    }
    group.bench_function(RECOMPUTE, |b| b.iter(recompute));
    group.bench_function(PREVIEW_ROLLOUT, |b| b.iter(|| preview(next_rate())));
    group.bench_function(PREVIEW_TASK, |b| b.iter(|| preview(&task_edit)));
    group.finish();
    criterion.final_summary();
    if !common::measuring() {
        return;
    }
    let median = |name: &str, run: &dyn Fn()| {
        let median =
            common::criterion_median(GROUP, name).unwrap_or_else(|| common::timed_median(run));
        median.as_secs_f64() * 1e3
    };
    println!("\nMedians (one full scheduling of the plan):");
    let mut first: Option<(f64, usize)> = None;
    for ((name, tasks), plan) in cases().iter().zip(&plans) {
        let ms = median(name, &|| {
            black_box(schedule(plan, &timeline).ok());
        });
        let size = plan.tasks.len() + plan.dependencies.len();
        let growth = first
            .map(|(ms0, size0)| {
                format!(
                    ", {:.1}× the time for {:.1}× the tasks and dependencies",
                    ms / ms0,
                    size as f64 / size0 as f64
                )
            })
            .unwrap_or_default();
        println!(
            "  {name:<15} {tasks:>5} tasks, {:>5} dependencies: {ms:7.3} ms{growth}",
            plan.dependencies.len()
        );
        first.get_or_insert((ms, size));
    }
    let ms = median(RECOMPUTE, &|| {
        black_box(recompute().ok());
    });
    println!("  {RECOMPUTE:<15} the large plan's model, then its 500 tasks: {ms:7.3} ms");
    let ms = median(PREVIEW_ROLLOUT, &|| {
        black_box(preview(next_rate()).ok());
    });
    println!(
        "  {PREVIEW_ROLLOUT:<15} the large plan's figures after a new target uptake rate: {ms:7.3} ms"
    );
    let ms = median(PREVIEW_TASK, &|| {
        black_box(preview(&task_edit).ok());
    });
    println!(
        "  {PREVIEW_TASK:<15} the large plan's figures after a task's new length: {ms:7.3} ms"
    );
}
