//! The model end to end: the sample plan, validation, scenarios and the Monte Carlo.

use super::*;
use crate::sample_plan;

fn sample() -> (InstitutionProfile, RolloutInputs) {
    (sample_plan().profile, sample_rollout())
}

fn projected(profile: &InstitutionProfile, inputs: &RolloutInputs) -> RolloutResult {
    project(profile, inputs).unwrap_or_else(|e| panic!("valid inputs: {e}"))
}

fn fields(profile: &InstitutionProfile, inputs: &RolloutInputs) -> Vec<String> {
    inputs
        .validate(profile)
        .expect_err("invalid inputs")
        .0
        .into_iter()
        .map(|e| e.field)
        .collect()
}

#[test]
fn the_sample_is_compared_with_the_reference_like_for_like() {
    let (profile, inputs) = sample();
    let result = projected(&profile, &inputs);
    let c = result.calibration.expect("the sample launches credentials");
    assert_eq!(
        (
            c.reference_students,
            c.reference_enrolled,
            c.reference_courses_completed
        ),
        (240_000, 10_000, 25_000)
    );
    assert_eq!(c.source, "Coursera Micro-Credentials Impact Report 2024");
    // The reference counts students over about one academic year: so does the comparison.
    assert_eq!(
        c.period_label, "Fall 2027 – Summer 2028",
        "one academic year from the first launch"
    );
    assert!(c.period_complete);
    assert!(
        c.projected_learners < c.projected_enrolments,
        "students in two credentials count once: {} students of {} enrolments",
        c.projected_learners,
        c.projected_enrolments
    );
    // 10,000 / 240,000 × 1,000 = 41.67 per thousand students; the sample has 240,000 too.
    assert!((c.reference_enrolled_per_thousand - 41.666_666).abs() < 1e-5);
    let ratio = c.projected_learners / 10_000.0;
    assert!((c.ratio_to_reference - ratio).abs() < 1e-12);
    let expected = if ratio > 1.5 {
        CalibrationVerdict::FarAbove
    } else if ratio < 1.0 / 1.5 {
        CalibrationVerdict::FarBelow
    } else {
        CalibrationVerdict::Comparable
    };
    assert_eq!(c.verdict, expected, "ratio {ratio}");
    assert_eq!(c.caveats.len(), 3);
    assert!(
        result.credits.iter().all(|c| c.flags.is_empty()),
        "the sample's grants are supported"
    );
    assert_eq!(
        result.budget.payback_year.as_deref(),
        Some("FY2031"),
        "the sample pays back in its fifth and last fiscal year: each Fall term's money \
         now falls mostly in the fiscal year after its 25 August start"
    );
}

#[test]
fn the_sample_calendar_phases_and_fiscal_years() {
    let (profile, inputs) = sample();
    let r = projected(&profile, &inputs);
    // 1 Sep 2026 – 31 Aug 2031, three terms a year: 16 terms overlap it, Fall 2026 (begun
    // 25 August, before the plan) to Fall 2031 (begun 25 August, a week before its end).
    assert_eq!(r.terms.len(), 16);
    assert_eq!(
        (r.terms[0].label(), r.terms[15].label()),
        ("Fall 2026".into(), "Fall 2031".into())
    );
    assert_eq!(r.end_date.to_string(), "2031-08-31");
    // Fall 2026 runs 25 Aug 2026 – 11 Jan 2027: 7 + 30 + 31 + 30 + 31 + 11 = 140 days, of
    // which 1 Sep – 11 Jan, 133, are in the plan: 133/140 = 0.95.
    let fall_2026 = &r.terms[0];
    assert_eq!(
        (fall_2026.start.to_string(), fall_2026.end.to_string()),
        ("2026-09-01".into(), "2027-01-11".into())
    );
    assert!((fall_2026.share_in_plan - 133.0 / 140.0).abs() < 1e-12);
    // Fall 2031 runs 25 Aug 2031 – 11 Jan 2032, also 140 days; 25–31 Aug, 7, are in the
    // plan: 7/140 = 0.05. It ends, for the plan, on the plan's last day.
    let fall_2031 = &r.terms[15];
    assert_eq!(fall_2031.end, r.end_date);
    assert!((fall_2031.share_in_plan - 0.05).abs() < 1e-12);
    assert!(r.terms[1..15].iter().all(|t| t.share_in_plan == 1.0));
    // September fiscal years: FY2027 (Sep 2026 – Aug 2027) to FY2031, all whole.
    let labels: Vec<&str> = r.fiscal_years.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(labels, ["FY2027", "FY2028", "FY2029", "FY2030", "FY2031"]);
    assert!(r.fiscal_years.iter().all(|f| f.share_in_plan == 1.0));
    let spans: Vec<(Option<u32>, Option<u32>)> = r
        .phases
        .iter()
        .map(|p| (p.first_term, p.last_term))
        .collect();
    assert_eq!(
        spans,
        [
            (Some(0), Some(2)),
            (Some(3), Some(5)),
            (Some(6), Some(11)),
            (Some(12), Some(15))
        ]
    );
    assert_eq!(
        r.phases[1].start.map(|d| d.to_string()).as_deref(),
        Some("2027-08-25")
    );
    assert!(r.phases.iter().all(|p| !p.gate_criteria.is_empty()));
    assert_eq!(r.terms[6].phase, crate::assessment::Phase::Scale);
    // The phases run from the plan's first day to its last, never after.
    assert_eq!(r.phases[0].start, Some(r.start_date));
    assert_eq!(r.phases[3].end, Some(r.end_date));
}

#[test]
fn a_plan_saved_before_courses_per_credential_still_opens() {
    let (_, inputs) = sample();
    let mut json = serde_json::to_value(&inputs).expect("serialises");
    let uptake = json["uptake"].as_object_mut().expect("uptake");
    uptake.remove("nonCompleterCourseSharePct");
    uptake.insert("coursesPerLearner".into(), 2.5.into());
    for credential in json["credentials"].as_array_mut().expect("credentials") {
        let c = credential.as_object_mut().expect("credential");
        c.remove("courseCount");
        c.remove("courseCountFromListing");
    }
    let old: RolloutInputs = serde_json::from_value(json).expect("an old plan reads");
    assert_eq!(old.uptake.non_completer_course_share_pct, 30.0);
    assert!(old.credentials.iter().all(|c| c.course_count == 5));
    let rewritten = serde_json::to_value(&old).expect("serialises");
    assert!(
        rewritten["uptake"].get("coursesPerLearner").is_none(),
        "not written again"
    );
}

#[test]
fn at_every_rate_at_100_percent_no_credential_completes_more_students_than_could_take_it() {
    // Once 13 times the eligible students of one credential completed it; now everyone
    // enrols in the launch term and only entrants are left to enrol after.
    let (profile, mut inputs) = sample();
    inputs.uptake.pilot_rate_pct = 100.0;
    inputs.uptake.target_rate_pct = 100.0;
    inputs.uptake.completion_rate_pct = 100.0;
    inputs.scenarios.ambitious.target_rate_multiplier = 1.0;
    inputs.scenarios.ambitious.completion_rate_multiplier = 1.0;
    let r = projected(&profile, &inputs);
    let it_support = &r.uptake.credentials[0];
    // 12,500 students, five years to degree at three terms a year: 12,500 / 15 = 833.3
    // entrants a term. Launch (term 3): all 12,500 enrol. Every later term: the entrants,
    // Fall 2031 only for its 5 % inside the plan. Terms 4–14 enrol 11 × 833.33 = 9,166.67,
    // term 15 833.33 × 0.05 = 41.67: 12,500 + 9,166.67 + 41.67 = 21,708.33 completions.
    assert!((it_support.terms[3].totals.enrolments - 12_500.0).abs() < 1e-6);
    assert!((it_support.terms[4].totals.enrolments - 12_500.0 / 15.0).abs() < 1e-6);
    assert!((it_support.terms[15].totals.enrolments - 12_500.0 / 15.0 * 0.05).abs() < 1e-6);
    assert!((it_support.totals.completions - (12_500.0 + 11.05 * 12_500.0 / 15.0)).abs() < 1e-6);
    // Could enrol: 12,500 + (0.95 + 14 + 0.05 = 15 terms in the plan) × 833.33 = 25,000.
    assert!((it_support.could_enrol - 25_000.0).abs() < 1e-6);
    assert!(it_support.totals.completions <= it_support.could_enrol);
}

#[test]
fn a_credential_before_launch_has_no_uptake_and_starts_at_the_pilot_rate() {
    let (profile, inputs) = sample();
    let r = projected(&profile, &inputs);
    let it_support = &r.uptake.credentials[0];
    assert_eq!(it_support.eligible, 12_500.0);
    assert_eq!(
        it_support.terms[2].totals.enrolments, 0.0,
        "launches in term 3"
    );
    // Launch term: no one has taken it yet, so 12,500 × 0.8 % = 100 enrolments; 55
    // completions × 5 courses = 275, and the 45 others × 30 % × 5 = 67.5: 342.5 courses;
    // 55 × 3 = 165 credits.
    let launch = it_support.terms[3];
    assert!((launch.rate_pct - 0.8).abs() < 1e-12);
    assert!((launch.totals.enrolments - 100.0).abs() < 1e-9);
    assert!((launch.totals.completions - 55.0).abs() < 1e-9);
    assert!((launch.totals.course_completions - 342.5).abs() < 1e-9);
    assert!((launch.totals.credits_awarded - 165.0).abs() < 1e-9);
}

#[test]
fn every_bad_field_is_reported_at_once_under_its_own_key() {
    let (profile, mut inputs) = sample();
    inputs.horizon_years = 11;
    inputs.uptake.pilot_rate_pct = 120.0;
    inputs.uptake.completion_rate_pct = -1.0;
    inputs.credentials[2].learning_hours = -5.0;
    inputs.credentials[3].home_credit.amount = f64::NAN;
    inputs.credentials[4].standard_elements.eqf_level = Some(9);
    inputs.budget.licence_cost_per_learner = -10.0;
    inputs.budget.staff_fte = f64::INFINITY;
    inputs.budget.retention_uplift_pct_points = 101.0;
    inputs.scenarios.ambitious.cost_multiplier = -1.0;
    inputs.uncertainty.target_rate.low = 1.5;
    inputs.uncertainty.draws = 1_000_000;
    assert_eq!(
        fields(&profile, &inputs),
        [
            "horizonYears",
            "credentials.2.learningHours",
            "credentials.3.homeCredit.amount",
            "credentials.4.standardElements.eqfLevel",
            "uptake.pilotRatePct",
            "uptake.pilotRatePct",
            "uptake.completionRatePct",
            "budget.licenceCostPerLearner",
            "budget.staffFte",
            "budget.retentionUpliftPctPoints",
            "scenarios.ambitious.costMultiplier",
            "uncertainty.draws",
            "uncertainty.targetRate.low",
        ]
    );
    let errors = project(&profile, &inputs).expect_err("refused");
    let horizon = &errors.0[0].message;
    assert!(
        horizon.contains("1 to 10") && horizon.contains("11"),
        "{horizon}"
    );
    let hours = &errors.0[1].message;
    assert!(
        hours.contains("Google Project Management") && hours.contains("-5"),
        "{hours}"
    );
    let pilot = &errors.0[5].message;
    assert!(
        pilot.contains("120 %") && pilot.contains("above the target rate (2.5 %)"),
        "{pilot}"
    );
}

#[test]
fn every_amount_has_an_upper_bound_named_in_its_message() {
    let (profile, mut inputs) = sample();
    inputs.budget.marketing_per_year = 1e308;
    inputs.budget.salary_per_fte = 1_000_001.0;
    inputs.budget.licence_cost_per_learner = 100_000.5;
    inputs.budget.additional_students_per_year = 2e6;
    inputs.budget.grants[0].amount = 1e10;
    let errors = project(&profile, &inputs).expect_err("refused");
    let keyed: Vec<(&str, &str)> = errors
        .0
        .iter()
        .map(|e| (e.field.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(
        keyed,
        [
            (
                "budget.licenceCostPerLearner",
                "The licence cost per learner must be from 0 to 100,000 (you entered 100000.5)"
            ),
            (
                "budget.salaryPerFte",
                "The salary per FTE must be from 0 to 1,000,000 (you entered 1000001)"
            ),
            (
                "budget.marketingPerYear",
                "Marketing per year must be from 0 to 1,000,000,000 (you entered 1e308)"
            ),
            (
                "budget.additionalStudentsPerYear",
                "Additional students per year must be from 0 to 1,000,000 (you entered 2000000)"
            ),
            (
                "budget.grants.0.amount",
                "Grant “System workforce grant (final year)” must be from 0 to 1,000,000,000 \
                 (you entered 10000000000)"
            ),
        ]
    );
}

#[test]
fn a_conservative_scenario_above_the_expected_one_is_refused_at_its_field() {
    let (profile, mut inputs) = sample();
    // Expected target 2.5 %: conservative × 1.2 = 3 % is above it; ambitious fixed at 2.49 %
    // is below it; the ambitious completion rate 55 × 0.9 = 49.5 % is below the expected 55 %.
    inputs.scenarios.conservative.target_rate_multiplier = 1.2;
    inputs.scenarios.ambitious.target_rate_pct = Some(2.49);
    inputs.scenarios.ambitious.completion_rate_multiplier = 0.9;
    let errors = project(&profile, &inputs).expect_err("refused");
    let keyed: Vec<(&str, &str)> = errors
        .0
        .iter()
        .map(|e| (e.field.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(
        keyed,
        [
            (
                "scenarios.conservative.targetRateMultiplier",
                "The conservative scenario's target uptake rate (3 %) is above the expected \
                 2.5 %; a conservative scenario assumes no more than expected"
            ),
            (
                "scenarios.ambitious.targetRatePct",
                "The ambitious scenario's target uptake rate (2.49 %) is below the expected \
                 2.50 %; an ambitious scenario assumes no less than expected"
            ),
            (
                "scenarios.ambitious.completionRateMultiplier",
                "The ambitious scenario's completion rate (49.5 %) is below the expected 55 %; \
                 an ambitious scenario assumes no less than expected"
            ),
        ]
    );
}

#[test]
fn launch_terms_phases_programs_and_grants_must_fit_the_plan() {
    let (profile, mut inputs) = sample();
    inputs.credentials[0].launch_term = 16;
    inputs.credentials[1].launch_term = 2;
    inputs.credentials[2].target_programs[0].enrolment = 300_000;
    inputs.credentials[3].target_programs.clear();
    inputs.phases.scale_start_term = 2;
    inputs.phases.sustain_start_term = 17;
    inputs.budget.grants[0].fiscal_year_index = 5;
    assert_eq!(
        fields(&profile, &inputs),
        [
            "phases.scaleStartTerm",
            "phases.sustainStartTerm",
            "credentials.0.launchTerm",
            "credentials.1.launchTerm",
            "credentials.2.targetPrograms",
            "credentials.3.targetPrograms",
            "budget.grants.0.fiscalYearIndex",
        ]
    );
    let errors = inputs.validate(&profile).expect_err("refused").0;
    assert!(
        errors[0]
            .message
            .contains("Scale cannot start (Summer 2027) before Pilot starts (Fall 2027)"),
        "{}",
        errors[0].message
    );
    assert!(
        errors[2]
            .message
            .contains("would launch after the plan's last term, Fall 2031"),
        "{}",
        errors[2].message
    );
    assert!(
        errors[4].message.contains("303,000") && errors[4].message.contains("240,000"),
        "{}",
        errors[4].message
    );
    assert!(
        errors[6]
            .message
            .contains("after the plan's last fiscal year, FY2031"),
        "{}",
        errors[6].message
    );
    assert!(
        errors.iter().all(|e| !e.message.contains("term 1")),
        "terms are named"
    );
}

#[test]
fn stacking_must_name_portfolio_credentials_without_a_circle() {
    let (profile, mut inputs) = sample();
    inputs.credentials[1].stacks_into = vec![CredentialRef::Index(5)];
    inputs.credentials[0].stacks_into = vec![
        CredentialRef::Title("Cooking".into()),
        CredentialRef::Index(0),
    ];
    let errors = inputs.validate(&profile).expect_err("refused").0;
    let keyed: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.field.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(keyed[0].0, "credentials.0.stacksInto.0");
    assert!(keyed[0].1.contains("“Cooking”"), "{}", keyed[0].1);
    assert_eq!(keyed[1].0, "credentials.0.stacksInto.1");
    assert_eq!(keyed[2].0, "credentials");
    assert!(
        keyed[2]
            .1
            .contains("Google Data Analytics Professional Certificate → IBM Data Analyst"),
        "{}",
        keyed[2].1
    );
}

/// `count` copies of the sample's first credential, each stacking into the next by title.
fn chain(count: usize) -> (InstitutionProfile, RolloutInputs) {
    let (profile, mut inputs) = sample();
    let first = inputs.credentials[0].clone();
    inputs.credentials = (0..count)
        .map(|i| Credential {
            title: format!("Credential {i}"),
            stacks_into: vec![CredentialRef::Title(format!("Credential {}", i + 1))],
            ..first.clone()
        })
        .collect();
    inputs.credentials[count - 1].stacks_into.clear();
    (profile, inputs)
}

#[test]
fn an_oversized_portfolio_is_refused_by_its_count_before_any_walk() {
    // 27,000 credentials stacking each into the next overflowed the stack when walked.
    let (profile, inputs) = chain(27_000);
    let errors = inputs.validate(&profile).expect_err("refused").0;
    assert_eq!(errors.len(), 1, "one problem, the count");
    assert!(
        errors[0].message.contains("27000") || errors[0].message.contains("27,000"),
        "{}",
        errors[0].message
    );
}

#[test]
fn the_longest_allowed_stacking_chain_is_walked_and_a_circle_through_it_is_found() {
    let (profile, mut inputs) = chain(MAX_CREDENTIALS);
    let fields = inputs
        .validate(&profile)
        .err()
        .map(|e| e.0)
        .unwrap_or_default();
    assert!(
        fields.iter().all(|e| !e.message.contains("circle")),
        "a chain is not a circle"
    );
    inputs.credentials[MAX_CREDENTIALS - 1].stacks_into = vec![CredentialRef::Index(0)];
    let errors = inputs.validate(&profile).expect_err("a circle").0;
    let circle = errors
        .iter()
        .find(|e| e.message.contains("circle"))
        .expect("the circle is reported");
    assert!(
        circle
            .message
            .starts_with("Stacking goes round in a circle: Credential 0 → Credential 1"),
        "{}",
        circle.message
    );
}

#[test]
fn a_broken_profile_calendar_is_reported_not_panicked_on() {
    let (mut profile, inputs) = sample();
    profile.calendar.terms.clear();
    profile.fiscal_year_start_month = 13;
    assert_eq!(fields(&profile, &inputs), ["terms", "fiscalYearStartMonth"]);
}

#[test]
fn the_expected_scenario_is_the_projection_and_the_others_bracket_it() {
    let (profile, inputs) = sample();
    let r = projected(&profile, &inputs);
    let kinds: Vec<ScenarioKind> = r.scenarios.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            ScenarioKind::Conservative,
            ScenarioKind::Expected,
            ScenarioKind::Ambitious
        ]
    );
    let expected = &r.scenarios[1];
    assert_eq!(expected.enrolments, r.uptake.totals.enrolments);
    assert_eq!(
        (expected.total_cost, expected.net_benefit),
        (r.budget.total_cost, r.budget.net_benefit)
    );
    assert!(
        r.scenarios[0].enrolments < expected.enrolments
            && expected.enrolments < r.scenarios[2].enrolments
    );
    // Conservative: target 2.5 × 0.7 = 1.75 %, completion 55 × 0.85 = 46.75 %.
    assert!((r.scenarios[0].target_rate_pct - 1.75).abs() < 1e-12);
    assert!((r.scenarios[0].completion_rate_pct - 46.75).abs() < 1e-12);
}

#[test]
fn a_draw_s_shortcut_equals_re_projecting_with_the_drawn_inputs() {
    let (profile, inputs) = sample();
    let model = Model::new(&profile, &inputs);
    let rates = Rates::from_assumptions(&inputs.uptake);
    let base = model.run(&rates, &CostAdjustment::NONE);
    let basis = model.draw_basis(&rates, &base);
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
    let mut paybacks = Vec::new();
    for (t, k, l, u) in [
        (1.17, 0.9, 1.08, 0.6),
        (1.0, 1.0, 1.0, 1.0),
        (1.3, 1.1, 0.9, 1.5),
        (0.6, 0.8, 1.2, 0.5),
    ] {
        let o = montecarlo::outcome(&basis, [t, k, l, u]);
        let mut drawn = inputs.clone();
        drawn.uptake.target_rate_pct *= t;
        drawn.uptake.completion_rate_pct *= k;
        drawn.budget.licence_cost_per_learner *= l;
        drawn.budget.retention_uplift_pct_points *= u;
        let full = Model::new(&profile, &drawn).run(
            &Rates::from_assumptions(&drawn.uptake),
            &CostAdjustment::NONE,
        );
        let totals = &full.uptake.totals;
        let at = format!("multipliers {t} {k} {l} {u}: {o:?}");
        assert!(close(o.enrolments, totals.enrolments), "{at}");
        assert!(close(o.completions, totals.completions), "{at}");
        assert!(close(o.credits_awarded, totals.credits_awarded), "{at}");
        assert!(close(o.net_cost, -full.budget.net_benefit), "{at}");
        assert_eq!(o.payback_year, full.budget.payback_year_index, "{at}");
        paybacks.push(o.payback_year);
    }
    assert!(
        paybacks.iter().any(Option::is_some) && paybacks.contains(&None),
        "some of these draws pay back within the plan and some do not: {paybacks:?}"
    );
}

#[test]
fn the_same_seed_gives_the_same_bands_whatever_the_thread_count() {
    let (profile, mut inputs) = sample();
    inputs.uncertainty.draws = 50_000;
    let one = project_valid(&profile, &inputs, 1)
        .uncertainty
        .expect("bands");
    let three = project_valid(&profile, &inputs, 3)
        .uncertainty
        .expect("bands");
    assert_eq!(one, three);
    assert!(one.enrolments.p10 < one.enrolments.p50 && one.enrolments.p50 < one.enrolments.p90);
    assert!(one.net_cost.p10 < one.net_cost.p90);
    assert!(one.credits_awarded.p10 < one.credits_awarded.p90);
    inputs.uncertainty.seed += 1;
    let other = project_valid(&profile, &inputs, 1)
        .uncertainty
        .expect("bands");
    assert_ne!(
        one.enrolments, other.enrolments,
        "another seed, other draws"
    );
    assert!(
        (one.enrolments.p50 / other.enrolments.p50 - 1.0).abs() < 0.01,
        "but the same picture"
    );
    inputs.uncertainty.draws = 0;
    assert_eq!(projected(&profile, &inputs).uncertainty, None);
}

#[test]
fn inputs_and_results_travel_as_camel_case_json() {
    let (profile, inputs) = sample();
    let json = serde_json::to_value(&inputs).expect("serialises");
    assert_eq!(json["startDate"], "2026-09-01");
    assert_eq!(
        json["credentials"][5]["stacksInto"][0],
        "Google Data Analytics Professional Certificate"
    );
    assert_eq!(json["credentials"][0]["homeCredit"]["method"], "elective");
    let back: RolloutInputs = serde_json::from_value(json).expect("reads back");
    assert_eq!(back, inputs);
    let result = serde_json::to_value(projected(&profile, &inputs)).expect("serialises");
    assert_eq!(result["terms"][0]["academicYear"], "2026–27");
    assert_eq!(
        result["uptake"]["credentials"][0]["terms"][2]["termIndex"],
        2
    );
    assert!(
        result["uptake"]["credentials"][0]["terms"][2]["enrolments"].is_number(),
        "flattened totals"
    );
    assert!(result["budget"]["years"][0]["cumulativeNetBenefit"].is_number());
}

#[test]
fn a_starter_rollout_begins_next_august_with_an_empty_portfolio_and_projects() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let two_terms =
        crate::InstitutionProfile::new("Two-semester U", 9_000, crate::Stage::Exploring);
    let starter = super::starter_rollout(&two_terms, today);
    assert_eq!(
        starter.start_date,
        NaiveDate::from_ymd_opt(2027, 8, 1).expect("date")
    );
    assert!(starter.credentials.is_empty());
    let early = super::starter_rollout(
        &two_terms,
        NaiveDate::from_ymd_opt(2026, 3, 2).expect("date"),
    );
    assert_eq!(
        early.start_date,
        NaiveDate::from_ymd_opt(2026, 8, 1).expect("date")
    );
    let profile = crate::sample_plan().profile;
    let result = super::project(&profile, &starter).expect("a starter rollout is valid");
    assert_eq!(
        result.uptake.totals.enrolments, 0.0,
        "no credentials, no enrolments"
    );
}

#[test]
fn a_year_without_grants_has_plain_zero_grants_not_negative_zero() {
    let plan = sample_plan();
    let mut inputs = sample_rollout();
    inputs.budget.grants.clear();
    let result = project(&plan.profile, &inputs).expect("valid");
    for year in &result.budget.years {
        assert!(
            year.grants == 0.0 && year.grants.is_sign_positive(),
            "{}: {}",
            year.label,
            year.grants
        );
    }
}

#[test]
fn each_kind_of_cost_and_benefit_totals_to_the_plan_s_totals() {
    let plan = sample_plan();
    let result = project(&plan.profile, &sample_rollout()).expect("valid");
    let b = &result.budget;
    let t = &b.totals;
    let costs = t.licences
        + t.curriculum_mapping
        + t.faculty_development
        + t.staff
        + t.marketing
        + t.technology_integration;
    let benefits = t.retention_benefit + t.additional_enrolment_benefit + t.grants;
    assert!(
        (costs - b.total_cost).abs() < 1e-6,
        "{costs} vs {}",
        b.total_cost
    );
    assert!(
        (benefits - b.total_benefit).abs() < 1e-6,
        "{benefits} vs {}",
        b.total_benefit
    );
    let licences: f64 = b.years.iter().map(|y| y.licences).sum();
    assert!((t.licences - licences).abs() < 1e-6);
}

#[test]
fn the_central_figures_are_the_whole_models_without_its_bands() {
    let (profile, inputs) = sample();
    let whole = projected(&profile, &inputs);
    assert!(whole.uncertainty.is_some(), "the sample draws its bands");
    let central = project_central(&profile, &inputs).expect("valid inputs");
    assert_eq!(
        central,
        RolloutResult {
            uncertainty: None,
            ..whole
        }
    );
}
