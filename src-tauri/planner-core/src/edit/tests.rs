use super::*;
use crate::assessment::guide;
use crate::profile::Stage;
use crate::{InstitutionProfile, sample_plan};

fn plan() -> Plan {
    Plan::new(
        "Pilot".into(),
        InstitutionProfile::new("Łódź University", 20_000, Stage::Exploring),
    )
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date")
}

/// The field the first problem names when `edit` is refused on `plan` (`what` names the case).
fn refused_field(edit: PlanEdit, plan: &Plan, what: &str) -> String {
    edit.apply(plan).expect_err(what).0[0].field.clone()
}

fn ratings(area: AreaKey, rating: u8) -> Vec<Answer> {
    vec![Answer::Rated(rating); guide().area(area).statements.len()]
}

#[test]
fn the_profile_form_replaces_title_and_profile_and_a_bad_one_is_refused_by_field() {
    let before = plan();
    let mut form = ProfileForm::from_plan("Rollout 2028", &before.profile);
    form.total_enrolment = "21 500".into();
    let after = PlanEdit::Profile(Box::new(form.clone()))
        .apply(&before)
        .expect("valid form");
    assert_eq!(
        (after.title.as_str(), after.profile.total_enrolment),
        ("Rollout 2028", 21_500)
    );
    form.total_enrolment = "-5".into();
    let edit = PlanEdit::Profile(Box::new(form));
    assert_eq!(refused_field(edit, &before, "negative"), "totalEnrolment");
}

#[test]
fn a_file_of_answers_sets_each_area_keeps_its_evidence_and_names_the_area_when_wrong() {
    let mut before = plan();
    before.assessment.responses.insert(
        AreaKey::Quality,
        AreaResponse {
            answers: ratings(AreaKey::Quality, 2),
            evidence: "Accreditor visit in May".into(),
        },
    );
    let areas = BTreeMap::from([
        (AreaKey::Quality, ratings(AreaKey::Quality, 4)),
        (AreaKey::Resources, ratings(AreaKey::Resources, 1)),
    ]);
    let after = PlanEdit::Answers(areas).apply(&before).expect("valid");
    let quality = &after.assessment.responses[&AreaKey::Quality];
    assert_eq!(quality.answers, ratings(AreaKey::Quality, 4));
    assert_eq!(quality.evidence, "Accreditor visit in May", "evidence kept");
    assert!(after.assessment.responses.contains_key(&AreaKey::Resources));

    let short = BTreeMap::from([(AreaKey::Resources, vec![Answer::Rated(3)])]);
    let edit = PlanEdit::Answers(short);
    assert_eq!(refused_field(edit, &before, "short"), "resources.answers");

    let none = PlanEdit::Answers(BTreeMap::new()).apply(&before);
    assert_eq!(none, Ok(before), "an empty file changes nothing");
}

#[test]
fn starting_a_rollout_twice_changes_nothing_the_second_time() {
    let started = PlanEdit::StartRollout { today: today() }
        .apply(&plan())
        .expect("start");
    assert!(started.rollout.is_some(), "the rollout is set up");
    let again = PlanEdit::StartRollout {
        today: today().succ_opt().expect("a date"),
    }
    .apply(&started);
    assert_eq!(again, Ok(started), "a rollout already set up is kept");
}

#[test]
fn rollout_inputs_that_do_not_fit_the_profile_are_refused_by_field() {
    let sample = sample_plan();
    let mut inputs = sample.rollout.clone().expect("the sample has a rollout");
    inputs.horizon_years = 6;
    let after = PlanEdit::Rollout(Box::new(inputs.clone()))
        .apply(&sample)
        .expect("valid");
    assert_eq!(after.rollout.map(|r| r.horizon_years), Some(6));
    inputs.horizon_years = 11;
    let edit = PlanEdit::Rollout(Box::new(inputs));
    assert_eq!(refused_field(edit, &sample, "too long"), "horizonYears");
}

#[test]
fn adopting_dates_the_action_and_an_unknown_one_is_filed_under_action() {
    let action = guide().actions[0].key.clone();
    let adopt = |action: &str, adopted| PlanEdit::ActionAdopted {
        action: action.to_owned(),
        adopted,
        today: today(),
    };
    let after = adopt(&action, true).apply(&plan()).expect("adopt");
    assert_eq!(after.assessment.adopted_actions[0].adopted_on, "2026-11-30");
    let dropped = adopt(&action, false).apply(&after).expect("drop");
    assert!(dropped.assessment.adopted_actions.is_empty());
    let edit = adopt("made_up", true);
    assert_eq!(refused_field(edit, &plan(), "unknown"), "action");
}

#[test]
fn only_moving_the_wizard_leaves_the_edit_time_alone() {
    let position = WizardPosition::Area {
        area: AreaKey::Resources,
    };
    let moved = PlanEdit::WizardPosition(position);
    assert!(!moved.changes_content());
    assert_eq!(
        moved.apply(&plan()).expect("move").assessment.position,
        position
    );
    assert!(PlanEdit::StartRollout { today: today() }.changes_content());
}

/// The sample plan as stored at revision 3.
fn stored_sample() -> StoredPlan {
    StoredPlan {
        id: 7,
        plan: sample_plan(),
        revision: 3,
        created_at: "2026-11-01T09:00:00Z".into(),
        updated_at: "2026-11-02T09:00:00Z".into(),
    }
}

#[test]
fn a_preview_shows_the_figures_the_edit_would_save_and_keeps_the_stored_revision() {
    let stored = stored_sample();
    let mut inputs = stored
        .plan
        .rollout
        .clone()
        .expect("the sample has a rollout");
    inputs.uptake.target_rate_pct *= 2.0;
    let draft = DraftEdit::Rollout {
        inputs: Box::new(inputs.clone()),
    };
    let preview = stored.clone().preview(draft.into()).expect("valid inputs");
    let saved = PlanEdit::Rollout(Box::new(inputs.clone()))
        .apply(&stored.plan)
        .expect("valid inputs");
    let enrolments = |detail: &PlanDetail| match &detail.projection {
        crate::RolloutStatus::Projected { result } => result.uptake.totals.enrolments,
        other => panic!("expected figures, got {other:?}"),
    };
    assert_eq!(
        preview.projection,
        StoredPlan {
            plan: saved,
            ..stored.clone()
        }
        .detail()
        .projection,
        "the preview's figures are those the saved edit gives"
    );
    assert!(
        enrolments(&preview) > enrolments(&stored.clone().detail()),
        "a doubled target rate enrols more"
    );
    assert_eq!(
        (preview.stored.revision, preview.stored.updated_at.as_str()),
        (3, "2026-11-02T09:00:00Z"),
        "nothing is saved, so the revision and edit time stay"
    );
    inputs.horizon_years = 0;
    let refused = stored.preview(PlanEdit::Rollout(Box::new(inputs)));
    assert_eq!(
        refused.expect_err("no horizon").0[0].field,
        "horizonYears",
        "refused like the edit itself"
    );
}

#[test]
fn a_draft_edit_reads_as_the_window_sends_it() {
    let inputs = sample_plan().rollout.expect("the sample has a rollout");
    let json = serde_json::json!({ "kind": "rollout", "inputs": inputs });
    let draft: DraftEdit = serde_json::from_value(json).expect("a rollout draft");
    assert_eq!(
        PlanEdit::from(draft),
        PlanEdit::Rollout(Box::new(inputs)),
        "the draft is the edit a save sends"
    );
}

#[test]
fn a_previewed_task_duration_moves_the_schedule_and_saves_nothing() {
    let stored = stored_sample();
    let schedule = |detail: &PlanDetail| match &detail.schedule {
        crate::ScheduleStatus::Scheduled { schedule } => schedule.as_ref().clone(),
        other => panic!("expected a schedule, got {other:?}"),
    };
    let before = schedule(&stored.clone().detail());
    let task = stored
        .plan
        .work_plan
        .tasks
        .iter()
        .find(|t| before.critical_path.contains(&t.id) && !t.kind.is_milestone())
        .expect("a critical task that takes time");
    let critical = &task.id;
    let mut fields = crate::workplan::TaskFields::of(task);
    fields.duration_weeks += 8;
    let draft = DraftEdit::WorkPlan {
        edit: crate::workplan::WorkPlanEdit::UpdateTask {
            id: critical.clone(),
            task: fields,
        },
    };
    let preview = stored
        .clone()
        .preview(draft.into())
        .expect("a valid duration");
    let after = schedule(&preview);
    let days = |s: &crate::workplan::Schedule| {
        s.tasks
            .iter()
            .find(|t| &t.id == critical)
            .map(|t| t.working_days)
    };
    assert_eq!(
        days(&after),
        days(&before).map(|d| d + 8 * 5),
        "eight weeks longer"
    );
    assert!(
        after.finish > before.finish,
        "a critical task has no slack, so the plan ends later: {} then {}",
        before.finish,
        after.finish
    );
    assert_eq!(preview.stored.revision, 3, "nothing is saved");
}

#[test]
fn the_window_s_preview_carries_what_the_edit_changes_on_its_tab_as_a_save_would_have_it() {
    let stored = stored_sample();
    let mut inputs = stored
        .plan
        .rollout
        .clone()
        .expect("the sample has a rollout");
    inputs.uptake.target_rate_pct *= 2.0;
    let saved_with = |edit: PlanEdit| {
        let plan = edit.apply(&stored.plan).expect("a valid edit");
        StoredPlan {
            plan,
            ..stored.clone()
        }
        .detail()
    };
    let rollout = DraftEdit::Rollout {
        inputs: Box::new(inputs.clone()),
    };
    let figures = rollout.preview(stored.clone()).expect("valid inputs");
    let saved = saved_with(PlanEdit::Rollout(Box::new(inputs)));
    let mut shown = saved.projection.clone();
    let RolloutStatus::Projected { result } = &mut shown else {
        panic!("the sample's rollout projects");
    };
    assert!(
        result
            .uptake
            .credentials
            .iter()
            .all(|c| !c.terms.is_empty()),
        "the save carries each credential's uptake term by term"
    );
    for credential in &mut result.uptake.credentials {
        credential.terms.clear();
    }
    assert_eq!(
        figures,
        DraftFigures::Rollout { projection: shown },
        "a rollout change answers the model's figures the save gives, each credential's \
         totals without its term-by-term series"
    );
    let json = serde_json::to_value(&figures).expect("serialises");
    let keys: Vec<&str> = json
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        ["kind", "projection"],
        "and nothing of the rest of the plan"
    );

    let task = &stored.plan.work_plan.tasks[0];
    let mut fields = crate::workplan::TaskFields::of(task);
    fields.duration_weeks += 3;
    let edit = crate::workplan::WorkPlanEdit::UpdateTask {
        id: task.id.clone(),
        task: fields,
    };
    let figures = DraftEdit::WorkPlan { edit: edit.clone() }
        .preview(stored.clone())
        .expect("a valid length");
    let saved = saved_with(PlanEdit::WorkPlan(edit));
    assert_eq!(
        figures,
        DraftFigures::WorkPlan {
            work_plan: saved.stored.plan.work_plan.clone(),
            schedule: saved.schedule.clone(),
        },
        "a task's change answers the work plan and the schedule the save gives"
    );
    let json = serde_json::to_value(&figures).expect("serialises");
    assert_eq!(json["kind"], "work_plan");
    assert_eq!(
        json["workPlan"]["tasks"][0]["durationWeeks"],
        task.duration_weeks + 3
    );
    assert_eq!(json["schedule"]["status"], "scheduled");
}
