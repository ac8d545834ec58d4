//! Where each health rule applies. Each reads figures the plan already computed (the rollout's
//! credit flags, payback year, scenarios and calibration; the assessment's counts; the
//! engagement's terms) rather than working them out again.

use std::collections::BTreeMap;

use super::{Finding, HealthInputs, HealthRuleKey as K};
use crate::format::{Money, count, one_decimal};
use crate::plan::RolloutStatus;
use crate::rollout::{CreditFlagKind, RolloutInputs, RolloutResult, ScenarioResult};

/// The values a rule's sentence may name.
pub(super) fn placeholders_of(key: K) -> &'static [&'static str] {
    match key {
        K::TaskWithoutOwner => &["task"],
        K::RiskWithoutOwner => &["risk"],
        K::CreditUnsupportedByHours => &["credential", "arithmetic"],
        K::PaybackBeyondHorizon => &["last_year", "shortfall"],
        K::FacultyHoursOverCapacity => &["warning", "term"],
        K::CredentialMissingEuElements => &["credential", "missing"],
        K::PhaseWithoutGateCriteria => &["phase"],
        K::ScenariosOutOfOrder => &["lower", "higher", "measure", "lower_value", "higher_value"],
        K::CalibrationFarFromReference => {
            &["ratio", "projected", "reference", "period", "institution"]
        }
        K::AssessmentMostlyDontKnow => &["area", "dont_know", "statements"],
    }
}

pub(super) fn needs_threshold(key: K) -> bool {
    matches!(
        key,
        K::CalibrationFarFromReference | K::AssessmentMostlyDontKnow
    )
}

fn finding(values: &[(&'static str, String)], field: Option<String>) -> Finding {
    Finding {
        values: values.iter().cloned().collect::<BTreeMap<_, _>>(),
        field,
    }
}

/// Where `key` applies in the plan, in the plan's order.
pub(super) fn findings(key: K, threshold: Option<f64>, inputs: &HealthInputs<'_>) -> Vec<Finding> {
    let plan = &inputs.detail.stored.plan;
    let projected = match &inputs.detail.projection {
        RolloutStatus::Projected { result } => Some(result.as_ref()),
        _ => None,
    };
    let limit = threshold.unwrap_or(f64::INFINITY);
    match key {
        K::TaskWithoutOwner => tasks_without_owner(inputs),
        K::RiskWithoutOwner => risks_without_owner(inputs),
        K::AssessmentMostlyDontKnow => mostly_dont_know(inputs, limit),
        K::FacultyHoursOverCapacity => over_capacity(inputs),
        _ => match (plan.rollout.as_ref(), projected) {
            (Some(rollout), Some(result)) => rollout_findings(key, limit, rollout, result),
            _ => Vec::new(),
        },
    }
}

fn rollout_findings(
    key: K,
    limit: f64,
    inputs: &RolloutInputs,
    result: &RolloutResult,
) -> Vec<Finding> {
    match key {
        K::CreditUnsupportedByHours => unsupported_credit(inputs, result),
        K::CredentialMissingEuElements => missing_eu_elements(inputs),
        K::PaybackBeyondHorizon => payback_beyond_horizon(result),
        K::PhaseWithoutGateCriteria => phases_without_gates(result),
        K::ScenariosOutOfOrder => scenarios_out_of_order(&result.scenarios, &result.currency),
        K::CalibrationFarFromReference => calibration_far(result, limit),
        _ => Vec::new(),
    }
}

/// A task's or risk's name in a sentence: its title, or its place in the list.
fn named(title: &str, what: &str, i: usize) -> String {
    let title = title.trim();
    if title.is_empty() {
        format!("{what} {}", i + 1)
    } else {
        title.to_owned()
    }
}

fn tasks_without_owner(inputs: &HealthInputs<'_>) -> Vec<Finding> {
    let Some(plan) = inputs.work_plan else {
        return Vec::new();
    };
    plan.tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.owner_role.trim().is_empty())
        .map(|(i, t)| {
            finding(
                &[("task", named(&t.title, "Task", i))],
                Some(format!("tasks.{i}.ownerRole")),
            )
        })
        .collect()
}

fn risks_without_owner(inputs: &HealthInputs<'_>) -> Vec<Finding> {
    inputs
        .risks
        .iter()
        .enumerate()
        .filter(|(_, r)| r.owner_role.trim().is_empty())
        .map(|(i, r)| {
            finding(
                &[("risk", named(&r.title, "Risk", i))],
                Some(format!("risks.{i}.ownerRole")),
            )
        })
        .collect()
}

/// An area where more than `limit` of the statements are answered "don't know".
fn mostly_dont_know(inputs: &HealthInputs<'_>, limit: f64) -> Vec<Finding> {
    inputs
        .detail
        .assessment_result
        .areas
        .iter()
        .filter(|a| a.statements > 0 && f64::from(a.dont_know) > limit * f64::from(a.statements))
        .map(|a| {
            finding(
                &[
                    ("area", a.title.clone()),
                    ("dont_know", a.dont_know.to_string()),
                    ("statements", a.statements.to_string()),
                ],
                Some(a.area.key().to_owned()),
            )
        })
        .collect()
}

fn over_capacity(inputs: &HealthInputs<'_>) -> Vec<Finding> {
    let Some(engagement) = inputs.engagement else {
        return Vec::new();
    };
    engagement
        .terms
        .iter()
        .filter_map(|t| {
            let warning = t.warning()?;
            Some(finding(
                &[("warning", warning), ("term", t.term.clone())],
                Some(format!("terms.{}", t.term_index)),
            ))
        })
        .collect()
}

fn credential_title(inputs: &RolloutInputs, index: u32) -> String {
    inputs.credentials.get(index as usize).map_or_else(
        || format!("Credential {}", index + 1),
        |c| c.title.trim().to_owned(),
    )
}

fn unsupported_credit(inputs: &RolloutInputs, result: &RolloutResult) -> Vec<Finding> {
    result
        .credits
        .iter()
        .flat_map(|c| {
            c.flags
                .iter()
                .filter(|f| f.kind == CreditFlagKind::ExceedsHours)
                .map(move |f| {
                    finding(
                        &[
                            ("credential", credential_title(inputs, c.credential_index)),
                            ("arithmetic", f.message.clone()),
                        ],
                        Some(format!(
                            "credentials.{}.homeCredit.amount",
                            c.credential_index
                        )),
                    )
                })
        })
        .collect()
}

/// The elements a credential's description can leave out: learning outcomes, the EQF level,
/// the quality assurance and, for one the institution runs itself, who awards it. (Assessment
/// type and form of participation always have a value.)
fn missing_eu_elements(inputs: &RolloutInputs) -> Vec<Finding> {
    inputs
        .credentials
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let e = &c.standard_elements;
            let gaps = [
                (
                    e.learning_outcomes.trim().is_empty(),
                    "learning outcomes",
                    "learningOutcomes",
                ),
                (e.eqf_level.is_none(), "EQF level", "eqfLevel"),
                (
                    e.quality_assurance.trim().is_empty(),
                    "quality assurance",
                    "qualityAssurance",
                ),
            ];
            let mut missing: Vec<(&str, String)> = gaps
                .into_iter()
                .filter(|(gap, _, _)| *gap)
                .map(|(_, label, key)| (label, format!("credentials.{i}.standardElements.{key}")))
                .collect();
            if c.provider.name.trim().is_empty() {
                missing.push(("awarding body", format!("credentials.{i}.provider.name")));
            }
            let field = missing.first()?.1.clone();
            let labels: Vec<&str> = missing.iter().map(|(label, _)| *label).collect();
            Some(finding(
                &[
                    ("credential", credential_title(inputs, i as u32)),
                    ("missing", list(&labels)),
                ],
                Some(field),
            ))
        })
        .collect()
}

/// "a", "a or b", "a, b or c".
fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// Credentials enrol learners, yet the benefits never catch up with the costs.
fn payback_beyond_horizon(result: &RolloutResult) -> Vec<Finding> {
    let b = &result.budget;
    let enrols = result.uptake.totals.enrolments > 0.0;
    let Some(last) = b.years.last() else {
        return Vec::new();
    };
    if !enrols || b.payback_year_index.is_some() {
        return Vec::new();
    }
    let shortfall = (last.cumulative_cost - last.cumulative_benefit)
        .max(0.0)
        .round();
    vec![finding(
        &[
            ("last_year", last.label.clone()),
            ("shortfall", Money::new(&result.currency).format(shortfall)),
        ],
        None,
    )]
}

fn phases_without_gates(result: &RolloutResult) -> Vec<Finding> {
    result
        .phases
        .iter()
        .filter(|p| p.term_count > 0 && p.gate_criteria.iter().all(|c| c.trim().is_empty()))
        .map(|p| finding(&[("phase", p.label.clone())], None))
        .collect()
}

/// A figure of a scenario: its name in a sentence, how to read it, and whether it is money
/// (which can be negative).
type ScenarioMeasure = (&'static str, fn(&ScenarioResult) -> f64, bool);

/// Conservative ≤ expected ≤ ambitious, in enrolments, completions and net benefit.
fn scenarios_out_of_order(scenarios: &[ScenarioResult], currency: &str) -> Vec<Finding> {
    let money = Money::new(currency);
    let measures: [ScenarioMeasure; 3] = [
        ("enrolments", |s| s.enrolments, false),
        ("completions", |s| s.completions, false),
        ("net benefit", |s| s.net_benefit, true),
    ];
    let mut out = Vec::new();
    for pair in scenarios.windows(2) {
        let (lower, higher) = (&pair[0], &pair[1]);
        for (measure, value, is_money) in measures {
            let (a, b) = (value(lower), value(higher));
            if a - b > 1e-6 * b.abs().max(1.0) {
                let show = |x: f64| if is_money { money.format(x) } else { count(x) };
                out.push(finding(
                    &[
                        ("lower", lower.label.to_lowercase()),
                        ("higher", higher.label.to_lowercase()),
                        ("measure", measure.to_owned()),
                        ("lower_value", show(a)),
                        ("higher_value", show(b)),
                    ],
                    None,
                ));
            }
        }
    }
    out
}

/// Projected students enrolled per 1,000 more than `factor` times the reference's, or less
/// than the reference's divided by it.
fn calibration_far(result: &RolloutResult, factor: f64) -> Vec<Finding> {
    let Some(c) = &result.calibration else {
        return Vec::new();
    };
    let reference = c.reference_enrolled_per_thousand;
    if reference <= 0.0 {
        return Vec::new();
    }
    let ratio = c.projected_learners_per_thousand / reference;
    if ratio <= factor && ratio * factor >= 1.0 {
        return Vec::new();
    }
    vec![finding(
        &[
            ("ratio", times(ratio)),
            ("projected", one_decimal(c.projected_learners_per_thousand)),
            ("reference", one_decimal(reference)),
            ("period", c.period_label.clone()),
            ("institution", c.reference_institution.clone()),
        ],
        None,
    )]
}

/// "2.3 times"; under one, to two places ("0.42 times") so a small share does not read as 0.
fn times(ratio: f64) -> String {
    if ratio >= 1.0 {
        format!("{ratio:.1} times")
    } else {
        format!("{ratio:.2} times")
    }
}
