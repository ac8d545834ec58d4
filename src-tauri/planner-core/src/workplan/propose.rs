//! The work plan a plan starts from: each adopted action as a task (owner role, duration and
//! phase from the action library), a gate milestone at the end of each phase that another
//! phase follows, the senate's approval when the senate is consulted, and the first credit
//! awarded. An action waits for the gate that opens its phase and feeds the gate that closes
//! it, so the Gantt chart reads Prepare → Pilot → Scale → Sustain and a late action visibly
//! pushes its gate.

use super::{Dependency, Task, TaskKind, WorkPlan};
use crate::assessment::{Assessment, Phase, guide};
use crate::rollout::{PhaseSpan, RolloutResult};

/// Who decides that a phase's gate criteria are met.
const GATE_OWNER: &str = "Provost";
const FIRST_CREDIT_OWNER: &str = "Registrar";
/// The action after which the senate's approval is a milestone of its own.
const SENATE_CONSULTATION: &str = "faculty_senate_consultation";
/// The milestones proposed here other than the gates; the plan keeps them in step.
pub(super) const SENATE_APPROVAL: &str = "senate_approval";
pub(super) const FIRST_CREDIT: &str = "first_credit_awarded";

/// Tasks and dependencies for the actions adopted in `assessment`, on `rollout`'s phases.
/// Actions no longer in the library are left out; one adopted twice is one task.
pub fn propose_tasks(assessment: &Assessment, rollout: &RolloutResult) -> WorkPlan {
    let mut plan = propose_on(assessment, &rollout.phases, rollout.terms.len() as u32);
    if let Some(first_credit) = first_credit(rollout) {
        plan.tasks.push(first_credit);
    }
    plan
}

/// The adopted actions' tasks alone, for a plan whose rollout has no calendar yet.
pub fn propose_action_tasks(assessment: &Assessment) -> WorkPlan {
    propose_on(assessment, &[], 0)
}

fn propose_on(assessment: &Assessment, phases: &[PhaseSpan], term_count: u32) -> WorkPlan {
    let gates: Vec<(Phase, Task)> = phases
        .iter()
        .filter_map(|span| gate(span, term_count).map(|task| (span.phase, task)))
        .collect();
    // The gate closing a phase, and the gate opening it (the previous phase's).
    let closing = |phase: Phase| gates.iter().find(|(p, _)| *p == phase).map(|(_, t)| t);
    let opening = |phase: Phase| {
        let first = phases.iter().find(|s| s.phase == phase)?.first_term?;
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
        let mut chain = vec![Task {
            id: action.key.clone(),
            title: action.title.clone(),
            owner_role: action.owner_role.clone(),
            duration_weeks: i32::from(action.duration_weeks),
            pinned_term: None,
            phase: Some(action.phase),
            kind: TaskKind::Action {
                action: action.key.clone(),
            },
        }];
        if action.key == SENATE_CONSULTATION {
            chain.push(senate_approval(action.phase));
        }
        let deps = &mut plan.dependencies;
        if let Some(gate) = opening(action.phase) {
            deps.push(Dependency::new(&gate.id, &chain[0].id, 0));
        }
        for pair in chain.windows(2) {
            deps.push(Dependency::new(&pair[0].id, &pair[1].id, 0));
        }
        if let (Some(gate), Some(last)) = (closing(action.phase), chain.last()) {
            deps.push(Dependency::new(&last.id, &gate.id, 0));
        }
        plan.tasks.extend(chain);
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
    plan
}

/// The senate's vote, which follows its consultation and comes before the phase's gate.
fn senate_approval(phase: Phase) -> Task {
    Task {
        id: SENATE_APPROVAL.to_owned(),
        title: "Faculty senate approves the plan".to_owned(),
        owner_role: "Faculty senate chair".to_owned(),
        duration_weeks: 0,
        pinned_term: None,
        phase: Some(phase),
        kind: TaskKind::Milestone,
    }
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
        id: FIRST_CREDIT.to_owned(),
        title: "First credit awarded".to_owned(),
        owner_role: FIRST_CREDIT_OWNER.to_owned(),
        duration_weeks: 0,
        pinned_term: Some(next),
        phase: None,
        kind: TaskKind::Milestone,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{at, dates, day};
    use super::super::{Timeline, schedule};
    use super::*;

    fn sample() -> (crate::Plan, crate::rollout::RolloutResult) {
        let plan = crate::sample_plan();
        let inputs = plan.rollout.as_ref().expect("the sample has a rollout");
        let result = crate::rollout::project(&plan.profile, inputs).expect("the sample is valid");
        (plan, result)
    }

    #[test]
    fn adopted_actions_become_tasks_between_the_gates_of_their_phase() {
        // The sample: Prepare from Spring 2027 (term 0), Pilot from Fall 2027 (term 2), Scale
        // from Fall 2028 (term 5), Sustain from Fall 2030 (term 11) to the plan's end.
        let (plan, result) = sample();
        let work = propose_tasks(&plan.assessment, &result);
        for adopted in &plan.assessment.adopted_actions {
            let action = crate::assessment::guide()
                .action(&adopted.action)
                .expect("in the library");
            let task = work
                .tasks
                .iter()
                .find(|t| t.id == action.key)
                .expect("each adopted action is a task");
            assert_eq!(
                (
                    &task.title,
                    &task.owner_role,
                    task.duration_weeks,
                    task.phase
                ),
                (
                    &action.title,
                    &action.owner_role,
                    i32::from(action.duration_weeks),
                    Some(action.phase)
                ),
                "{}",
                action.key
            );
        }
        let gates: Vec<_> = work
            .tasks
            .iter()
            .filter(|t| matches!(t.kind, TaskKind::PhaseGate { .. }))
            .map(|t| (t.id.as_str(), t.pinned_term))
            .collect();
        assert_eq!(
            gates,
            [
                ("gate_prepare", Some(3)),
                ("gate_pilot", Some(6)),
                ("gate_scale", Some(12))
            ],
            "no gate closes Sustain, which runs to the plan's end"
        );
        let waits = |p: &str, s: &str| {
            work.dependencies
                .iter()
                .any(|d| d.predecessor == p && d.successor == s)
        };
        // "Assign named support staff" is a Pilot action: after the Prepare gate, before the
        // Pilot one.
        assert!(waits("gate_prepare", "protected_support_staff"));
        assert!(waits("protected_support_staff", "gate_pilot"));
        assert!(waits("pilot_budget_line", "gate_prepare"));
        assert!(
            !work
                .dependencies
                .iter()
                .any(|d| d.successor == "pilot_budget_line")
        );

        let mut twice = plan.assessment.clone();
        twice.adopted_actions.push(twice.adopted_actions[0].clone());
        assert_eq!(
            propose_tasks(&twice, &result),
            work,
            "an action adopted twice is one task"
        );

        let s = schedule(&work, &Timeline::of(&result)).expect("the proposal is valid");
        // The plan starts Tuesday 1 September 2026; the Prepare gate is Fall 2027's first day,
        // Wednesday 25 August 2027, and the Pilot action starts then.
        let gate = at(&s, "gate_prepare");
        assert_eq!(dates(gate), (day(2027, 8, 25), day(2027, 8, 25)));
        assert_eq!(
            at(&s, "protected_support_staff").earliest_start,
            day(2027, 8, 25)
        );
        assert!(
            s.tasks.iter().all(|t| !t.late_for_phase),
            "the sample's actions fit their phases"
        );
    }

    #[test]
    fn an_action_too_long_for_its_phase_is_flagged_and_pushes_the_gate() {
        // Sixty weeks of support-staff work from Wednesday 25 August 2027 end on Tuesday
        // 17 October 2028, after the Pilot phase ends (24 August 2028): the Pilot gate moves from
        // Friday 25 August to Wednesday 18 October 2028, and the Scale action with it.
        let (plan, result) = sample();
        let mut work = propose_tasks(&plan.assessment, &result);
        let staff = work
            .tasks
            .iter_mut()
            .find(|t| t.id == "protected_support_staff")
            .expect("adopted in the sample");
        staff.duration_weeks = 60;
        let s = schedule(&work, &Timeline::of(&result)).expect("valid");
        let late = at(&s, "protected_support_staff");
        assert_eq!(late.earliest_finish, day(2028, 10, 17));
        assert_eq!(
            (late.late_for_phase, late.phase_end),
            (true, Some(day(2028, 8, 24)))
        );
        assert_eq!(at(&s, "gate_pilot").earliest_start, day(2028, 10, 18));
        assert_eq!(
            at(&s, "stackable_pathways").earliest_start,
            day(2028, 10, 18)
        );
    }

    #[test]
    fn consulting_the_senate_adds_its_approval_before_the_gate() {
        // Six weeks of consultation from Tuesday 1 September 2026 end on Monday 12 October;
        // the senate approves on Tuesday 13 October, well before the Prepare gate.
        let (mut plan, result) = sample();
        plan.assessment
            .set_adopted(SENATE_CONSULTATION, true, "2026-11-02")
            .expect("in the library");
        let work = propose_tasks(&plan.assessment, &result);
        let waits = |p: &str, s: &str| {
            work.dependencies
                .iter()
                .any(|d| d.predecessor == p && d.successor == s)
        };
        assert!(waits(SENATE_CONSULTATION, "senate_approval"));
        assert!(waits("senate_approval", "gate_prepare"));
        assert!(
            !waits(SENATE_CONSULTATION, "gate_prepare"),
            "through the approval"
        );
        let approval = work
            .tasks
            .iter()
            .find(|t| t.id == "senate_approval")
            .expect("proposed");
        assert_eq!(
            (approval.kind.is_milestone(), approval.owner_role.as_str()),
            (true, "Faculty senate chair")
        );
        let s = schedule(&work, &Timeline::of(&result)).expect("valid");
        assert_eq!(
            dates(at(&s, SENATE_CONSULTATION)),
            (day(2026, 9, 1), day(2026, 10, 12))
        );
        assert_eq!(at(&s, "senate_approval").earliest_start, day(2026, 10, 13));
        let sample_work = propose_tasks(&sample().0.assessment, &result);
        assert!(
            sample_work.tasks.iter().all(|t| t.id != "senate_approval"),
            "no approval milestone without the consultation"
        );
    }
}
