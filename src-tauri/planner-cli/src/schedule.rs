//! `mcplan tasks ID`: the work plan's schedule as a table, with dates, durations and slack
//! worded as the PDF words them (`planner_core::format`).

use planner_core::format::{long_date, weeks, working_days};
use planner_core::{PlanDetail, ScheduleStatus};

use crate::Failure;

const HEADS: [&str; 8] = [
    "Task", "Owner", "Start", "Finish", "Length", "Slack", "Critical", "Late",
];

/// The table, one row per task in the plan's order; refused when there is no schedule.
pub(crate) fn tasks_table(detail: &PlanDetail) -> Result<String, Failure> {
    let schedule = match &detail.schedule {
        ScheduleStatus::Scheduled { schedule } => schedule,
        ScheduleStatus::NotStarted => {
            return Err(Failure::Input(
                "This plan has no schedule yet: set the rollout up first (`mcplan rollout ID \
                 --starter`)"
                    .to_owned(),
            ));
        }
        ScheduleStatus::NeedsAttention { problems } => {
            let first = problems.first().map_or("", |p| p.message.as_str());
            return Err(Failure::Input(format!(
                "The work plan cannot be scheduled: {first}"
            )));
        }
    };
    let tasks = &detail.stored.plan.work_plan.tasks;
    let rows: Vec<[String; 8]> = tasks
        .iter()
        .zip(&schedule.tasks)
        .map(|(task, at)| {
            let length = if task.kind.is_milestone() {
                "milestone".to_owned()
            } else {
                weeks(u16::try_from(task.duration_weeks).unwrap_or(u16::MAX))
            };
            let yes = |flag: bool| if flag { "yes" } else { "" }.to_owned();
            [
                task.title.clone(),
                task.owner_role.clone(),
                long_date(at.earliest_start),
                long_date(at.earliest_finish),
                length,
                if at.slack_days == 0 {
                    "none".to_owned()
                } else {
                    working_days(at.slack_days)
                },
                yes(at.critical),
                yes(at.late_for_phase),
            ]
        })
        .collect();
    let mut widths = HEADS.map(|h| h.chars().count());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(cell, width)| format!("{cell}{}", " ".repeat(width - cell.chars().count())))
            .collect();
        padded.join("  ").trim_end().to_owned()
    };
    let mut out = vec![line(&HEADS.map(str::to_owned))];
    out.extend(rows.iter().map(|row| line(row)));
    out.push(format!(
        "{} tasks from {} to {}; critical path: {}",
        tasks.len(),
        long_date(schedule.start),
        long_date(schedule.finish),
        critical_titles(detail, &schedule.critical_path)
    ));
    Ok(out.join("\n"))
}

fn critical_titles(detail: &PlanDetail, path: &[String]) -> String {
    let tasks = &detail.stored.plan.work_plan.tasks;
    let titles: Vec<&str> = path
        .iter()
        .filter_map(|id| tasks.iter().find(|t| &t.id == id))
        .map(|t| t.title.as_str())
        .collect();
    titles.join(" → ")
}
