//! Each rule fires on a plan with the fault and stays quiet on one without it. The clean plan is
//! the sample with its figures; each test breaks one thing.

use super::*;
use crate::assessment::{Answer, AreaKey, AreaResponse, guide};
use crate::plan::{RolloutStatus, StoredPlan};
use crate::rollout::{CreditFlag, CreditFlagKind, RolloutResult};
use crate::workplan::{Task, TaskKind, TermEngagement};

/// The plan's detail with its first year put level with the reference system. Compared like
/// for like (students over one academic year), the sample's own first year is far below it
/// (see `the_sample_plan_s_only_finding_is_its_first_year_below_the_reference`); each test
/// here breaks one other thing.
fn detail_of(plan: crate::Plan) -> PlanDetail {
    let mut detail = as_computed(plan);
    if let RolloutStatus::Projected { result } = &mut detail.projection
        && let Some(c) = result.calibration.as_mut()
    {
        c.projected_learners_per_thousand = c.reference_enrolled_per_thousand;
    }
    detail
}

fn as_computed(plan: crate::Plan) -> PlanDetail {
    StoredPlan {
        id: 1,
        plan,
        revision: 1,
        created_at: "2026-01-05T09:00:00Z".to_owned(),
        updated_at: "2026-01-05T09:00:00Z".to_owned(),
    }
    .detail()
}

fn sample() -> PlanDetail {
    detail_of(crate::sample_plan())
}

fn result(detail: &mut PlanDetail) -> &mut RolloutResult {
    match &mut detail.projection {
        RolloutStatus::Projected { result } => result,
        other => panic!("the sample projects, not {other:?}"),
    }
}

fn task(title: &str, owner: &str) -> Task {
    Task {
        id: title.to_lowercase(),
        title: title.to_owned(),
        owner_role: owner.to_owned(),
        duration_weeks: 2,
        pinned_term: None,
        phase: None,
        kind: TaskKind::Custom,
    }
}

fn risk(title: &str, owner: &str) -> Risk {
    Risk {
        area: None,
        title: title.to_owned(),
        likelihood: 3,
        impact: 3,
        mitigation: "Agree a budget line".to_owned(),
        owner_role: owner.to_owned(),
    }
}

fn items(detail: &PlanDetail) -> Vec<HealthItem> {
    check_health(&HealthInputs {
        detail,
        work_plan: None,
        risks: &[],
        engagement: None,
    })
}

fn only(items: &[HealthItem], rule: HealthRuleKey) -> Vec<&HealthItem> {
    items.iter().filter(|i| i.rule == rule).collect()
}

#[test]
fn the_rule_file_covers_every_rule_once_with_a_sentence_each() {
    let book = rule_book();
    let keys: Vec<HealthRuleKey> = book.rules.iter().map(|r| r.key).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), keys.len(), "no rule twice");
    assert_eq!(keys.len(), 10, "every rule the code checks has its entry");
    for rule in &book.rules {
        assert!(
            rule.sentence.ends_with('.'),
            "{:?} reads as a sentence",
            rule.key
        );
        assert!(
            !placeholders(&rule.sentence).is_empty(),
            "{:?} names what it is about",
            rule.key
        );
    }
    let broken: RuleBook = serde_json::from_str(
        r#"{"about": "", "rules": [{"key": "task_without_owner", "severity": "high",
            "sentence": "The task {title} has no owner.", "place": "work_plan"}]}"#,
    )
    .expect("reads");
    assert_eq!(
        broken.check(),
        Err("TaskWithoutOwner has no value {title}".to_owned())
    );
}

#[test]
fn the_sample_plan_is_healthy() {
    let detail = sample();
    assert_eq!(items(&detail), Vec::new());
}

#[test]
fn the_sample_plan_s_only_finding_is_its_first_year_below_the_reference() {
    let detail = as_computed(crate::sample_plan());
    let found: Vec<HealthRuleKey> = items(&detail).into_iter().map(|i| i.rule).collect();
    assert_eq!(found, [HealthRuleKey::CalibrationFarFromReference]);
}

#[test]
fn a_task_or_risk_without_owner_is_named_by_its_title() {
    let detail = sample();
    let work = WorkPlan {
        tasks: vec![
            task("Map credits", "Registrar"),
            task("Brief the senate", "  "),
        ],
        dependencies: Vec::new(),
    };
    let risks = [risk("Funding ends", ""), risk("Faculty resist", "Provost")];
    let found = check_health(&HealthInputs {
        detail: &detail,
        work_plan: Some(&work),
        risks: &risks,
        engagement: None,
    });
    let tasks = only(&found, HealthRuleKey::TaskWithoutOwner);
    assert_eq!(tasks.len(), 1, "only the task with a blank owner");
    assert_eq!(
        tasks[0].message,
        "The task “Brief the senate” has no owner. Name the role that sees it through: work \
         nobody owns does not get done."
    );
    assert_eq!(
        (tasks[0].place, tasks[0].field.as_deref()),
        (FixPlace::WorkPlan, Some("tasks.1.ownerRole"))
    );
    let risks = only(&found, HealthRuleKey::RiskWithoutOwner);
    assert_eq!(risks.len(), 1);
    assert!(
        risks[0]
            .message
            .starts_with("The risk “Funding ends” has no owner.")
    );
    assert_eq!(risks[0].field.as_deref(), Some("risks.0.ownerRole"));
}

#[test]
fn a_grant_beyond_the_hours_repeats_the_rollout_s_own_arithmetic() {
    let mut detail = sample();
    let arithmetic = "120 learning hours support at most 2.7 US semester credit hours (120 ÷ 45); \
                      3 are granted";
    let flags = &mut result(&mut detail).credits[1].flags;
    flags.push(CreditFlag {
        kind: CreditFlagKind::ExceedsRecommendation,
        message: "more than recommended".to_owned(),
    });
    assert_eq!(
        items(&detail),
        Vec::new(),
        "above the recommendation is not the hours rule"
    );
    result(&mut detail).credits[1].flags.push(CreditFlag {
        kind: CreditFlagKind::ExceedsHours,
        message: arithmetic.to_owned(),
    });
    let found = items(&detail);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        format!(
            "“Google Data Analytics Professional Certificate” grants more credit than its \
             learning hours support: {arithmetic}."
        )
    );
    assert_eq!(
        found[0].field.as_deref(),
        Some("credentials.1.homeCredit.amount")
    );
}

#[test]
fn a_real_overgrant_is_flagged_from_the_model() {
    let mut plan = crate::sample_plan();
    let rollout = plan.rollout.as_mut().expect("rollout");
    // 180 hours support 4 US semester credit hours (180 ÷ 45); grant 6.
    rollout.credentials[0].home_credit.amount = 6.0;
    let found = items(&detail_of(plan));
    let credit = only(&found, HealthRuleKey::CreditUnsupportedByHours);
    assert_eq!(credit.len(), 1, "{found:?}");
    assert!(
        credit[0]
            .message
            .starts_with("“Google IT Support Professional Certificate”")
    );
    assert_eq!(credit[0].severity, Severity::High);
}

#[test]
fn a_credential_missing_eu_elements_lists_them() {
    let mut plan = crate::sample_plan();
    let rollout = plan.rollout.as_mut().expect("rollout");
    let e = &mut rollout.credentials[2].standard_elements;
    e.learning_outcomes.clear();
    e.eqf_level = None;
    let found = items(&detail_of(plan));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].message,
        "“Google Project Management Professional Certificate” does not state its learning \
         outcomes or EQF level, which the 2022 EU Council Recommendation on micro-credentials \
         asks every micro-credential to describe."
    );
    assert_eq!(
        (found[0].place, found[0].field.as_deref()),
        (
            FixPlace::Credentials,
            Some("credentials.2.standardElements.learningOutcomes")
        )
    );
}

#[test]
fn payback_beyond_the_horizon_says_by_how_much() {
    let mut detail = sample();
    let r = result(&mut detail);
    r.budget.payback_year_index = None;
    let last = r.budget.years.last_mut().expect("years");
    last.cumulative_cost = last.cumulative_benefit + 28_000.4;
    let label = last.label.clone();
    let found = items(&detail);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        format!(
            "The plan does not pay for itself within its horizon: by the end of {label} its \
             costs still exceed its benefits by US$28,000."
        )
    );
    // Nobody enrols: no payback to expect, so nothing to say about it.
    result(&mut detail).uptake.totals.enrolments = 0.0;
    assert_eq!(items(&detail), Vec::new());
}

fn term(name: &str, needed: f64, engaged: u32, each: f64) -> TermEngagement {
    TermEngagement {
        term_index: 3,
        term: name.to_owned(),
        target_share_pct: 10.0,
        faculty_engaged: engaged,
        faculty_headcount: 400,
        training_seats: 0,
        training_hours: needed,
        curriculum_mapping_hours: 0.0,
        faculty_development_hours: 0.0,
        hours_needed: needed,
        hours_per_engaged_member: each,
        hours_available: f64::from(engaged) * each,
        over_capacity: needed > f64::from(engaged) * each,
        warning: None,
    }
}

#[test]
fn a_term_over_faculty_capacity_is_named() {
    let detail = sample();
    let engagement = EngagementProjection {
        faculty_headcount: 400,
        department_faculty: 0,
        champions: 0,
        // 40 × 8 = 320: Fall's 320 fits exactly, Spring's 330 does not.
        terms: vec![
            term("Fall 2027", 320.0, 40, 8.0),
            term("Spring 2028", 330.0, 40, 8.0),
        ],
    };
    let found = check_health(&HealthInputs {
        detail: &detail,
        work_plan: None,
        risks: &[],
        engagement: Some(&engagement),
    });
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].message,
        "Spring 2028 needs 330 faculty hours; 40 engaged faculty at 8 hours each can give 320. \
         Engage more faculty that term or spread the work over more terms."
    );
    assert_eq!(found[0].place, FixPlace::Engagement);
}

#[test]
fn an_area_left_mostly_dont_know_is_named_by_its_title() {
    let statements = guide().area(AreaKey::Quality).statements.len();
    let half = statements / 2;
    let with = |dont_know: usize| {
        let mut plan = crate::sample_plan();
        let answers = (0..statements)
            .map(|i| {
                if i < dont_know {
                    Answer::DontKnow
                } else {
                    Answer::Rated(3)
                }
            })
            .collect();
        plan.assessment.responses.insert(
            AreaKey::Quality,
            AreaResponse {
                answers,
                evidence: String::new(),
            },
        );
        items(&detail_of(plan))
    };
    // Half is not "mostly".
    assert_eq!(with(half), Vec::new());
    let found = with(half + 1);
    assert_eq!(found.len(), 1, "{found:?}");
    let title = &guide().area(AreaKey::Quality).title;
    assert_eq!(
        found[0].message,
        format!(
            "“{title}” is mostly unknown: {} of its {statements} statements are answered \
             “don't know”. A committee will ask what is known.",
            half + 1
        )
    );
    assert_eq!(found[0].severity, Severity::Low);
}

#[test]
fn a_phase_with_no_gate_criteria_is_named() {
    let mut plan = crate::sample_plan();
    let rollout = plan.rollout.as_mut().expect("rollout");
    rollout.phases.pilot_gate = Some(Vec::new());
    let found = items(&detail_of(plan.clone()));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].message,
        "The Pilot phase has no gate criteria: nothing says what must be true before the plan \
         moves on."
    );
    plan.rollout.as_mut().expect("rollout").phases.pilot_gate =
        Some(vec!["Two credentials enrol 100 students".to_owned()]);
    assert_eq!(
        items(&detail_of(plan)),
        Vec::new(),
        "one criterion is enough"
    );
}

#[test]
fn scenarios_that_contradict_their_names_are_found_by_their_figures() {
    // Validation keeps the rates in order; a conservative scenario that costs less can still
    // return more than the expected one.
    let mut plan = crate::sample_plan();
    let rollout = plan.rollout.as_mut().expect("rollout");
    rollout.scenarios.conservative.target_rate_multiplier = 1.0;
    rollout.scenarios.conservative.completion_rate_multiplier = 1.0;
    rollout.scenarios.conservative.cost_multiplier = 0.5;
    let mut detail = detail_of(plan);
    let found = items(&detail);
    let wrong = only(&found, HealthRuleKey::ScenariosOutOfOrder);
    assert_eq!(wrong.len(), 1, "{found:?}");
    assert!(
        wrong[0]
            .message
            .starts_with("The conservative scenario shows more net benefit ("),
        "{}",
        wrong[0].message
    );
    // Equal figures are not out of order.
    let s = &mut result(&mut detail).scenarios;
    s[0].net_benefit = s[1].net_benefit;
    assert!(only(&items(&detail), HealthRuleKey::ScenariosOutOfOrder).is_empty());
}

#[test]
fn calibration_beyond_one_and_a_half_times_either_way_is_flagged() {
    let mut detail = sample();
    let with = |detail: &mut PlanDetail, factor: f64| {
        let c = result(detail).calibration.as_mut().expect("calibration");
        c.projected_learners_per_thousand = c.reference_enrolled_per_thousand * factor;
        only(&items(detail), HealthRuleKey::CalibrationFarFromReference).len()
    };
    assert_eq!(with(&mut detail, 1.5), 0, "1.5 times is within");
    assert_eq!(with(&mut detail, 1.0 / 1.5), 0, "two thirds is within");
    assert_eq!(with(&mut detail, 1.6), 1);
    assert_eq!(with(&mut detail, 0.5), 1);
    let found = items(&detail);
    let c = result(&mut detail)
        .calibration
        .clone()
        .expect("calibration");
    assert_eq!(
        found[0].message,
        format!(
            // 10,000 of 240,000 is 41.7 per 1,000; half of it 20.8.
            "Projected uptake is 0.50 times that of the reference system: 20.8 students \
             enrolled per 1,000 over {}, against 41.7 at {}. Check the uptake rates or say \
             why this institution differs.",
            c.period_label, c.reference_institution
        )
    );
}

#[test]
fn items_come_most_severe_first_then_in_the_rules_order() {
    let mut plan = crate::sample_plan();
    let rollout = plan.rollout.as_mut().expect("rollout");
    rollout.phases.scale_gate = Some(Vec::new());
    rollout.credentials[3]
        .standard_elements
        .quality_assurance
        .clear();
    let detail = detail_of(plan);
    let risks = [risk("Funding ends", "")];
    let found = check_health(&HealthInputs {
        detail: &detail,
        work_plan: None,
        risks: &risks,
        engagement: None,
    });
    let order: Vec<HealthRuleKey> = found.iter().map(|i| i.rule).collect();
    assert_eq!(
        order,
        [
            HealthRuleKey::RiskWithoutOwner,
            HealthRuleKey::CredentialMissingEuElements,
            HealthRuleKey::PhaseWithoutGateCriteria,
        ]
    );
}

#[test]
fn a_stored_plan_is_checked_with_its_own_work_plan_and_risks() {
    let mut plan = crate::sample_plan();
    plan.risks.push(risk("Licence costs rise", " "));
    let found = check_plan(&detail_of(plan));
    let unowned = only(&found, HealthRuleKey::RiskWithoutOwner);
    assert_eq!(
        unowned.len(),
        1,
        "the plan's own risk is checked: {found:?}"
    );
    assert!(unowned[0].message.contains("Licence costs rise"));
}
