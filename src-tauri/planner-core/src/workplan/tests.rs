//! Worked examples with dates computed by hand, and the checks a dean's mistakes meet.
//! January 2027 for reference: Mondays are the 4th, 11th, 18th and 25th, then 1 and 8 February.

use chrono::{Datelike, NaiveDate};

use super::*;
use crate::assessment::Phase;
use crate::rollout::Term;

pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

pub(super) fn task(id: &str, weeks: i32) -> Task {
    Task {
        id: id.to_owned(),
        title: format!("Task {id}"),
        owner_role: "Registrar".to_owned(),
        duration_weeks: weeks,
        pinned_term: None,
        phase: None,
        kind: if weeks == 0 {
            TaskKind::Milestone
        } else {
            TaskKind::Custom
        },
    }
}

fn plan(tasks: Vec<Task>, deps: &[(&str, &str, i32)]) -> WorkPlan {
    WorkPlan {
        tasks,
        dependencies: deps
            .iter()
            .map(|(p, s, lag)| Dependency::new(p, s, *lag))
            .collect(),
    }
}

/// Term `index` of a plan, wholly inside it, starting (and, for these tests, ending) on `start`,
/// in fiscal year `fiscal_year_index` counted from FY2027.
pub(super) fn term(index: usize, name: &str, start: NaiveDate, fiscal_year_index: u32) -> Term {
    Term {
        index: index as u32,
        name: name.to_owned(),
        year: start.year(),
        start,
        end: start,
        share_in_plan: 1.0,
        academic_year: "2026–27".to_owned(),
        fiscal_year: format!("FY{}", 2027 + fiscal_year_index),
        fiscal_year_index,
        phase: Phase::Prepare,
    }
}

/// Fall from 25 August 2026, Spring from Tuesday 12 January 2027, Summer from 1 June 2027.
pub(super) fn terms() -> Vec<Term> {
    [("Fall", day(2026, 8, 25)), ("Spring", day(2027, 1, 12))]
        .into_iter()
        .chain([("Summer", day(2027, 6, 1))])
        .enumerate()
        .map(|(i, (name, start))| term(i, name, start, 0))
        .collect()
}

fn scheduled(plan: &WorkPlan, start: NaiveDate) -> Schedule {
    let terms = terms();
    let timeline = Timeline {
        start,
        terms: &terms,
        phases: &[],
    };
    schedule(plan, &timeline).unwrap_or_else(|e| panic!("a valid plan: {e}"))
}

pub(super) fn at<'a>(s: &'a Schedule, id: &str) -> &'a ScheduledTask {
    s.tasks.iter().find(|t| t.id == id).expect("scheduled")
}

pub(super) fn dates(t: &ScheduledTask) -> (NaiveDate, NaiveDate) {
    (t.earliest_start, t.earliest_finish)
}

#[test]
fn a_diamond_follows_its_longer_branch_and_the_shorter_one_has_slack() {
    // A (2 weeks) → B (3) and A → C (1); B and C → D (1); from Monday 4 January 2027.
    let p = plan(
        vec![task("A", 2), task("B", 3), task("C", 1), task("D", 1)],
        &[("A", "B", 0), ("A", "C", 0), ("B", "D", 0), ("C", "D", 0)],
    );
    let s = scheduled(&p, day(2027, 1, 4));
    // A: 4–15 Jan. B: 18 Jan – 5 Feb. C: 18–22 Jan. D waits for B: 8–12 Feb.
    assert_eq!(dates(at(&s, "A")), (day(2027, 1, 4), day(2027, 1, 15)));
    assert_eq!(dates(at(&s, "B")), (day(2027, 1, 18), day(2027, 2, 5)));
    assert_eq!(dates(at(&s, "C")), (day(2027, 1, 18), day(2027, 1, 22)));
    assert_eq!(dates(at(&s, "D")), (day(2027, 2, 8), day(2027, 2, 12)));
    // C may slip two weeks: it must be done by 5 Feb, so start by Monday 1 Feb.
    let c = at(&s, "C");
    assert_eq!((c.slack_days, c.critical), (10, false));
    assert_eq!(
        (c.latest_start, c.latest_finish),
        (day(2027, 2, 1), day(2027, 2, 5))
    );
    for id in ["A", "B", "D"] {
        assert_eq!(
            (at(&s, id).slack_days, at(&s, id).critical),
            (0, true),
            "{id}"
        );
    }
    assert_eq!(s.critical_path, ["A", "B", "D"]);
    assert_eq!(
        (s.start, s.finish, s.working_days),
        (day(2027, 1, 4), day(2027, 2, 12), 30)
    );
}

#[test]
fn a_dependency_is_critical_only_where_it_holds_a_critical_task_back() {
    // The diamond again, with A → D as well: A, B and D are critical, but D starts when B
    // finishes, two weeks after A does, so A → D (like A → C and C → D) could slip.
    let p = plan(
        vec![task("A", 2), task("B", 3), task("C", 1), task("D", 1)],
        &[
            ("A", "B", 0),
            ("A", "C", 0),
            ("B", "D", 0),
            ("C", "D", 0),
            ("A", "D", 0),
        ],
    );
    let s = scheduled(&p, day(2027, 1, 4));
    let links: Vec<(&str, &str, bool)> = s
        .links
        .iter()
        .map(|l| (l.predecessor.as_str(), l.successor.as_str(), l.critical))
        .collect();
    assert_eq!(
        links,
        [
            ("A", "B", true),
            ("A", "C", false),
            ("B", "D", true),
            ("C", "D", false),
            ("A", "D", false),
        ],
        "one per dependency, in the plan's order"
    );
    // A lag that keeps the chain tight leaves its dependency critical, and carries its weeks.
    let s = scheduled(
        &plan(vec![task("A", 1), task("B", 1)], &[("A", "B", 2)]),
        day(2027, 1, 4),
    );
    assert_eq!((s.links[0].lag_weeks, s.links[0].critical), (2, true));
}

#[test]
fn a_lag_delays_the_successor_by_whole_working_weeks() {
    // A (1 week) 4–8 Jan; B waits two weeks after A: starts Monday 25 Jan, ends Friday 29 Jan.
    let p = plan(vec![task("A", 1), task("B", 1)], &[("A", "B", 2)]);
    let s = scheduled(&p, day(2027, 1, 4));
    assert_eq!(dates(at(&s, "B")), (day(2027, 1, 25), day(2027, 1, 29)));
    assert_eq!(s.critical_path, ["A", "B"], "the lag keeps the chain tight");
}

#[test]
fn a_pinned_task_starts_no_earlier_than_its_term() {
    // Spring starts Tuesday 12 January 2027, working day 6 of a plan from 4 January. P (1 week)
    // is pinned to it: Tue 12 – Mon 18 Jan. Q (1 week) is pinned too but waits for A (3 weeks,
    // 4–22 Jan), which lets it start only on Monday 25 Jan.
    let mut pinned = task("P", 1);
    pinned.pinned_term = Some(1);
    let mut late = task("Q", 1);
    late.pinned_term = Some(1);
    let p = plan(vec![pinned, task("A", 3), late], &[("A", "Q", 0)]);
    let s = scheduled(&p, day(2027, 1, 4));
    assert_eq!(dates(at(&s, "P")), (day(2027, 1, 12), day(2027, 1, 18)));
    assert_eq!(dates(at(&s, "Q")), (day(2027, 1, 25), day(2027, 1, 29)));
    // P ends on day 11 of 20: nine working days of slack; A → Q sets the end.
    assert_eq!(at(&s, "P").slack_days, 9);
    assert_eq!(s.critical_path, ["A", "Q"]);
    // A term that began before the plan does not hold a task back.
    let mut early = task("E", 1);
    early.pinned_term = Some(0);
    let s = scheduled(&plan(vec![early], &[]), day(2027, 1, 4));
    assert_eq!(dates(at(&s, "E")), (day(2027, 1, 4), day(2027, 1, 8)));
}

#[test]
fn a_milestone_takes_no_time_and_falls_where_its_predecessor_ends() {
    // A (2 weeks) 4–15 Jan; milestone M on Monday 18 Jan; B (1 week) from M: 18–22 Jan.
    let p = plan(
        vec![task("A", 2), task("M", 0), task("B", 1)],
        &[("A", "M", 0), ("M", "B", 0)],
    );
    let s = scheduled(&p, day(2027, 1, 4));
    let m = at(&s, "M");
    assert_eq!(dates(m), (day(2027, 1, 18), day(2027, 1, 18)));
    assert_eq!((m.start_day, m.working_days), (10, 0));
    assert_eq!(dates(at(&s, "B")), (day(2027, 1, 18), day(2027, 1, 22)));
    assert_eq!(s.critical_path, ["A", "M", "B"]);
    // A milestone that ends the plan is its finish.
    let s = scheduled(
        &plan(vec![task("A", 1), task("M", 0)], &[("A", "M", 0)]),
        day(2027, 1, 4),
    );
    assert_eq!(s.finish, day(2027, 1, 11));
}

#[test]
fn a_plan_starting_on_a_weekend_starts_work_on_monday_and_midweek_weeks_run_to_midweek() {
    // Saturday 2 January 2027: work starts Monday the 4th; A (1 week) ends Friday the 8th.
    let p = plan(vec![task("A", 1), task("B", 2)], &[("A", "B", 0)]);
    let s = scheduled(&p, day(2027, 1, 2));
    assert_eq!(s.start, day(2027, 1, 4));
    assert_eq!(dates(at(&s, "A")), (day(2027, 1, 4), day(2027, 1, 8)));
    // Wednesday 6 January: A runs Wed 6 – Tue 12, B Wed 13 – Tue 26.
    let s = scheduled(&p, day(2027, 1, 6));
    assert_eq!(dates(at(&s, "A")), (day(2027, 1, 6), day(2027, 1, 12)));
    assert_eq!(dates(at(&s, "B")), (day(2027, 1, 13), day(2027, 1, 26)));
}

#[test]
fn a_task_finishing_after_its_phase_ends_is_flagged() {
    use crate::rollout::PhaseSpan;
    let span = PhaseSpan {
        phase: Phase::Prepare,
        label: "Prepare".to_owned(),
        first_term: Some(0),
        last_term: Some(0),
        start: Some(day(2027, 1, 4)),
        end: Some(day(2027, 1, 22)),
        term_count: 1,
        gate_criteria: Vec::new(),
    };
    let mut on_time = task("A", 3);
    on_time.phase = Some(Phase::Prepare);
    let mut late = task("B", 4);
    late.phase = Some(Phase::Prepare);
    let mut free = task("C", 9);
    free.phase = Some(Phase::Pilot);
    let terms = terms();
    let timeline = Timeline {
        start: day(2027, 1, 4),
        terms: &terms,
        phases: &[span],
    };
    let s = schedule(&plan(vec![on_time, late, free], &[]), &timeline).expect("valid");
    // A ends Friday 22 Jan, the phase's last day; B ends 29 Jan, after it.
    let flags: Vec<_> = s
        .tasks
        .iter()
        .map(|t| (t.late_for_phase, t.phase_end))
        .collect();
    let end = Some(day(2027, 1, 22));
    assert_eq!(flags, [(false, end), (true, end), (false, None)]);
}

#[test]
fn an_empty_plan_schedules_to_nothing() {
    let s = scheduled(&WorkPlan::default(), day(2027, 1, 4));
    assert!(s.tasks.is_empty() && s.critical_path.is_empty());
    assert_eq!(
        (s.start, s.finish, s.working_days),
        (day(2027, 1, 4), day(2027, 1, 4), 0)
    );
}

fn problems(plan: &WorkPlan) -> Vec<(String, String)> {
    plan.validate(3)
        .expect_err("an invalid plan")
        .0
        .into_iter()
        .map(|e| (e.field, e.message))
        .collect()
}

fn fields(plan: &WorkPlan) -> Vec<String> {
    problems(plan).into_iter().map(|(f, _)| f).collect()
}

#[test]
fn each_bad_field_is_reported_under_its_own_key() {
    let mut no_owner = task("B", 2);
    no_owner.owner_role = "  ".to_owned();
    let mut long_milestone = task("M", 0);
    long_milestone.duration_weeks = 2;
    let mut far_term = task("F", 1);
    far_term.pinned_term = Some(3);
    let p = plan(
        vec![
            task("A", -1),
            no_owner,
            task("A", 521),
            long_milestone,
            far_term,
        ],
        &[("A", "B", -2), ("B", "M", 521)],
    );
    assert_eq!(
        fields(&p),
        [
            "tasks.0.durationWeeks",
            "tasks.1.ownerRole",
            "tasks.2.id",
            "tasks.2.durationWeeks",
            "tasks.3.durationWeeks",
            "tasks.4.pinnedTerm",
            "dependencies.0.lagWeeks",
            "dependencies.1.lagWeeks",
        ]
    );
    let messages = problems(&p);
    assert_eq!(
        messages[0].1,
        "Task 1 (“Task A”) must take 1 to 520 working weeks, not -1"
    );
    assert_eq!(
        messages[1].1,
        "Task 2 (“Task B”) needs an owner: the role that sees it through"
    );
    assert_eq!(
        messages[5].1,
        "Task 5 (“Task F”) is set to start in term 4, but the plan has 3 terms"
    );
}

#[test]
fn dependencies_must_name_real_distinct_tasks_once() {
    let p = plan(
        vec![task("A", 1), task("B", 1)],
        &[("A", "Z", 0), ("B", "B", 0), ("A", "B", 0), ("A", "B", 1)],
    );
    assert_eq!(
        problems(&p),
        [
            (
                "dependencies.0.successor".to_owned(),
                "Dependency 1 names a task that is not in the plan".to_owned()
            ),
            (
                "dependencies.1".to_owned(),
                "“Task B” cannot wait for itself".to_owned()
            ),
            (
                "dependencies.3".to_owned(),
                "“Task B” already waits for “Task A”".to_owned()
            ),
        ]
    );
}

#[test]
fn a_circle_of_dependencies_is_refused_naming_its_tasks_in_order() {
    // D hangs off the circle A → B → C → A and is not part of it.
    let p = plan(
        vec![task("A", 1), task("B", 1), task("C", 1), task("D", 1)],
        &[("A", "B", 0), ("B", "C", 0), ("C", "A", 0), ("C", "D", 0)],
    );
    let problems = problems(&p);
    assert_eq!(problems.len(), 1, "one error: {problems:?}");
    let (field, message) = &problems[0];
    let names = ["“Task A”", "“Task B”", "“Task C”"];
    let circle = (0..3)
        .map(|r| {
            let seq: Vec<_> = (0..4).map(|i| names[(r + i) % 3]).collect();
            seq.join(" → ")
        })
        .find(|c| message.contains(c.as_str()));
    assert!(circle.is_some(), "the circle is named in order: {message}");
    assert!(
        !message.contains("Task D"),
        "D is not in the circle: {message}"
    );
    let closing = ["dependencies.0", "dependencies.1", "dependencies.2"];
    assert!(
        closing.contains(&field.as_str()),
        "keyed to a dependency of the circle: {field}"
    );
    let terms = terms();
    let timeline = Timeline {
        start: day(2027, 1, 4),
        terms: &terms,
        phases: &[],
    };
    assert!(schedule(&p, &timeline).is_err(), "never scheduled");
}

fn chain(n: usize, weeks: i32) -> WorkPlan {
    let tasks = (0..n).map(|i| task(&i.to_string(), weeks)).collect();
    let dependencies = (1..n)
        .map(|i| Dependency::new(&(i - 1).to_string(), &i.to_string(), 0))
        .collect();
    WorkPlan {
        tasks,
        dependencies,
    }
}

#[test]
fn a_chain_of_a_hundred_thousand_tasks_schedules_without_overflowing_the_stack() {
    let n = 100_000;
    let s = scheduled(&chain(n, 1), day(2027, 1, 4));
    let last = &s.tasks[n - 1];
    assert_eq!(last.start_day, 5 * (n as u32 - 1));
    assert_eq!(s.critical_path.len(), n, "the whole chain is critical");
    assert!(s.tasks.iter().all(|t| t.critical));
    // Closing the chain into a circle is refused, naming its start and length.
    let mut circle = chain(n, 1);
    circle
        .dependencies
        .push(Dependency::new(&(n - 1).to_string(), "0", 0));
    let message = circle.validate(0).expect_err("a circle").summary();
    assert!(message.contains("(100000 tasks in all)"), "{message}");
}

#[test]
fn a_plan_that_would_run_past_the_year_9999_is_refused() {
    // 820 tasks of ten working years each (2,600 working days, 9 years 50 weeks of calendar
    // time): about 8,170 years from 2027.
    let timeline = Timeline {
        start: day(2027, 1, 4),
        terms: &[],
        phases: &[],
    };
    let Err(e) = schedule(&chain(820, 520), &timeline) else {
        panic!("a plan ending after the year 9999 was scheduled");
    };
    assert_eq!(e.0[0].field, "tasks.819.durationWeeks");
    assert!(
        e.0[0]
            .message
            .contains("would end after the year 9999, with “Task 819”"),
        "{}",
        e.0[0].message
    );
}
