//! The work plan a plan starts from: each adopted action as a task (owner role, duration and
//! phase from the action library), a gate milestone at the end of each phase that another
//! phase follows, and the first credit awarded. An action waits for the gate that opens its
//! phase and feeds the gate that closes it, so the Gantt chart reads Prepare → Pilot → Scale →
//! Sustain and a late action visibly pushes its gate.

use super::{Dependency, Task, TaskKind, WorkPlan};
use crate::assessment::{Assessment, Phase, guide};
use crate::rollout::{PhaseSpan, RolloutResult};

/// Who decides that a phase's gate criteria are met.
const GATE_OWNER: &str = "Provost";
const FIRST_CREDIT_OWNER: &str = "Registrar";

/// Tasks and dependencies for the actions adopted in `assessment`, on `rollout`'s phases.
/// Actions no longer in the library are left out; one adopted twice is one task.
pub fn propose_tasks(assessment: &Assessment, rollout: &RolloutResult) -> WorkPlan {
    let term_count = rollout.terms.len() as u32;
    let gates: Vec<(Phase, Task)> = rollout
        .phases
        .iter()
        .filter_map(|span| gate(span, term_count).map(|task| (span.phase, task)))
        .collect();
    // The gate closing a phase, and the gate opening it (the previous phase's).
    let closing = |phase: Phase| gates.iter().find(|(p, _)| *p == phase).map(|(_, t)| t);
    let opening = |phase: Phase| {
        let first = rollout
            .phases
            .iter()
            .find(|s| s.phase == phase)?
            .first_term?;
        gates
            .iter()
            .map(|(_, t)| t)
            .find(|t| t.pinned_term == Some(first))
    };

    let mut actions: Vec<_> = assessment
        .adopted_actions
        .iter()
        .filter_map(|adopted| guide().action(&adopted.action))
        .collect();
    // A plan file may list an action twice; it is one task.
    let mut seen = std::collections::HashSet::new();
    actions.retain(|a| seen.insert(a.key.as_str()));
    actions.sort_by_key(|a| a.phase);
    let mut plan = WorkPlan::default();
    for action in actions {
        let task = Task {
            id: action.key.clone(),
            title: action.title.clone(),
            owner_role: action.owner_role.clone(),
            duration_weeks: i32::from(action.duration_weeks),
            pinned_term: None,
            phase: Some(action.phase),
            kind: TaskKind::Action {
                action: action.key.clone(),
            },
        };
        if let Some(gate) = opening(action.phase) {
            plan.dependencies
                .push(Dependency::new(&gate.id, &task.id, 0));
        }
        if let Some(gate) = closing(action.phase) {
            plan.dependencies
                .push(Dependency::new(&task.id, &gate.id, 0));
        }
        plan.tasks.push(task);
    }
    // Each gate after its phase's actions (which are sorted by phase).
    for (phase, gate) in gates {
        let at = plan
            .tasks
            .iter()
            .position(|t| t.phase.is_some_and(|p| p > phase))
            .unwrap_or(plan.tasks.len());
        plan.tasks.insert(at, gate);
    }
    if let Some(first_credit) = first_credit(rollout) {
        plan.tasks.push(first_credit);
    }
    plan
}

/// The gate at the end of `span`, on the first day of the term after it; none for a phase
/// with no term in the plan or one that runs to the plan's end.
fn gate(span: &PhaseSpan, term_count: u32) -> Option<Task> {
    let next = span.last_term? + 1;
    if next >= term_count {
        return None;
    }
    let (key, title) = match span.phase {
        Phase::Prepare => ("prepare", "Prepare phase gate: the pilot begins"),
        Phase::Pilot => ("pilot", "Pilot phase gate: scaling up begins"),
        Phase::Scale => ("scale", "Scale phase gate: sustained operation begins"),
        Phase::Sustain => ("sustain", "Sustain phase gate: the plan is reviewed"),
    };
    Some(Task {
        id: format!("gate_{key}"),
        title: title.to_owned(),
        owner_role: GATE_OWNER.to_owned(),
        duration_weeks: 0,
        pinned_term: Some(next),
        phase: None,
        kind: TaskKind::PhaseGate { phase: span.phase },
    })
}

/// The end of the first term in which the model awards credit (the start of the term after
/// it); none when no credit is awarded before the plan's last term.
fn first_credit(rollout: &RolloutResult) -> Option<Task> {
    let term = rollout
        .uptake
        .by_term
        .iter()
        .position(|t| t.credits_awarded > 0.0)?;
    let next = u32::try_from(term + 1).ok()?;
    ((next as usize) < rollout.terms.len()).then(|| Task {
        id: "first_credit_awarded".to_owned(),
        title: "First credit awarded".to_owned(),
        owner_role: FIRST_CREDIT_OWNER.to_owned(),
        duration_weeks: 0,
        pinned_term: Some(next),
        phase: None,
        kind: TaskKind::Milestone,
    })
}
