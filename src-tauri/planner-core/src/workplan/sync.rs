//! Keeps what the plan proposes in step with what it says: adopting an action adds its task,
//! dropping it removes the task and its dependencies; the rollout's phases place the gate
//! milestones, and its model dates the first credit awarded and fills the model's KPIs. Tasks
//! the dean added, and every change the dean made to a proposed task, stay as they are.

use std::collections::{HashMap, HashSet};

use super::propose::{FIRST_CREDIT, SENATE_APPROVAL, propose_action_tasks};
use super::{Task, TaskKind, WorkPlan, keep_kpis_in_step, propose_tasks};
use crate::plan::Plan;
use crate::rollout::project_central;

/// The task comes from the plan itself (an adopted action, a phase gate, the senate's approval,
/// the first credit awarded), so the plan adds and removes it, never the dean.
pub fn is_proposed(task: &Task) -> bool {
    match &task.kind {
        TaskKind::Action { .. } | TaskKind::PhaseGate { .. } => true,
        TaskKind::Milestone => task.id == SENATE_APPROVAL || task.id == FIRST_CREDIT,
        TaskKind::Custom => false,
    }
}

/// The rollout decides the term the task falls in.
pub fn pinned_by_rollout(task: &Task) -> bool {
    match &task.kind {
        TaskKind::PhaseGate { .. } => true,
        TaskKind::Milestone => task.id == FIRST_CREDIT,
        _ => false,
    }
}

/// Brings the proposed tasks, and the KPIs, in step with the plan's adopted actions and rollout.
/// While the rollout cannot be projected, only the actions' tasks follow (the gates and the
/// first credit keep their terms until it can).
pub(crate) fn keep_in_step(plan: &mut Plan) {
    let result = plan
        .rollout
        .as_ref()
        .and_then(|inputs| project_central(&plan.profile, inputs).ok());
    match &result {
        Some(result) => {
            let proposal = propose_tasks(&plan.assessment, result);
            merge(&mut plan.work_plan, proposal, true);
            keep_kpis_in_step(&mut plan.kpis, result);
        }
        None => merge(
            &mut plan.work_plan,
            propose_action_tasks(&plan.assessment),
            false,
        ),
    }
}

/// Removes the proposed tasks no longer proposed, re-pins the gates, and adds the newly proposed
/// tasks after the proposed task they follow, with their proposed dependencies.
fn merge(work: &mut WorkPlan, proposal: WorkPlan, with_calendar: bool) {
    let in_scope = |t: &Task| is_proposed(t) && (with_calendar || !pinned_by_rollout(t));
    let proposed_ids: HashSet<&str> = proposal.tasks.iter().map(|t| t.id.as_str()).collect();
    let gone: HashSet<String> = work
        .tasks
        .iter()
        .filter(|t| in_scope(t) && !proposed_ids.contains(t.id.as_str()))
        .map(|t| t.id.clone())
        .collect();
    work.tasks.retain(|t| !gone.contains(&t.id));
    work.dependencies
        .retain(|d| !gone.contains(&d.predecessor) && !gone.contains(&d.successor));

    let at: HashMap<String, usize> = work
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), i))
        .collect();
    // New tasks by the task they follow (`None`: before every task).
    let mut after: HashMap<Option<String>, Vec<Task>> = HashMap::new();
    let mut added: HashSet<String> = HashSet::new();
    let mut anchor: Option<String> = None;
    for task in proposal.tasks {
        match at.get(&task.id) {
            Some(&i) => {
                let kept = &mut work.tasks[i];
                if with_calendar && pinned_by_rollout(kept) {
                    kept.pinned_term = task.pinned_term;
                }
                anchor = Some(task.id);
            }
            None => {
                added.insert(task.id.clone());
                after.entry(anchor.clone()).or_default().push(task);
            }
        }
    }
    if added.is_empty() {
        return;
    }
    let mut tasks = after.remove(&None).unwrap_or_default();
    for task in std::mem::take(&mut work.tasks) {
        let following = after.remove(&Some(task.id.clone()));
        tasks.push(task);
        tasks.extend(following.into_iter().flatten());
    }
    work.tasks = tasks;
    let pairs: HashSet<(String, String)> = work
        .dependencies
        .iter()
        .map(|d| (d.predecessor.clone(), d.successor.clone()))
        .collect();
    work.dependencies
        .extend(proposal.dependencies.into_iter().filter(|d| {
            (added.contains(&d.predecessor) || added.contains(&d.successor))
                && !pairs.contains(&(d.predecessor.clone(), d.successor.clone()))
        }));
}
