//! The work plan, risks, KPIs and engagement as a plan's edits change them.

use super::*;
use crate::workplan::{
    Dependency, KpiKey, KpiSource, KpiTarget, Risk, TaskFields, TaskKind, WorkPlanEdit,
};
use crate::{EngagementStatus, ScheduleStatus, StoredPlan, sample_plan};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date")
}

fn apply(edit: PlanEdit, plan: &Plan) -> Plan {
    edit.apply(plan).expect("a valid edit")
}

fn ids(plan: &Plan) -> Vec<&str> {
    plan.work_plan.tasks.iter().map(|t| t.id.as_str()).collect()
}

fn waits(plan: &Plan, predecessor: &str, successor: &str) -> bool {
    plan.work_plan
        .dependencies
        .iter()
        .any(|d| d.predecessor == predecessor && d.successor == successor)
}

fn adopt(action: &str, adopted: bool) -> PlanEdit {
    PlanEdit::ActionAdopted {
        action: action.to_owned(),
        adopted,
        today: today(),
    }
}

fn custom(title: &str, weeks: i32) -> TaskFields {
    TaskFields {
        title: title.to_owned(),
        owner_role: "Dean of continuing education".to_owned(),
        duration_weeks: weeks,
        pinned_term: None,
        phase: None,
        milestone: weeks == 0,
    }
}

fn work(edit: WorkPlanEdit) -> PlanEdit {
    PlanEdit::WorkPlan(edit)
}

fn depend(predecessor: &str, successor: &str) -> PlanEdit {
    work(WorkPlanEdit::AddDependency {
        dependency: Dependency::new(predecessor, successor, 0),
    })
}

#[test]
fn adopting_an_action_adds_its_task_and_dropping_it_removes_task_and_dependencies() {
    let before = sample_plan();
    let after = apply(adopt("faculty_senate_consultation", true), &before);
    let consultation = after
        .work_plan
        .tasks
        .iter()
        .find(|t| t.id == "faculty_senate_consultation")
        .expect("the adopted action is a task");
    let action = crate::assessment::guide()
        .action("faculty_senate_consultation")
        .expect("in the library");
    assert_eq!(
        (
            &consultation.owner_role,
            consultation.duration_weeks,
            consultation.phase
        ),
        (
            &action.owner_role,
            i32::from(action.duration_weeks),
            Some(action.phase)
        ),
        "owner, duration and phase from the action library"
    );
    assert!(waits(
        &after,
        "faculty_senate_consultation",
        "senate_approval"
    ));
    assert!(waits(&after, "senate_approval", "gate_prepare"));
    for task in &before.work_plan.tasks {
        let kept = after.work_plan.tasks.iter().find(|t| t.id == task.id);
        assert_eq!(kept, Some(task), "{} is untouched", task.id);
    }

    let dropped = apply(adopt("faculty_senate_consultation", false), &after);
    assert_eq!(dropped.work_plan, before.work_plan, "back where it was");

    let staff = apply(adopt("protected_support_staff", false), &before);
    assert!(!ids(&staff).contains(&"protected_support_staff"));
    assert!(
        staff
            .work_plan
            .dependencies
            .iter()
            .all(|d| d.predecessor != "protected_support_staff"
                && d.successor != "protected_support_staff"),
        "no dependency names the dropped task"
    );
}

#[test]
fn starting_the_rollout_gives_the_gates_risks_and_kpis_and_moving_a_phase_moves_its_gate() {
    let mut plan = sample_plan();
    plan.rollout = None;
    plan.work_plan = Default::default();
    plan.risks.clear();
    plan.kpis.clear();
    let adopted = apply(adopt("faculty_champions", false), &plan);
    let adopted = apply(adopt("faculty_champions", true), &adopted);
    assert!(
        ids(&adopted).contains(&"faculty_champions"),
        "an action adopted before the rollout is a task already"
    );
    assert!(!ids(&adopted).iter().any(|id| id.starts_with("gate_")));

    let started = apply(PlanEdit::StartRollout { today: today() }, &adopted);
    let gates: Vec<_> = started
        .work_plan
        .tasks
        .iter()
        .filter(|t| matches!(t.kind, TaskKind::PhaseGate { .. }))
        .map(|t| (t.id.as_str(), t.pinned_term))
        .collect();
    // The starter rollout: three terms a year, pilot from term 1, scale from 6, sustain from 9.
    assert_eq!(
        gates,
        [
            ("gate_prepare", Some(1)),
            ("gate_pilot", Some(6)),
            ("gate_scale", Some(9))
        ]
    );
    assert!(waits(&started, "faculty_champions", "gate_prepare"));
    assert_eq!(started.kpis.len(), 6, "the six KPIs are proposed");
    assert!(!started.risks.is_empty(), "risks from the weakest areas");

    let mut inputs = started.rollout.clone().expect("started");
    inputs.phases.pilot_start_term = 2;
    let moved = apply(PlanEdit::Rollout(Box::new(inputs)), &started);
    let gate = moved
        .work_plan
        .tasks
        .iter()
        .find(|t| t.id == "gate_prepare")
        .expect("still there");
    assert_eq!(gate.pinned_term, Some(2), "the gate follows the phase");
}

#[test]
fn the_dean_adds_changes_and_removes_tasks_and_the_proposed_ones_stay() {
    let before = sample_plan();
    let added = apply(
        work(WorkPlanEdit::AddTask {
            task: custom("  Brief the deans' council ", 2),
        }),
        &before,
    );
    let task = added.work_plan.tasks.last().expect("added at the end");
    assert_eq!(
        (task.title.as_str(), task.kind.clone()),
        ("Brief the deans' council", TaskKind::Custom)
    );
    let id = task.id.clone();
    assert!(!ids(&before).contains(&id.as_str()), "a new id");

    let mut fields = custom("Brief the deans' council", 3);
    fields.owner_role = "Provost".to_owned();
    let changed = apply(
        work(WorkPlanEdit::UpdateTask {
            id: id.clone(),
            task: fields,
        }),
        &added,
    );
    let task = changed.work_plan.tasks.last().expect("kept");
    assert_eq!(
        (task.duration_weeks, task.owner_role.as_str()),
        (3, "Provost")
    );

    let with_dependency = apply(depend("pilot_budget_line", &id), &changed);
    let removed = apply(
        work(WorkPlanEdit::RemoveTask { id: id.clone() }),
        &with_dependency,
    );
    assert_eq!(
        removed.work_plan, before.work_plan,
        "task and dependency gone"
    );

    let refused = PlanEdit::WorkPlan(WorkPlanEdit::RemoveTask {
        id: "pilot_budget_line".to_owned(),
    })
    .apply(&before)
    .expect_err("an adopted action's task stays");
    assert_eq!(
        refused.0[0].message,
        "“Create a pilot budget line” is the task of an adopted action; drop the action to \
         remove its task"
    );
    let no_owner = TaskFields {
        owner_role: " ".to_owned(),
        ..custom("Audit the pilot", 4)
    };
    let refused = PlanEdit::WorkPlan(WorkPlanEdit::AddTask { task: no_owner })
        .apply(&before)
        .expect_err("every task has an owner");
    assert_eq!(refused.0[0].field, "ownerRole");
}

#[test]
fn a_dependency_closing_a_circle_is_refused_naming_its_tasks() {
    let plan = sample_plan();
    let refused = depend("stackable_pathways", "pilot_budget_line")
        .apply(&plan)
        .expect_err("pilot_budget_line leads to stackable_pathways through the gates");
    // The budget line feeds the Prepare gate, which opens the advisors' training, which the
    // pathways wait for.
    assert_eq!(
        refused.0[0].message,
        "These tasks wait for one another in a circle, so none of them can start: “Design \
         stackable pathways into certificates and degrees” → “Create a pilot budget line” → \
         “Prepare phase gate: the pilot begins” → “Train advisors on stackable pathways” → \
         “Design stackable pathways into certificates and degrees”. Remove one of these \
         dependencies."
    );

    let lagged = apply(
        work(WorkPlanEdit::UpdateDependency {
            dependency: Dependency::new("pilot_budget_line", "gate_prepare", 3),
        }),
        &plan,
    );
    let dep = lagged
        .work_plan
        .dependencies
        .iter()
        .find(|d| d.predecessor == "pilot_budget_line" && d.successor == "gate_prepare")
        .expect("kept");
    assert_eq!(dep.lag_weeks, 3);
    let unlinked = apply(
        work(WorkPlanEdit::RemoveDependency {
            predecessor: "pilot_budget_line".to_owned(),
            successor: "gate_prepare".to_owned(),
        }),
        &plan,
    );
    assert!(!waits(&unlinked, "pilot_budget_line", "gate_prepare"));
}

#[test]
fn risks_need_ratings_a_mitigation_and_an_owner() {
    let plan = sample_plan();
    let risk = Risk {
        area: None,
        title: "The system office cuts the grant".to_owned(),
        likelihood: 3,
        impact: 5,
        mitigation: "Ask campuses to match the grant".to_owned(),
        owner_role: "Chief financial officer".to_owned(),
    };
    let added = apply(PlanEdit::Risk(RiskEdit::Add { risk: risk.clone() }), &plan);
    assert_eq!(added.risks.last(), Some(&risk));
    let index = (added.risks.len() - 1) as u32;
    let bad = Risk {
        likelihood: 6,
        ..risk
    };
    let refused = PlanEdit::Risk(RiskEdit::Update { index, risk: bad })
        .apply(&added)
        .expect_err("likelihood beyond the matrix");
    assert_eq!(refused.0[0].field, format!("risks.{index}.likelihood"));
    let removed = apply(PlanEdit::Risk(RiskEdit::Remove { index }), &added);
    assert_eq!(removed.risks, plan.risks);
    let proposed_again = apply(PlanEdit::Risk(RiskEdit::Propose), &plan);
    assert_eq!(
        proposed_again.risks, plan.risks,
        "each weak area has its risk"
    );
}

#[test]
fn kpis_take_the_deans_figures_and_keep_them_when_the_model_moves() {
    let plan = sample_plan();
    let year = plan.kpis[0].targets[1].year.clone();
    let satisfaction = KpiEdit {
        key: KpiKey::LearnerSatisfaction,
        baseline: Some(75.0),
        targets: vec![KpiTarget {
            year: year.clone(),
            value: Some(90.0),
        }],
    };
    let set = apply(PlanEdit::Kpi(satisfaction), &plan);
    let kpi = set
        .kpis
        .iter()
        .find(|k| k.key == KpiKey::LearnerSatisfaction);
    let kpi = kpi.expect("among the six");
    assert_eq!((kpi.baseline, kpi.target(&year)), (Some(75.0), Some(90.0)));

    let mut inputs = set.rollout.clone().expect("sample");
    inputs.uptake.target_rate_pct /= 2.0;
    let halved = apply(PlanEdit::Rollout(Box::new(inputs)), &set);
    let enrolments = |p: &Plan| {
        p.kpis[0]
            .targets
            .iter()
            .filter_map(|t| t.value)
            .sum::<f64>()
    };
    assert!(
        enrolments(&halved) < enrolments(&set),
        "the model's enrolments follow the uptake"
    );
    assert_eq!(
        halved
            .kpis
            .iter()
            .find(|k| k.key == KpiKey::LearnerSatisfaction),
        Some(kpi),
        "the dean's KPI is kept as typed"
    );

    let model_targets = KpiEdit {
        key: KpiKey::Enrolments,
        baseline: None,
        targets: vec![KpiTarget {
            year,
            value: Some(1.0),
        }],
    };
    let refused = PlanEdit::Kpi(model_targets)
        .apply(&plan)
        .expect_err("model's");
    assert_eq!(refused.0[0].field, "targets");
    assert_eq!(plan.kpis[0].source, KpiSource::Model);
    let over = KpiEdit {
        key: KpiKey::JobReadiness,
        baseline: Some(120.0),
        targets: Vec::new(),
    };
    let refused = PlanEdit::Kpi(over).apply(&plan).expect_err("over 100 %");
    assert_eq!(
        refused.0[0].message,
        "The Job readiness baseline must be 0% to 100%, not 120%"
    );
}

#[test]
fn engagement_beyond_the_headcount_is_refused_by_field() {
    let plan = sample_plan();
    let mut engagement = plan.engagement.clone();
    engagement.departments[0].faculty_count = 20_000;
    let refused = PlanEdit::Engagement(Box::new(engagement))
        .apply(&plan)
        .expect_err("more faculty than the headcount");
    assert_eq!(refused.0[0].field, "departments.0.facultyCount");
}

#[test]
fn the_samples_detail_carries_its_schedule_engagement_and_kpis() {
    let detail = StoredPlan::unsaved(sample_plan()).detail();
    let ScheduleStatus::Scheduled { schedule } = &detail.schedule else {
        panic!("the sample schedules: {:?}", detail.schedule);
    };
    assert_eq!(
        schedule.tasks.len(),
        detail.stored.plan.work_plan.tasks.len()
    );
    assert!(
        schedule.tasks.iter().all(|t| !t.late_for_phase),
        "all in time"
    );
    assert!(!schedule.critical_path.is_empty());
    let EngagementStatus::Projected { projection } = &detail.engagement else {
        panic!("the sample's engagement counts: {:?}", detail.engagement);
    };
    assert_eq!(projection.champions, 4);
    assert_eq!(detail.kpis.len(), 6);
    assert!(detail.kpis[0].targets.iter().all(|t| t.value.is_some()));
}

#[test]
fn a_plan_saved_before_the_work_plan_still_opens() {
    let mut json = serde_json::to_value(sample_plan()).expect("serialises");
    let object = json.as_object_mut().expect("an object");
    for key in ["workPlan", "risks", "kpis", "engagement"] {
        object.remove(key);
    }
    let plan: Plan = serde_json::from_value(json).expect("still loads");
    assert!(plan.work_plan.tasks.is_empty() && plan.kpis.is_empty());
}
