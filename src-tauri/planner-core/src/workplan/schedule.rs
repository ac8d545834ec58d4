//! Forward and backward scheduling (the critical path method) on the working-day clock of
//! `workdays.rs`. Forward: a task starts as early as its dependencies allow (each
//! predecessor's finish plus the lag) and never before its pinned term starts. Backward: the
//! latest a task can finish without moving the plan's end. Slack is the difference; the tasks
//! with none are critical. Both passes are single loops over the tasks in dependency order, so
//! time is linear in tasks plus dependencies.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::WorkPlan;
use super::validate::{error, validate};
use super::workdays::WorkDays;
use crate::error::ValidationErrors;
use crate::rollout::{PhaseSpan, RolloutResult, Term};

/// Working days in a working week.
const WEEK: i64 = 5;

/// The calendar a work plan is scheduled on: the rollout's start, terms and phases.
#[derive(Debug, Clone, Copy)]
pub struct Timeline<'a> {
    pub start: NaiveDate,
    /// A task pinned to term `i` starts no earlier than `terms[i].start`.
    pub terms: &'a [Term],
    /// A task feeding a phase is late when it finishes after the phase ends.
    pub phases: &'a [PhaseSpan],
}

impl<'a> Timeline<'a> {
    pub fn of(rollout: &'a RolloutResult) -> Self {
        Timeline {
            start: rollout.start_date,
            terms: &rollout.terms,
            phases: &rollout.phases,
        }
    }
}

/// When one task happens; dates are working days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScheduledTask {
    /// The task's id in the work plan.
    pub id: String,
    /// Working days from the plan's first working day to the task's earliest start.
    pub start_day: u32,
    /// Working days the task takes (five a week; 0 for a milestone).
    pub working_days: u32,
    #[ts(type = "string")]
    pub earliest_start: NaiveDate,
    /// The last working day of the task (its start, for a milestone).
    #[ts(type = "string")]
    pub earliest_finish: NaiveDate,
    #[ts(type = "string")]
    pub latest_start: NaiveDate,
    #[ts(type = "string")]
    pub latest_finish: NaiveDate,
    /// Working days the task can slip without moving the end of the plan.
    pub slack_days: u32,
    /// No slack: any slip moves the end of the plan.
    pub critical: bool,
    /// The last day of the phase the task feeds, when that phase falls in the plan.
    #[ts(type = "string | null")]
    pub phase_end: Option<NaiveDate>,
    /// It finishes after the gate of the phase it feeds.
    pub late_for_phase: bool,
}

/// One dependency as the chart draws it: an arrow from the end of `predecessor` to the start
/// of `successor`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScheduledLink {
    pub predecessor: String,
    pub successor: String,
    pub lag_weeks: i32,
    /// On the critical path: both tasks are critical and the successor starts exactly when
    /// this dependency lets it, so a slip here moves the end of the plan.
    pub critical: bool,
}

/// A scheduled work plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Schedule {
    /// The first working day of the plan.
    #[ts(type = "string")]
    pub start: NaiveDate,
    /// The last working day of its last task (the start, when nothing takes time).
    #[ts(type = "string")]
    pub finish: NaiveDate,
    /// Working days from start to finish.
    pub working_days: u32,
    /// One per task, in the plan's order.
    pub tasks: Vec<ScheduledTask>,
    /// Ids of one chain of critical tasks, first to last, each starting as its predecessor
    /// finishes (plus the lag), the last finishing the plan.
    pub critical_path: Vec<String>,
    /// One per dependency, in the plan's order.
    pub links: Vec<ScheduledLink>,
}

/// Validates `plan` and schedules it on `timeline`.
pub fn schedule(plan: &WorkPlan, timeline: &Timeline) -> Result<Schedule, ValidationErrors> {
    let graph = validate(plan, timeline.terms.len())?;
    let clock = WorkDays::new(timeline.start);
    let tasks = &plan.tasks;
    let length: Vec<i64> = tasks
        .iter()
        .map(|t| i64::from(t.duration_weeks) * WEEK)
        .collect();
    let mut start: Vec<i64> = tasks
        .iter()
        .map(|t| match t.pinned_term {
            Some(term) => clock.first_on_or_after(timeline.terms[term as usize].start),
            None => 0,
        })
        .collect();
    // The predecessor that set each task's start; `None` where its own floor did.
    let mut driver: Vec<Option<usize>> = vec![None; tasks.len()];
    for &i in &graph.order {
        let finish = start[i] + length[i];
        for edge in graph.successors(i) {
            let s = edge.successor;
            let ready = finish + i64::from(edge.lag_weeks) * WEEK;
            if ready > start[s] || (ready == start[s] && driver[s].is_none()) {
                start[s] = ready;
                driver[s] = Some(i);
            }
        }
    }
    let finish_of = |i: usize| start[i] + length[i];
    let end = (0..tasks.len()).map(finish_of).max().unwrap_or(0);

    let mut latest_finish = vec![end; tasks.len()];
    for &i in graph.order.iter().rev() {
        for edge in graph.successors(i) {
            let s = edge.successor;
            let latest_start = latest_finish[s] - length[s];
            latest_finish[i] =
                latest_finish[i].min(latest_start - i64::from(edge.lag_weeks) * WEEK);
        }
    }

    // The task that ends the plan (the first in the plan's order, on a tie).
    let last = (0..tasks.len()).find(|&i| finish_of(i) == end);
    if clock.date(end).is_none() {
        let last = last.unwrap_or(0);
        return Err(ValidationErrors(vec![error(
            &format!("tasks.{last}.durationWeeks"),
            format!(
                "The work plan would end after the year 9999, with “{}”; check the durations \
                 and waits",
                tasks[last].title.trim()
            ),
        )]));
    }
    // Every day below is within 0..=end, which was just dated.
    let date = |day: i64| clock.date(day).expect("dated: within the plan");
    let last_of = |from: i64, len: i64| date(from + (len - 1).max(0));
    let scheduled: Vec<ScheduledTask> = tasks
        .iter()
        .enumerate()
        .map(|(i, task)| {
            let latest_start = latest_finish[i] - length[i];
            let slack = latest_start - start[i];
            let phase_end = task
                .phase
                .and_then(|p| timeline.phases.iter().find(|span| span.phase == p))
                .and_then(|span| span.end);
            let earliest_finish = last_of(start[i], length[i]);
            ScheduledTask {
                id: task.id.clone(),
                start_day: day_count(start[i]),
                working_days: day_count(length[i]),
                earliest_start: date(start[i]),
                earliest_finish,
                latest_start: date(latest_start),
                latest_finish: last_of(latest_start, length[i]),
                slack_days: day_count(slack),
                critical: slack == 0,
                phase_end,
                late_for_phase: phase_end.is_some_and(|e| earliest_finish > e),
            }
        })
        .collect();
    let links = plan
        .dependencies
        .iter()
        .zip(&graph.ends)
        .map(|(dep, &(p, s))| ScheduledLink {
            predecessor: dep.predecessor.clone(),
            successor: dep.successor.clone(),
            lag_weeks: dep.lag_weeks,
            critical: scheduled[p].critical
                && scheduled[s].critical
                && start[s] == finish_of(p) + i64::from(dep.lag_weeks) * WEEK,
        })
        .collect();
    Ok(Schedule {
        start: date(0),
        finish: scheduled
            .iter()
            .map(|t| t.earliest_finish)
            .max()
            .unwrap_or(date(0)),
        working_days: day_count(end),
        tasks: scheduled,
        critical_path: critical_chain(plan, &driver, last),
        links,
    })
}

/// Follows the predecessors that set each start back from the task that ends the plan.
fn critical_chain(plan: &WorkPlan, driver: &[Option<usize>], last: Option<usize>) -> Vec<String> {
    let mut chain = Vec::new();
    let mut at = last;
    while let Some(i) = at {
        chain.push(plan.tasks[i].id.clone());
        at = driver[i];
    }
    chain.reverse();
    chain
}

/// Days fit in u32: a dated schedule ends before the year 10,000 (under three million working
/// days), and slack is never negative.
fn day_count(days: i64) -> u32 {
    u32::try_from(days).expect("a day count within a dated plan")
}
