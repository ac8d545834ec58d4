//! Invariants of the schedule over random acyclic plans (tasks in a shuffled order, some pinned
//! to a term, some milestones, lags on some dependencies): no task starts before what it waits
//! for allows; each starts as early as allowed; slack is zero exactly on chains of tight
//! dependencies that end the plan; adding a dependency never brings a task forward; removing
//! one never pushes the plan's end back. And over plans with dependencies in any direction:
//! a circle is always refused, nothing else is, and the tasks named do wait for each other in
//! that order.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use super::tests::{day, task, terms};
use super::*;

/// Up to 25 tasks; a dependency always runs from a lower rank to a higher one, so the plan is
/// acyclic whatever order the tasks are listed in.
fn acyclic_plan() -> impl Strategy<Value = WorkPlan> {
    (1..=25usize)
        .prop_flat_map(|n| {
            let tasks = prop::collection::vec((0..=6i32, prop::option::weighted(0.3, 0..3u32)), n);
            let edges = prop::collection::btree_map((0..n, 0..n), 0..=3i32, 0..=2 * n);
            (tasks, edges)
        })
        .prop_flat_map(|(specs, edges)| {
            let tasks: Vec<Task> = specs
                .into_iter()
                .enumerate()
                .map(|(rank, (weeks, pin))| {
                    let mut t = task(&format!("t{rank}"), weeks);
                    t.pinned_term = pin;
                    t
                })
                .collect();
            let dependencies = edges
                .into_iter()
                .filter(|((a, b), _)| a < b)
                .map(|((a, b), lag)| Dependency::new(&format!("t{a}"), &format!("t{b}"), lag))
                .collect();
            (Just(tasks).prop_shuffle(), Just(dependencies))
        })
        .prop_map(|(tasks, dependencies)| WorkPlan {
            tasks,
            dependencies,
        })
}

/// Any day from August 2026 to March 2027, weekends included.
fn start_date() -> impl Strategy<Value = NaiveDate> {
    (0..210u64).prop_map(|d| day(2026, 8, 1) + Days::new(d))
}

fn run(plan: &WorkPlan, start: NaiveDate) -> Schedule {
    let terms = terms();
    let timeline = Timeline {
        start,
        terms: &terms,
        phases: &[],
    };
    schedule(plan, &timeline).unwrap_or_else(|e| panic!("an acyclic plan is valid: {e}"))
}

fn position(plan: &WorkPlan, id: &str) -> usize {
    plan.tasks.iter().position(|t| t.id == id).expect("a task")
}

/// The day a dependency lets its successor start at the earliest.
fn ready(s: &Schedule, plan: &WorkPlan, dep: &Dependency) -> (usize, usize, u32) {
    let (p, q) = (
        position(plan, &dep.predecessor),
        position(plan, &dep.successor),
    );
    let t = &s.tasks[p];
    (
        p,
        q,
        t.start_day + t.working_days + 5 * dep.lag_weeks as u32,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_task_starts_as_early_as_its_dependencies_and_term_allow(
        plan in acyclic_plan(), start in start_date()
    ) {
        let s = run(&plan, start);
        let terms = terms();
        for dep in &plan.dependencies {
            let (_, q, ready) = ready(&s, &plan, dep);
            prop_assert!(s.tasks[q].start_day >= ready, "{dep:?}");
        }
        for (i, task) in plan.tasks.iter().enumerate() {
            let at = &s.tasks[i];
            let pinned_to = task.pinned_term.map(|t| terms[t as usize].start);
            if let Some(term_start) = pinned_to {
                prop_assert!(at.earliest_start >= term_start, "{} before its term", task.id);
            }
            // As early as allowed: at the plan's start, right after a predecessor, or on the
            // first working day of its term.
            let held_by_dependency = plan
                .dependencies
                .iter()
                .filter(|d| d.successor == task.id)
                .any(|d| ready(&s, &plan, d).2 == at.start_day);
            let held_by_term = pinned_to.is_some_and(|term_start| {
                term_start.iter_days().take_while(|d| *d < at.earliest_start).all(|d| {
                    use chrono::Datelike;
                    d.weekday().number_from_monday() > 5
                })
            });
            prop_assert!(
                at.start_day == 0 || held_by_dependency || held_by_term,
                "{} waits for nothing",
                task.id
            );
        }
    }

    #[test]
    fn slack_is_zero_exactly_on_tight_chains_that_end_the_plan(
        plan in acyclic_plan(), start in start_date()
    ) {
        let s = run(&plan, start);
        // Found without the scheduler's backward pass: a task ending the plan, then, until
        // nothing changes, any task with a tight dependency onto one already found.
        let mut on_chain: Vec<bool> = s
            .tasks
            .iter()
            .map(|t| t.start_day + t.working_days == s.working_days)
            .collect();
        let mut changed = true;
        while changed {
            changed = false;
            for dep in &plan.dependencies {
                let (p, q, ready) = ready(&s, &plan, dep);
                if on_chain[q] && !on_chain[p] && ready == s.tasks[q].start_day {
                    on_chain[p] = true;
                    changed = true;
                }
            }
        }
        for (i, t) in s.tasks.iter().enumerate() {
            prop_assert_eq!(t.slack_days == 0, on_chain[i], "{}", t.id);
            prop_assert_eq!(t.critical, t.slack_days == 0);
            prop_assert!(t.latest_start >= t.earliest_start);
        }
        // The critical path named is one such chain, from a task nothing holds back.
        let path: Vec<usize> = s.critical_path.iter().map(|id| position(&plan, id)).collect();
        prop_assert!(!path.is_empty());
        let last = &s.tasks[*path.last().expect("not empty")];
        prop_assert_eq!(last.start_day + last.working_days, s.working_days);
        for pair in path.windows(2) {
            let dep = plan.dependencies.iter().find(|d| {
                d.predecessor == plan.tasks[pair[0]].id && d.successor == plan.tasks[pair[1]].id
            });
            let dep = dep.expect("consecutive tasks of the path depend on each other");
            prop_assert_eq!(ready(&s, &plan, dep).2, s.tasks[pair[1]].start_day);
        }
        prop_assert!(path.iter().all(|&i| s.tasks[i].critical));
    }

    #[test]
    fn adding_a_dependency_never_brings_a_task_forward(
        plan in acyclic_plan(),
        start in start_date(),
        pick in any::<(usize, usize)>(),
        lag in 0..3i32
    ) {
        let n = plan.tasks.len();
        prop_assume!(n >= 2);
        let rank = |t: &Task| t.id[1..].parse::<usize>().expect("t<rank>");
        let (a, b) = (pick.0 % n, pick.1 % n);
        let (p, q) = if rank(&plan.tasks[a]) < rank(&plan.tasks[b]) { (a, b) } else { (b, a) };
        prop_assume!(p != q);
        let (pid, qid) = (plan.tasks[p].id.clone(), plan.tasks[q].id.clone());
        prop_assume!(!plan.dependencies.iter().any(|d| d.predecessor == pid && d.successor == qid));
        let before = run(&plan, start);
        let mut more = plan.clone();
        more.dependencies.push(Dependency::new(&pid, &qid, lag));
        let after = run(&more, start);
        for (old, new) in before.tasks.iter().zip(&after.tasks) {
            prop_assert!(new.start_day >= old.start_day, "{} moved earlier", old.id);
        }
        prop_assert!(after.working_days >= before.working_days);
    }

    #[test]
    fn removing_a_dependency_never_makes_the_plan_end_later(
        plan in acyclic_plan(), start in start_date(), pick in any::<usize>()
    ) {
        prop_assume!(!plan.dependencies.is_empty());
        let before = run(&plan, start);
        let mut fewer = plan.clone();
        fewer.dependencies.remove(pick % plan.dependencies.len());
        let after = run(&fewer, start);
        prop_assert!(after.working_days <= before.working_days);
        prop_assert!(after.finish <= before.finish);
        for (old, new) in before.tasks.iter().zip(&after.tasks) {
            prop_assert!(new.start_day <= old.start_day, "{} moved later", old.id);
        }
    }
}

/// Up to 12 tasks with dependencies in any direction, so many plans have circles.
fn any_plan() -> impl Strategy<Value = WorkPlan> {
    (2..=12usize)
        .prop_flat_map(|n| {
            (
                Just(n),
                prop::collection::btree_set((0..n, 0..n), 0..=2 * n),
            )
        })
        .prop_map(|(n, edges)| WorkPlan {
            tasks: (0..n).map(|i| task(&i.to_string(), 1)).collect(),
            dependencies: edges
                .into_iter()
                .filter(|(a, b)| a != b)
                .map(|(a, b)| Dependency::new(&a.to_string(), &b.to_string(), 0))
                .collect(),
        })
}

/// Whether the plan has a circle, by repeatedly setting aside tasks that wait for nothing left.
fn has_circle(plan: &WorkPlan) -> bool {
    let n = plan.tasks.len();
    let mut waiting_for = vec![0usize; n];
    for d in &plan.dependencies {
        waiting_for[position(plan, &d.successor)] += 1;
    }
    let mut free: Vec<usize> = (0..n).filter(|&i| waiting_for[i] == 0).collect();
    let mut done = 0;
    while let Some(i) = free.pop() {
        done += 1;
        for d in plan
            .dependencies
            .iter()
            .filter(|d| d.predecessor == plan.tasks[i].id)
        {
            let s = position(plan, &d.successor);
            waiting_for[s] -= 1;
            if waiting_for[s] == 0 {
                free.push(s);
            }
        }
    }
    done < n
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_circle_is_always_refused_and_the_tasks_named_form_one(plan in any_plan()) {
        match plan.validate(0) {
            Ok(()) => prop_assert!(!has_circle(&plan), "a circle was accepted"),
            Err(errors) => {
                prop_assert!(has_circle(&plan), "refused without a circle: {errors}");
                let message = &errors.0[0].message;
                let list = message
                    .split_once(": ")
                    .and_then(|(_, rest)| rest.split_once(". "))
                    .map(|(names, _)| names)
                    .expect("the tasks are listed");
                let ids: Vec<&str> = list
                    .split(" → ")
                    .map(|name| name.trim_start_matches("“Task ").trim_end_matches('”'))
                    .collect();
                prop_assert!(ids.len() >= 3 && ids.first() == ids.last(), "{message}");
                for pair in ids.windows(2) {
                    let edge = plan
                        .dependencies
                        .iter()
                        .any(|d| d.predecessor == pair[0] && d.successor == pair[1]);
                    prop_assert!(edge, "{} does not wait for {}: {message}", pair[1], pair[0]);
                }
            }
        }
    }
}
