//! The work plan's pages as a reader gets them: every task, milestone date, risk and KPI target
//! read back from the PDF as planner-core formats it, and a plan of 500 tasks on a sane number
//! of pages with every word inside the text area.

use planner_core::format::long_date;
use planner_core::workplan::{Dependency, Task, TaskKind};
use planner_core::{PlanDetail, ScheduleStatus, sample_plan};
use planner_test_support::{page_count, pdf_text, squeeze};

use crate::{assert_every_word_inside_the_text_area, detail, export_to_temp, sample};

fn scheduled(plan: &PlanDetail) -> &planner_core::workplan::Schedule {
    match &plan.schedule {
        ScheduleStatus::Scheduled { schedule } => schedule,
        other => panic!("the plan schedules: {other:?}"),
    }
}

#[test]
fn every_task_milestone_date_risk_and_kpi_target_of_the_sample_reads_back() {
    let plan = sample();
    let (_dir, path) = export_to_temp(&plan);
    let text = squeeze(&pdf_text(&path));
    let work_plan = &plan.stored.plan.work_plan;
    assert!(!work_plan.tasks.is_empty(), "the sample has a work plan");
    for (task, at) in work_plan.tasks.iter().zip(&scheduled(&plan).tasks) {
        assert!(
            text.contains(&squeeze(&task.title)),
            "{:?} printed",
            task.title
        );
        if task.kind.is_milestone() {
            let row = squeeze(&format!("{} {}", task.title, long_date(at.earliest_start)));
            assert!(text.contains(&row), "milestone {row:?} with its date");
        }
    }
    let risks = &plan.stored.plan.risks;
    assert!(!risks.is_empty(), "the sample has risks");
    for risk in risks {
        for words in [&risk.title, &risk.mitigation, &risk.owner_role] {
            assert!(
                text.contains(&squeeze(words)),
                "risk text {words:?} printed"
            );
        }
    }
    assert!(!plan.kpis.is_empty(), "the sample has KPIs");
    for kpi in &plan.kpis {
        assert!(text.contains(&kpi.label), "KPI {:?} printed", kpi.label);
        for value in kpi
            .targets
            .iter()
            .filter_map(|t| t.value)
            .chain(kpi.baseline)
        {
            let figure = kpi.key.format(value);
            assert!(
                text.contains(&figure),
                "{:?} figure {figure} printed",
                kpi.key
            );
        }
    }
    for heading in [
        "Work plan",
        "Faculty engagement",
        "Risks",
        "Key performance indicators",
    ] {
        assert!(text.contains(heading), "a section headed {heading:?}");
    }
    for rule in [
        "Monday to Friday",
        "finish-to-start",
        "A task pinned to a term starts at that term's start at the earliest.",
    ] {
        assert!(
            text.contains(rule),
            "the schedule's rule {rule:?} is stated"
        );
    }
}

/// The sample with `n` more tasks, in chains of ten, a milestone every 25th.
fn with_tasks(n: usize) -> PlanDetail {
    let mut plan = sample_plan();
    let work_plan = &mut plan.work_plan;
    for i in 0..n {
        let milestone = i % 25 == 24;
        work_plan.tasks.push(Task {
            id: format!("extra-{i}"),
            title: format!("Faculty workshop round {i} on mapping certificates to outcomes"),
            owner_role: "Director of teaching and learning".to_owned(),
            duration_weeks: if milestone { 0 } else { 1 + (i % 6) as i32 },
            pinned_term: None,
            phase: None,
            kind: if milestone {
                TaskKind::Milestone
            } else {
                TaskKind::Custom
            },
        });
        if i % 10 != 0 {
            let (before, after) = (format!("extra-{}", i - 1), format!("extra-{i}"));
            work_plan
                .dependencies
                .push(Dependency::new(&before, &after, 0));
        }
    }
    detail(plan)
}

#[test]
fn a_plan_of_500_tasks_prints_every_one_on_a_sane_number_of_pages_inside_the_page() {
    let small = sample();
    let (_small_dir, small_path) = export_to_temp(&small);
    let plan = with_tasks(500);
    let (_dir, path) = export_to_temp(&plan);
    let added = page_count(&path) - page_count(&small_path);
    // About 18 two-line rows a page turned sideways: thirty pages of chart, not one per
    // handful of tasks.
    assert!(
        (15..=35).contains(&added),
        "500 more tasks take {added} more pages"
    );
    let text = squeeze(&pdf_text(&path));
    for i in 0..500 {
        let title = format!("Faculty workshop round {i} on mapping certificates to outcomes");
        assert!(text.contains(&title), "{title:?} printed");
    }
    let words = assert_every_word_inside_the_text_area(&path);
    let sideways: std::collections::BTreeSet<u32> = words
        .iter()
        .filter(|w| w.page_width > w.page_height)
        .map(|w| w.page)
        .collect();
    let (Some(&first), Some(&last)) = (sideways.first(), sideways.last()) else {
        panic!("the chart goes on pages turned sideways");
    };
    for page in first..=last {
        assert!(
            words.iter().any(|w| w.page == page && w.text == "workshop"),
            "page {page}, turned sideways, holds the chart's tasks"
        );
    }
    assert_eq!(
        sideways.len(),
        (last - first + 1) as usize,
        "the chart's pages follow one another"
    );
    assert!(
        text.contains(&format!(
            "The Gantt chart follows on pages {first} to {last}, turned sideways"
        )),
        "the page before says where the chart is"
    );
    let after = words
        .iter()
        .find(|w| w.page == last + 1)
        .expect("a page after the chart");
    assert!(
        after.page_width < after.page_height,
        "what follows the chart is upright again"
    );
}

#[test]
fn without_rollout_figures_only_the_risks_print_and_only_when_there_are_some() {
    let titles = |plan: &PlanDetail| -> Vec<String> {
        let report = planner_report::render(plan, &crate::options()).expect("rendered");
        planner_test_support::outline(&report.bytes)
            .into_iter()
            .map(|(title, _)| title)
            .collect()
    };
    let counted_on_the_calendar = [
        "Work plan",
        "Faculty engagement",
        "Key performance indicators",
    ];

    let mut broken = sample_plan();
    broken.rollout.as_mut().expect("rollout").horizon_years = 0;
    let entries = titles(&detail(broken));
    assert!(entries.iter().any(|t| t == "Risks"), "{entries:?}");
    for title in counted_on_the_calendar {
        assert!(
            !entries.iter().any(|t| t == title),
            "no {title:?}: {entries:?}"
        );
    }

    let entries = titles(&crate::plan_for("Łódź University of Technology", "PL"));
    for title in counted_on_the_calendar.iter().chain(&["Risks"]) {
        assert!(
            !entries.iter().any(|t| t == title),
            "no {title:?}: {entries:?}"
        );
    }
}

#[test]
fn a_work_plan_that_cannot_be_scheduled_says_what_to_fix() {
    let mut plan = sample_plan();
    // Pinned to a term the plan does not have, as a plan file written by hand can be.
    plan.work_plan.tasks[0].pinned_term = Some(99);
    let plan = detail(plan);
    let ScheduleStatus::NeedsAttention { problems } = &plan.schedule else {
        panic!(
            "a pinned term past the horizon needs attention: {:?}",
            plan.schedule
        );
    };
    let (_dir, path) = export_to_temp(&plan);
    let text = squeeze(&pdf_text(&path));
    let at = planner_test_support::position(&text, "Work plan — needs attention");
    for problem in problems {
        let said = planner_test_support::position(&text, &squeeze(&problem.message));
        assert!(said > at, "{:?} listed under the heading", problem.message);
    }
}
