use chrono::NaiveDate;
use planner_core::assessment::{Answer, AreaKey, AreaResponse, WizardPosition, guide};
use planner_core::{Problem, ProblemKind, RolloutStatus, StoredPlan};
use planner_store::Store;

use super::test_support::in_memory_state;
use super::*;

fn form(enrolment: &str) -> ProfileForm {
    ProfileForm {
        country: "PL".into(),
        ..ProfileForm::essentials("Pilot", "Łódź University", enrolment, "exploring")
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date")
}

fn rated(area: AreaKey, rating: u8, evidence: &str) -> PlanEdit {
    let n = guide().area(area).statements.len();
    PlanEdit::AreaResponse {
        area,
        response: AreaResponse {
            answers: vec![Answer::Rated(rating); n],
            evidence: evidence.into(),
        },
    }
}

/// Checks `edit` on the plan `before` is refused as invalid with its first message under
/// `field` naming `named`, and that the plan is left as it was; answers the problem.
/// `edit` saved on top of `before`, which must succeed (`what` names it if not).
fn apply(state: &AppState, before: &StoredPlan, edit: PlanEdit, what: &str) -> PlanDetail {
    state
        .edit_plan(before.id, before.revision, edit)
        .expect(what)
}

fn refused(
    state: &AppState,
    before: &PlanDetail,
    edit: PlanEdit,
    field: &str,
    named: &str,
) -> Problem {
    let id = before.stored.id;
    let problem = state
        .edit_plan(id, before.stored.revision, edit)
        .expect_err(named)
        .problem();
    assert_eq!(problem.kind, ProblemKind::Invalid);
    assert_eq!(problem.fields[0].field, field);
    assert!(
        problem.fields[0].message.contains(named),
        "{}",
        problem.fields[0].message
    );
    assert_eq!(
        state.get_plan(id).expect("get"),
        *before,
        "a refused edit changes nothing"
    );
    problem
}

#[test]
fn a_new_store_opens_with_the_sample_plan() {
    let plans = in_memory_state().list_plans().expect("list");
    assert_eq!(plans.len(), 1);
    assert_eq!(
        plans[0].institution_name,
        planner_core::sample_plan().profile.name
    );
}

#[test]
fn an_invalid_profile_is_refused_with_field_messages_and_nothing_changes() {
    let state = in_memory_state();
    let plan = state.create_plan(&form("20,000")).expect("create");
    for bad in ["-5", "abc"] {
        let problem = refused(
            &state,
            &plan,
            PlanEdit::Profile(Box::new(form(bad))),
            "totalEnrolment",
            bad,
        );
        assert_eq!(problem.fields.len(), 1);
    }
}

#[test]
fn a_valid_profile_is_saved() {
    let state = in_memory_state();
    let plan = state.create_plan(&form("20,000")).expect("create");
    let mut edited = form("21 500");
    edited.stage = "offering".into();
    let saved = apply(
        &state,
        &plan.stored,
        PlanEdit::Profile(Box::new(edited)),
        "save",
    );
    assert_eq!(saved.stored.plan.profile.total_enrolment, 21_500);
    assert_eq!(saved.stored.revision, plan.stored.revision + 1);
    assert_eq!(state.get_plan(plan.stored.id).expect("get"), saved);
}

#[test]
fn assessment_answers_are_saved_scored_and_refused_when_wrong() {
    let state = in_memory_state();
    let created = state.create_plan(&form("1000")).expect("create").stored;
    let detail = apply(
        &state,
        &created,
        rated(AreaKey::Quality, 1, "Few know"),
        "save",
    );
    let quality = detail
        .assessment_result
        .areas
        .iter()
        .find(|a| a.area == AreaKey::Quality);
    assert!(
        quality.and_then(|q| q.score).is_some(),
        "the saved area is scored"
    );

    let wrong = PlanEdit::AreaResponse {
        area: AreaKey::Quality,
        response: AreaResponse {
            answers: vec![Answer::Rated(1)],
            evidence: String::new(),
        },
    };
    refused(&state, &detail, wrong, "answers", "statements");

    let position = WizardPosition::Area {
        area: AreaKey::Resources,
    };
    let moved = apply(
        &state,
        &detail.stored,
        PlanEdit::WizardPosition(position),
        "move",
    );
    assert_eq!(moved.stored.plan.assessment.position, position);
    let action = guide().actions[0].key.clone();
    let adopt = |action: &str| PlanEdit::ActionAdopted {
        action: action.to_owned(),
        adopted: true,
        today: today(),
    };
    let adopted = apply(&state, &moved.stored, adopt(&action), "adopt");
    assert_eq!(
        adopted.stored.plan.assessment.adopted_actions[0].action,
        action
    );
    refused(&state, &adopted, adopt("made_up"), "action", "made_up");
}

#[test]
fn a_rollout_is_started_edited_and_refused_field_by_field() {
    let state = in_memory_state();
    let created = state.create_plan(&form("12,000")).expect("create").stored;
    let started = apply(
        &state,
        &created,
        PlanEdit::StartRollout { today: today() },
        "start",
    );
    let Some(mut inputs) = started.stored.plan.rollout.clone() else {
        panic!("the rollout was set up");
    };
    assert!(matches!(
        started.projection,
        RolloutStatus::Projected { .. }
    ));

    inputs.horizon_years = 3;
    let edit = PlanEdit::Rollout(Box::new(inputs.clone()));
    let saved = apply(&state, &started.stored, edit, "save");
    assert_eq!(
        saved.stored.plan.rollout.as_ref().map(|r| r.horizon_years),
        Some(3)
    );

    inputs.horizon_years = 11;
    let too_long = PlanEdit::Rollout(Box::new(inputs));
    refused(&state, &saved, too_long, "horizonYears", "11");
}

#[test]
fn a_preview_shows_the_edit_s_figures_and_saves_nothing() {
    let state = in_memory_state();
    let sample = state.list_plans().expect("list")[0].id;
    let before = state.get_plan(sample).expect("the sample plan");
    let mut inputs = before.stored.plan.rollout.clone().expect("a rollout");
    inputs.horizon_years = 6;
    let draft = |inputs: &planner_core::rollout::RolloutInputs| DraftEdit::Rollout {
        inputs: Box::new(inputs.clone()),
    };
    let preview = state
        .preview_plan_edit(sample, draft(&inputs))
        .expect("valid inputs");
    let DraftFigures::Rollout {
        projection: RolloutStatus::Projected { result },
    } = &preview
    else {
        panic!("the preview has figures: {preview:?}");
    };
    assert_eq!(
        (result.start_date.to_string(), result.end_date.to_string()),
        ("2026-09-01".into(), "2032-08-31".into()),
        "the sample's five years, previewed as six"
    );
    assert_eq!(
        state.get_plan(sample).expect("get"),
        before,
        "nothing was saved"
    );
    inputs.horizon_years = 11;
    let problem = state
        .preview_plan_edit(sample, draft(&inputs))
        .expect_err("too long")
        .problem();
    assert_eq!(
        (problem.kind, problem.fields[0].field.as_str()),
        (ProblemKind::Invalid, "horizonYears")
    );
}

#[test]
fn a_missing_plan_is_not_found() {
    let problem = in_memory_state()
        .edit_plan(404, 1, PlanEdit::Profile(Box::new(form("1"))))
        .expect_err("missing")
        .problem();
    assert_eq!(problem.kind, ProblemKind::NotFound);
}

/// Two windows (or a window and `mcplan`) on one store file, each with its own connection.
fn two_windows() -> (tempfile::TempDir, AppState, AppState) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plans.sqlite3");
    let open = || AppState::new(Store::open(&path).expect("open")).expect("state");
    let (first, second) = (open(), open());
    (dir, first, second)
}

#[test]
fn an_edit_from_a_window_that_missed_another_change_is_refused_and_nothing_is_lost() {
    let (_dir, first, second) = two_windows();
    let shown = first.create_plan(&form("20,000")).expect("create");
    let id = shown.stored.id;
    let seen_by_second = second.get_plan(id).expect("second window reads it");

    let by_first = first
        .edit_plan(
            id,
            shown.stored.revision,
            rated(AreaKey::Quality, 2, "First"),
        )
        .expect("the first window's edit");
    let stale = rated(AreaKey::Resources, 4, "Second");
    let problem = second
        .edit_plan(id, seen_by_second.stored.revision, stale.clone())
        .expect_err("the second window has not seen the first's edit")
        .problem();
    assert_eq!(problem.kind, ProblemKind::ChangedElsewhere);
    assert_eq!(
        problem.message,
        "This plan was changed outside this window; it has been reloaded."
    );
    assert_eq!(
        second.get_plan(id).expect("get"),
        by_first,
        "the refused edit wrote nothing over the first window's"
    );

    let reloaded = second.get_plan(id).expect("reload");
    let both = second
        .edit_plan(id, reloaded.stored.revision, stale)
        .expect("re-applied on the reloaded plan");
    let responses = &both.stored.plan.assessment.responses;
    assert_eq!(responses[&AreaKey::Quality].evidence, "First");
    assert_eq!(responses[&AreaKey::Resources].evidence, "Second");
    assert_eq!(first.get_plan(id).expect("get"), both, "both windows agree");
}

#[test]
fn interleaved_edits_from_two_windows_each_land_or_are_refused_never_overwritten() {
    let (_dir, first, second) = two_windows();
    let id = first
        .create_plan(&form("20,000"))
        .expect("create")
        .stored
        .id;
    let windows = [&first, &second];
    let mut shown = [
        first.get_plan(id).expect("get"),
        second.get_plan(id).expect("get"),
    ];
    let mut landed = Vec::new();
    for (turn, area) in AreaKey::ALL.into_iter().enumerate() {
        let w = turn % 2;
        let edit = rated(area, 3, &format!("turn {turn}"));
        let detail = match windows[w].edit_plan(id, shown[w].stored.revision, edit.clone()) {
            Ok(detail) => detail,
            Err(err) => {
                assert_eq!(err.problem().kind, ProblemKind::ChangedElsewhere);
                let reloaded = windows[w].get_plan(id).expect("reload");
                windows[w]
                    .edit_plan(id, reloaded.stored.revision, edit)
                    .expect("applies on the reloaded plan")
            }
        };
        landed.push(area);
        shown[w] = detail;
    }
    let plan = first.get_plan(id).expect("get").stored.plan;
    for (turn, area) in landed.into_iter().enumerate() {
        assert_eq!(
            plan.assessment.responses[&area].evidence,
            format!("turn {turn}"),
            "{area:?}'s edit is kept"
        );
    }
}

#[test]
fn a_task_and_its_dependency_are_saved_and_a_circle_is_refused_with_nothing_written() {
    use planner_core::ScheduleStatus;
    use planner_core::workplan::{Dependency, TaskFields, WorkPlanEdit};
    let state = in_memory_state();
    let sample = state.get_plan(1).expect("the sample plan");
    let task = TaskFields {
        title: "Brief the deans' council".into(),
        owner_role: "Provost".into(),
        duration_weeks: 2,
        pinned_term: None,
        phase: None,
        milestone: false,
    };
    let added = apply(
        &state,
        &sample.stored,
        PlanEdit::WorkPlan(WorkPlanEdit::AddTask { task }),
        "add a task",
    );
    let id = added
        .stored
        .plan
        .work_plan
        .tasks
        .last()
        .expect("added")
        .id
        .clone();
    let dependency = Dependency::new("pilot_budget_line", &id, 0);
    let linked = apply(
        &state,
        &added.stored,
        PlanEdit::WorkPlan(WorkPlanEdit::AddDependency { dependency }),
        "add a dependency",
    );
    let ScheduleStatus::Scheduled { schedule } = &linked.schedule else {
        panic!("scheduled: {:?}", linked.schedule);
    };
    let row = |id: &str| {
        schedule
            .tasks
            .iter()
            .find(|t| t.id == id)
            .expect("scheduled")
    };
    assert!(
        row(&id).earliest_start > row("pilot_budget_line").earliest_finish,
        "the new task waits for the budget line"
    );
    let circle = Dependency::new(&id, "pilot_budget_line", 0);
    // Two dependencies make the circle; the message sits on the one saved before.
    let closing = format!(
        "dependencies.{}",
        linked.stored.plan.work_plan.dependencies.len() - 1
    );
    let edit = PlanEdit::WorkPlan(WorkPlanEdit::AddDependency { dependency: circle });
    refused(&state, &linked, edit, &closing, "Brief the deans' council");
}

#[test]
fn a_report_names_the_version_the_plan_is_or_says_it_is_the_working_copy() {
    let state = in_memory_state();
    let id = state.list_plans().expect("list")[0].id;
    let version = |state: &AppState| state.reported_version(id).expect("the version");
    assert_eq!(version(&state), planner_core::ReportedVersion::WorkingCopy);
    state
        .store()
        .snapshot_plan(id, "sent to committee")
        .expect("snapshot");
    assert!(
        matches!(version(&state), planner_core::ReportedVersion::Saved { number: 1, ref label, .. }
            if label == "sent to committee"),
        "the plan as version 1 keeps it: {:?}",
        version(&state)
    );
    let before = state.get_plan(id).expect("the plan");
    apply(
        &state,
        &before.stored,
        rated(AreaKey::Resources, 2, "thin"),
        "an answer",
    );
    assert!(
        matches!(
            version(&state),
            planner_core::ReportedVersion::ChangedSince { number: 1, .. }
        ),
        "changed since: {:?}",
        version(&state)
    );
}
