//! The work plan section: its dates in figures, the Gantt chart, the milestones with their
//! dates, the critical path in words, and how the schedule is worked out.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use planner_core::FieldError;
use planner_core::format::{long_date, working_days};
use planner_core::workplan::{ScheduledTask, Task};

use super::WorkPlanFigures;
use super::gantt::{self, Gantt, GanttRow};
use super::gantt_links::{GanttLink, weeks_later};
use crate::content::{Block, TableContent};
use crate::document::ReportDocument;
use crate::layout::{MM, styles};
use crate::sections::rollout::{capitalised, number_word, plural, sentence};
use crate::sections::{bullet, introduction, key_figures, open_section, subheading, titled_table};
use crate::table::{Column, Table, titles};

pub(crate) const TITLE: &str = "Work plan";
pub(crate) const NO_TASKS: &str = "The work plan has no tasks yet. Once actions are adopted or \
     tasks added in the planner, this section shows them on a Gantt chart with their \
     milestones and critical path.";
pub(crate) const NEEDS_ATTENTION_TITLE: &str = "Work plan — needs attention";
pub(crate) const NEEDS_ATTENTION_TEXT: &str = "The work plan cannot be scheduled as it stands, \
     so it has no dates to print. These need fixing in the planner:";
pub(crate) const TASKS_TITLE: &str = "Tasks and their dates";
pub(crate) const MILESTONES_TITLE: &str = "Milestones";
pub(crate) const CRITICAL_TITLE: &str = "Critical path";
pub(crate) const ASSUMPTIONS_TITLE: &str = "How the schedule is worked out";

/// Each rule the schedule follows, in words.
pub(crate) const ASSUMPTIONS: [&str; 7] = [
    "Durations are in working weeks of five days, Monday to Friday; public holidays and \
     breaks between terms are not taken out.",
    "The schedule runs forward from the plan's start: each task starts as early as what it \
     waits on allows. A plan starting on a weekend starts work on the Monday after.",
    "Each dependency is finish-to-start: a task starts once the task it waits on has \
     finished, plus any lag, counted in whole working weeks.",
    "A task pinned to a term starts at that term's start at the earliest.",
    "Milestones and phase gates take no time: they fall on the day what leads to them ends.",
    "Slack is how long a task can slip without moving the plan's finish. Tasks without \
     slack are critical; the critical path is the chain of them that ends the plan.",
    "A task is flagged when it ends after the last day of its phase, where that phase's \
     gate falls.",
];

pub(crate) fn draw(doc: &mut ReportDocument, figures: &WorkPlanFigures<'_>) {
    open_section(doc, TITLE);
    let tasks = scheduled(figures);
    if tasks.is_empty() {
        introduction(doc, NO_TASKS);
        return;
    }
    let schedule = figures.schedule;
    let milestones = tasks.iter().filter(|(t, _)| t.kind.is_milestone()).count();
    let critical = tasks.iter().filter(|(_, s)| s.critical).count();
    let late = tasks.iter().filter(|(_, s)| s.late_for_phase).count();
    let mut summary = format!(
        "{} and {}, scheduled from {} to {}. Tasks in bold are on the critical path: a delay \
         to any of them moves the plan's finish.",
        plural(tasks.len() - milestones, "task", "tasks"),
        plural(milestones, "milestone", "milestones"),
        long_date(schedule.start),
        long_date(schedule.finish),
    );
    if late > 0 {
        summary.push_str(&format!(
            " {} after the gate of {}, marked on the chart.",
            capitalised(&plural_words(late, "task ends", "tasks end")),
            if late == 1 {
                "its phase"
            } else {
                "their phases"
            }
        ));
    }
    introduction(doc, &summary);
    doc.move_down(5.0 * MM);
    key_figures(
        doc,
        &[
            ("Work starts", long_date(schedule.start)),
            ("Work ends", long_date(schedule.finish)),
            ("Working weeks", working_days(schedule.working_days)),
            ("Critical tasks", critical.to_string()),
        ],
    );
    doc.move_down(6.0 * MM);

    let rows = gantt_rows(figures, &tasks);
    let links = gantt_links(figures, &tasks);
    gantt::draw(
        doc,
        &Gantt {
            rows: &rows,
            links: &links,
            terms: &figures.rollout.terms,
            phases: &figures.rollout.phases,
            columns: gantt::Columns::UPRIGHT,
        },
    );
    record_task_table(doc, &rows, &links, &tasks);
    doc.move_down(8.0 * MM);
    milestones_table(doc, &tasks);
    critical_path(doc, figures, &tasks);
    doc.move_down(4.0 * MM);
    subheading(doc, ASSUMPTIONS_TITLE, 3.0 * styles::BODY.line_height);
    for assumption in ASSUMPTIONS {
        bullet(doc, assumption);
    }
}

/// One short page saying why there is no schedule.
pub(crate) fn needs_attention(doc: &mut ReportDocument, problems: &[FieldError]) {
    open_section(doc, NEEDS_ATTENTION_TITLE);
    introduction(doc, NEEDS_ATTENTION_TEXT);
    doc.move_down(4.0 * MM);
    for problem in problems {
        bullet(doc, &sentence(&problem.message));
    }
}

/// Each task with its place in the schedule, in the plan's order.
pub(super) fn scheduled<'a>(figures: &WorkPlanFigures<'a>) -> Vec<(&'a Task, &'a ScheduledTask)> {
    // The schedule lists the tasks in the plan's order: paired in one pass, as a plan may hold
    // 100,000 tasks.
    let plan = &figures.work_plan.tasks;
    plan.iter()
        .zip(&figures.schedule.tasks)
        .filter(|(task, at)| task.id == at.id)
        .collect()
}

pub(super) fn gantt_rows(
    figures: &WorkPlanFigures<'_>,
    tasks: &[(&Task, &ScheduledTask)],
) -> Vec<GanttRow> {
    let after = |date: NaiveDate, milestone: bool| {
        if milestone {
            date
        } else {
            date.checked_add_days(Days::new(1)).unwrap_or(date)
        }
    };
    tasks
        .iter()
        .map(|(task, at)| {
            let milestone = task.kind.is_milestone();
            let late_for = task
                .phase
                .filter(|_| at.late_for_phase)
                .and_then(|p| figures.rollout.phases.iter().find(|s| s.phase == p))
                .map(|span| span.label.clone());
            GanttRow {
                title: task.title.clone(),
                owner: task.owner_role.clone(),
                start: at.earliest_start,
                end: after(at.earliest_finish, milestone),
                slack_end: after(at.latest_finish, milestone),
                milestone,
                critical: at.critical,
                late_for,
            }
        })
        .collect()
}

/// The schedule's dependencies between the chart's rows (`tasks`, in the chart's order).
pub(super) fn gantt_links(
    figures: &WorkPlanFigures<'_>,
    tasks: &[(&Task, &ScheduledTask)],
) -> Vec<GanttLink> {
    let row: HashMap<&str, usize> = tasks
        .iter()
        .enumerate()
        .map(|(i, (task, _))| (task.id.as_str(), i))
        .collect();
    figures
        .schedule
        .links
        .iter()
        .filter_map(|link| {
            Some(GanttLink {
                from: *row.get(link.predecessor.as_str())?,
                to: *row.get(link.successor.as_str())?,
                lag_weeks: link.lag_weeks,
                critical: link.critical,
            })
        })
        .collect()
}

/// The chart's text alternative in the HTML edition, where a screen reader cannot read bars:
/// each task with its owner, dates and what it waits for (with any lag, which the chart
/// prints only where it has room), in the chart's order. The PDF's chart shows the same.
fn record_task_table(
    doc: &mut ReportDocument,
    rows: &[GanttRow],
    links: &[GanttLink],
    tasks: &[(&Task, &ScheduledTask)],
) {
    let mut waits_for: Vec<Vec<String>> = vec![Vec::new(); rows.len()];
    for link in links {
        let title = rows[link.from].title.trim();
        waits_for[link.to].push(if link.lag_weeks > 0 {
            format!("{title} ({})", weeks_later(link.lag_weeks))
        } else {
            title.to_owned()
        });
    }
    let cells = rows
        .iter()
        .zip(tasks)
        .zip(waits_for)
        .map(|((row, (_, at)), waits_for)| {
            let name = match &row.late_for {
                Some(phase) => format!("{}\nEnds after the {phase} gate", row.title),
                None => row.title.clone(),
            };
            vec![
                name,
                row.owner.clone(),
                long_date(at.earliest_start),
                long_date(at.earliest_finish),
                slack(at),
                if waits_for.is_empty() {
                    "Nothing".to_owned()
                } else {
                    waits_for.join("; ")
                },
            ]
        })
        .collect();
    doc.record(Block::Heading(TASKS_TITLE.to_owned()));
    doc.record(Block::Table(TableContent {
        header: Some(titles(&[
            "Task",
            "Owner",
            "Starts",
            "Ends",
            "Slack",
            "Waits for",
        ])),
        rows: cells,
        footer: None,
        highlighted: rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.late_for.is_some())
            .map(|(i, _)| i)
            .collect(),
        figures: vec![false; 6],
        muted_details: vec![true, false, false, false, false, false],
    }));
}

fn milestones_table(doc: &mut ReportDocument, tasks: &[(&Task, &ScheduledTask)]) {
    let rows: Vec<Vec<String>> = tasks
        .iter()
        .filter(|(task, _)| task.kind.is_milestone())
        .map(|(task, at)| {
            vec![
                task.title.clone(),
                long_date(at.earliest_start),
                task.owner_role.clone(),
                slack(at),
            ]
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    let columns = Column::left_filling(&[58.0, 30.0, 34.0], styles::CELL);
    titled_table(
        doc,
        MILESTONES_TITLE,
        None,
        &Table {
            columns: &columns,
            header: Some(titles(&["Milestone", "Date", "Owner", "Slack"])),
            rows,
            ..Table::default()
        },
    );
    doc.move_down(6.0 * MM);
}

/// "None: on the critical path", "3 weeks", "2 weeks 3 days".
fn slack(at: &ScheduledTask) -> String {
    if at.slack_days == 0 {
        "None: critical".to_owned()
    } else {
        working_days(at.slack_days)
    }
}

fn critical_path(
    doc: &mut ReportDocument,
    figures: &WorkPlanFigures<'_>,
    tasks: &[(&Task, &ScheduledTask)],
) {
    let titles: HashMap<&str, &str> = tasks
        .iter()
        .map(|(t, _)| (t.id.as_str(), t.title.trim()))
        .collect();
    let chain: Vec<&str> = figures
        .schedule
        .critical_path
        .iter()
        .filter_map(|id| titles.get(id.as_str()).copied())
        .collect();
    let (Some(first), Some(last)) = (chain.first(), chain.last()) else {
        return;
    };
    let text = if chain.len() == 1 {
        format!(
            "One task sets the plan's finish on {}: “{first}”. Any delay to it delays the \
             whole plan.",
            long_date(figures.schedule.finish)
        )
    } else {
        format!(
            "{} tasks in a chain set the plan's finish on {}, from “{first}” to “{last}”: \
             {}. Any delay to one of them delays the whole plan.",
            capitalised(&number_word(chain.len())),
            long_date(figures.schedule.finish),
            chain.join(" → ")
        )
    };
    subheading(doc, CRITICAL_TITLE, 2.0 * styles::BODY.line_height);
    doc.paragraph(
        crate::layout::CONTENT_LEFT,
        crate::layout::CONTENT_WIDTH,
        &styles::BODY,
        &text,
    );
}

/// "one task ends", "three tasks end".
fn plural_words(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", number_word(n), if n == 1 { one } else { many })
}
