//! The refusals the UI's fake backend plays back are written here, from the real validation, so
//! the UI tests see Rust's own words. `cargo test -p planner-core ui_fixtures` fails when
//! `ui/src/lib/fixtures/refusals.json` is stale; run it with `UPDATE_BINDINGS=1` to rewrite it.
//!
//! `ui/src/lib/fixtures/workplan.json` (the sample's work plan and its schedule) and
//! `ui/src/lib/fixtures/rollup.json` (roll-ups of the sample and other campuses) are written and
//! checked the same way.
//!
//! Each case names a command, the fields a UI test types (`when`, by dotted key, laid over a
//! form or inputs that are otherwise valid), and the `Problem` Rust answers. The fake refuses a
//! call whose arguments hold every value of a case's `when`.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value, json};

use crate::rollout::{RolloutInputs, sample_rollout};
use crate::rollup::roll_up;
use crate::{PlanDetail, PlanEdit, ProfileForm, StoredPlan, sample_plan};

#[derive(Clone, Copy)]
enum Command {
    CreatePlan,
    UpdateProfile,
    UpdateRollout,
    EditWorkPlan,
    EditRisks,
    SetKpi,
    SetEngagement,
    EditReview,
    SnapshotPlan,
}

impl Command {
    fn name(self) -> &'static str {
        match self {
            Command::CreatePlan => "create_plan",
            Command::UpdateProfile => "update_profile",
            Command::UpdateRollout => "update_rollout",
            Command::EditWorkPlan => "edit_work_plan",
            Command::EditRisks => "edit_risks",
            Command::SetKpi => "set_kpi",
            Command::SetEngagement => "set_engagement",
            Command::EditReview => "edit_review",
            Command::SnapshotPlan => "snapshot_plan",
        }
    }
}

/// What the UI tests type that Rust refuses. A work-plan, risk, KPI or review case is the whole edit
/// sent (applied to the sample plan); an engagement case is laid over the sample's engagement.
fn cases() -> Vec<(&'static str, Command, Value)> {
    use Command::*;
    vec![
        (
            "new_plan_without_essentials",
            CreatePlan,
            json!({ "title": "", "institutionName": "", "totalEnrolment": "abc" }),
        ),
        (
            "enrolment_negative",
            UpdateProfile,
            json!({ "totalEnrolment": "-5" }),
        ),
        (
            "enrolment_not_a_number",
            UpdateProfile,
            json!({ "totalEnrolment": "abc" }),
        ),
        (
            "term_on_31_april",
            UpdateProfile,
            json!({ "terms.1.month": "4", "terms.1.day": "31" }),
        ),
        (
            "term_on_29_february",
            UpdateProfile,
            json!({ "terms.1.month": "2", "terms.1.day": "29" }),
        ),
        (
            "four_semesters",
            UpdateProfile,
            json!({ "terms.3": { "name": "Winter", "month": "12", "day": "1" } }),
        ),
        (
            "horizon_of_11_years",
            UpdateRollout,
            json!({ "horizonYears": 11 }),
        ),
        (
            "target_uptake_over_100",
            UpdateRollout,
            json!({ "uptake.targetRatePct": 120.0 }),
        ),
        (
            "dependency_closing_a_circle",
            EditWorkPlan,
            json!({ "type": "add_dependency", "dependency": {
                "predecessor": "stackable_pathways", "successor": "pilot_budget_line",
                "lagWeeks": 0 } }),
        ),
        (
            "task_without_owner",
            EditWorkPlan,
            json!({ "type": "add_task", "task": {
                "title": "Audit the pilot", "ownerRole": "", "durationWeeks": 4,
                "pinnedTerm": null, "phase": null, "milestone": false } }),
        ),
        (
            "risk_likelihood_6",
            EditRisks,
            json!({ "type": "add", "risk": {
                "area": null, "title": "The accreditor objects", "likelihood": 6, "impact": 3,
                "mitigation": "Brief the accreditor early", "ownerRole": "Provost" } }),
        ),
        (
            "job_readiness_over_100",
            SetKpi,
            json!({ "key": "job_readiness", "baseline": 120.0, "targets": [] }),
        ),
        (
            "department_beyond_headcount",
            SetEngagement,
            json!({ "departments.0.facultyCount": 20_000 }),
        ),
        (
            "reviewer_without_name",
            EditReview,
            json!({ "type": "add_reviewer", "name": "", "role": "Provost" }),
        ),
        (
            "version_without_label",
            SnapshotPlan,
            json!({ "label": "  " }),
        ),
    ]
}

/// Sets `value` at a dotted key (`terms.1.day`); a key one past the end of a list adds to it.
fn set_at(target: &mut Value, key: &str, value: Value) {
    let mut at = target;
    for part in key.split('.') {
        at = match at {
            Value::Object(map) => map
                .get_mut(part)
                .unwrap_or_else(|| panic!("no field {key}")),
            Value::Array(list) => {
                let index: usize = part
                    .parse()
                    .unwrap_or_else(|_| panic!("bad index in {key}"));
                if index == list.len() {
                    list.push(Value::Null);
                }
                &mut list[index]
            }
            _ => panic!("{key} goes through a value that has no fields"),
        };
    }
    *at = value;
}

fn with(base: &impl serde::Serialize, when: &Value) -> Value {
    let mut value = serde_json::to_value(base).expect("serialize base");
    for (key, typed) in when.as_object().expect("`when` is an object") {
        set_at(&mut value, key, typed.clone());
    }
    value
}

fn from<T: serde::de::DeserializeOwned>(value: &Value) -> T {
    serde_json::from_value(value.clone()).expect("a case Rust can read")
}

fn generated() -> String {
    let sample = sample_plan();
    let edited_form = ProfileForm::from_plan(&sample.title, &sample.profile);
    let new_form = ProfileForm {
        stage: "exploring".to_owned(),
        ..ProfileForm::default()
    };
    let inputs = sample_rollout();
    let mut refusals = Map::new();
    for (name, command, when) in cases() {
        let refusal = match command {
            Command::CreatePlan | Command::UpdateProfile => {
                let base = if matches!(command, Command::CreatePlan) {
                    &new_form
                } else {
                    &edited_form
                };
                let form: ProfileForm = serde_json::from_value(with(base, &when)).expect("form");
                form.validate().err()
            }
            Command::UpdateRollout => {
                let inputs: RolloutInputs =
                    serde_json::from_value(with(&inputs, &when)).expect("inputs");
                inputs.validate(&sample.profile).err()
            }
            Command::EditWorkPlan | Command::EditRisks | Command::SetKpi | Command::EditReview => {
                let edit = match command {
                    Command::EditWorkPlan => PlanEdit::WorkPlan(from(&when)),
                    Command::EditRisks => PlanEdit::Risk(from(&when)),
                    Command::EditReview => PlanEdit::Review(from(&when)),
                    _ => PlanEdit::Kpi(from(&when)),
                };
                edit.apply(&sample).err()
            }
            Command::SetEngagement => {
                let engagement = from(&with(&sample.engagement, &when));
                PlanEdit::Engagement(Box::new(engagement))
                    .apply(&sample)
                    .err()
            }
            Command::SnapshotPlan => {
                crate::version_label(when["label"].as_str().expect("a label")).err()
            }
        };
        let refusal = refusal.unwrap_or_else(|| {
            panic!("Rust accepts the case {name}; a refusal fixture must be refused")
        });
        refusals.insert(
            name.to_owned(),
            json!({ "command": command.name(), "when": when, "problem": refusal.problem() }),
        );
    }
    // What a new plan's empty fields become, so the fake never decides a typical value itself.
    let essentials = ProfileForm::essentials("New plan", "New institution", "1", "exploring");
    let (_, typical) = essentials
        .validate()
        .expect("the essentials are enough for a plan");
    let file = json!({ "refusals": refusals, "typicalProfile": typical });
    serde_json::to_string_pretty(&sorted(file)).expect("serialize fixtures") + "\n"
}

/// `value` with every object's keys in order, so the file reads the same whether or not a
/// crate elsewhere in the build turns on serde_json's `preserve_order` (the workspace's test
/// dependencies do; `cargo test -p planner-core` alone does not).
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

#[test]
fn ui_refusal_fixtures_match_the_validation() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/fixtures/refusals.json");
    let text = generated();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &text).expect("write refusal fixtures");
    }
    assert!(
        std::fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()),
        "ui/src/lib/fixtures/refusals.json is stale; regenerate with \
         `UPDATE_BINDINGS=1 cargo test -p planner-core ui_fixtures`"
    );
}

/// The sample plan's work plan, risks, KPIs and engagement, and Rust's figures for them, for
/// the fake backend to replay: the UI never schedules, and neither does the fake.
fn work_fixture() -> String {
    let plan = sample_plan();
    let detail = StoredPlan::unsaved(plan).detail();
    let plan = &detail.stored.plan;
    let file = json!({
        "plan": {
            "workPlan": plan.work_plan,
            "risks": plan.risks,
            "kpis": plan.kpis,
            "engagement": plan.engagement,
        },
        "schedule": detail.schedule,
        "engagement": detail.engagement,
        "kpis": detail.kpis,
    });
    serde_json::to_string_pretty(&sorted(file)).expect("serialize fixture") + "\n"
}

#[test]
fn ui_work_plan_fixture_matches_the_sample() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/fixtures/workplan.json");
    let text = work_fixture();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &text).expect("write work-plan fixture");
    }
    assert!(
        std::fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()),
        "ui/src/lib/fixtures/workplan.json is stale; regenerate with \
         `UPDATE_BINDINGS=1 cargo test -p planner-core ui_fixtures`"
    );
}

/// The campuses the UI's roll-up tests choose: the sample (plan 1), the sample as a second
/// campus starting four months later, in January, for four years (plan 2: its first fiscal year
/// is partly in its plan), and a third whose rollout is not set up (plan 3). Keyed by the plan
/// numbers sent, in the order sent.
fn rollup_fixture() -> String {
    let mut riverside = sample_plan();
    riverside.title = "Riverside expansion".to_owned();
    riverside.profile.name = "Riverside Community College".to_owned();
    riverside.profile.total_enrolment = 60_000;
    let rollout = riverside
        .rollout
        .as_mut()
        .expect("the sample has a rollout");
    rollout.start_date = NaiveDate::from_ymd_opt(rollout.start_date.year() + 1, 1, 4)
        .expect("the January after the sample's start");
    rollout.horizon_years = 4;
    let mut thessaloniki = sample_plan();
    thessaloniki.title = "Cybersecurity pathway pilot".to_owned();
    thessaloniki.profile.name = "Αριστοτέλειο Πανεπιστήμιο Θεσσαλονίκης".to_owned();
    thessaloniki.rollout = None;
    let details: Vec<PlanDetail> = [sample_plan(), riverside, thessaloniki]
        .into_iter()
        .zip(1..)
        .map(|(plan, id)| {
            StoredPlan {
                id,
                ..StoredPlan::unsaved(plan)
            }
            .detail()
        })
        .collect();
    let mut file = Map::new();
    for chosen in [&details[..2], &details[..]] {
        let key: Vec<String> = chosen.iter().map(|d| d.stored.id.to_string()).collect();
        let rollup = roll_up(chosen).expect("the fixture's plans roll up");
        file.insert(
            key.join(","),
            serde_json::to_value(rollup).expect("serialize"),
        );
    }
    serde_json::to_string_pretty(&sorted(Value::Object(file))).expect("serialize fixture") + "\n"
}

#[test]
fn ui_rollup_fixture_matches_the_roll_up() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/fixtures/rollup.json");
    let text = rollup_fixture();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &text).expect("write roll-up fixture");
    }
    assert!(
        std::fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()),
        "ui/src/lib/fixtures/rollup.json is stale; regenerate with \
         `UPDATE_BINDINGS=1 cargo test -p planner-core ui_fixtures`"
    );
}
