//! The title, profile and rollout inputs that differ, in the words the forms use.

use crate::format::Money;
use crate::plan::Plan;
use crate::rollout::RolloutInputs;

use super::{Shown, ValueChange};

const NONE: &str = "none";

/// One row of the comparison: a label and how a plan shows the value.
type Row<'a> = (&'static str, &'a dyn Fn(&Plan) -> Shown);
/// A rollout input's label and how the inputs show it.
type RolloutRow<'a> = (&'static str, Box<dyn Fn(&RolloutInputs) -> Shown + 'a>);

pub(super) fn changed_inputs(before: &Plan, after: &Plan) -> Vec<ValueChange> {
    let count = |n: u32| Shown::Count {
        value: f64::from(n),
    };
    let rows: &[Row<'_>] = &[
        ("Plan title", &|p| Shown::words(p.title.clone())),
        ("Institution", &|p| Shown::words(p.profile.name.clone())),
        ("Country", &|p| {
            Shown::words(p.profile.country_name().unwrap_or(NONE))
        }),
        ("Kind of institution", &|p| {
            Shown::words(p.profile.institution_type.label())
        }),
        ("Total enrolment", &|p| count(p.profile.total_enrolment)),
        ("Degree programs", &|p| count(p.profile.degree_programs)),
        ("Faculty headcount", &|p| count(p.profile.faculty_headcount)),
        ("Terms in the year", &|p| {
            let names: Vec<&str> = p
                .profile
                .calendar
                .terms
                .iter()
                .map(|t| t.name.as_str())
                .collect();
            Shown::words(names.join(", "))
        }),
        ("Fiscal year starts in", &|p| {
            Shown::words(crate::month_name(p.profile.fiscal_year_start_month))
        }),
        ("Currency", &|p| Shown::words(p.profile.currency.clone())),
        ("Credit system", &|p| {
            Shown::words(p.profile.credit_system.label())
        }),
        ("Stage", &|p| Shown::words(p.profile.stage.label())),
    ];
    let mut changes: Vec<ValueChange> = rows
        .iter()
        .filter_map(|(what, show)| ValueChange::new(what, show(before), show(after)))
        .collect();
    changes.extend(rollout_inputs(before, after));
    changes
}

/// The rollout's inputs, money in the later plan's currency.
fn rollout_inputs(before: &Plan, after: &Plan) -> Vec<ValueChange> {
    let currency = after.profile.currency.as_str();
    let amount = |amount: f64| Shown::Money {
        amount,
        currency: currency.to_owned(),
    };
    let grants_money = Money::new(&after.profile.currency);
    let whole = |n: u8| Shown::Count {
        value: f64::from(n),
    };
    let term = |index: u32| Shown::Count {
        value: f64::from(index) + 1.0,
    };
    let number = |value: f64| Shown::Decimal { value };
    let rate = |value: f64| Shown::Percent { value };
    let rows: Vec<RolloutRow<'_>> = vec![
        ("Rollout starts", Box::new(|r| Shown::date(r.start_date))),
        ("Years planned", Box::new(move |r| whole(r.horizon_years))),
        (
            "Pilot begins in term",
            Box::new(move |r| term(r.phases.pilot_start_term)),
        ),
        (
            "Scaling up begins in term",
            Box::new(move |r| term(r.phases.scale_start_term)),
        ),
        (
            "Sustained operation begins in term",
            Box::new(move |r| term(r.phases.sustain_start_term)),
        ),
        (
            "Uptake in the pilot term",
            Box::new(move |r| rate(r.uptake.pilot_rate_pct)),
        ),
        (
            "Target uptake per term",
            Box::new(move |r| rate(r.uptake.target_rate_pct)),
        ),
        (
            "Terms to the steepest rise in uptake",
            Box::new(move |r| number(r.uptake.midpoint_terms)),
        ),
        (
            "How sharply uptake rises",
            Box::new(move |r| number(r.uptake.steepness)),
        ),
        (
            "Completion rate",
            Box::new(move |r| rate(r.uptake.completion_rate_pct)),
        ),
        (
            "Courses completed by those who do not finish",
            Box::new(move |r| rate(r.uptake.non_completer_course_share_pct)),
        ),
        (
            "Licence cost per learner",
            Box::new(move |r| amount(r.budget.licence_cost_per_learner)),
        ),
        (
            "Mapping hours per credential",
            Box::new(move |r| number(r.budget.mapping_hours_per_credential)),
        ),
        (
            "Mapping rate per hour",
            Box::new(move |r| amount(r.budget.mapping_rate_per_hour)),
        ),
        (
            "Faculty development hours a year",
            Box::new(move |r| number(r.budget.faculty_development_hours_per_year)),
        ),
        (
            "Faculty development rate per hour",
            Box::new(move |r| amount(r.budget.faculty_development_rate_per_hour)),
        ),
        (
            "Support staff (full-time equivalent)",
            Box::new(move |r| number(r.budget.staff_fte)),
        ),
        (
            "Salary per full-time staff member",
            Box::new(move |r| amount(r.budget.salary_per_fte)),
        ),
        (
            "Marketing a year",
            Box::new(move |r| amount(r.budget.marketing_per_year)),
        ),
        (
            "Technology integration",
            Box::new(move |r| amount(r.budget.technology_integration)),
        ),
        (
            "Retention rise (percentage points)",
            Box::new(move |r| number(r.budget.retention_uplift_pct_points)),
        ),
        (
            "Net tuition per student a year",
            Box::new(move |r| amount(r.budget.net_tuition_per_student)),
        ),
        (
            "Additional students a year",
            Box::new(move |r| number(r.budget.additional_students_per_year)),
        ),
        (
            "Grants",
            Box::new(move |r| {
                let total: f64 = r.budget.grants.iter().map(|g| g.amount).sum();
                Shown::words(match r.budget.grants.len() {
                    0 => NONE.to_owned(),
                    n => format!("{n} totalling {}", grants_money.format(total)),
                })
            }),
        ),
    ];
    match (&before.rollout, &after.rollout) {
        (None, None) => Vec::new(),
        (Some(_), None) => {
            ValueChange::words("Rollout model", "set up".into(), "not set up".into())
                .into_iter()
                .collect()
        }
        (None, Some(_)) => {
            ValueChange::words("Rollout model", "not set up".into(), "set up".into())
                .into_iter()
                .collect()
        }
        (Some(b), Some(a)) => rows
            .iter()
            .filter_map(|(what, show)| ValueChange::new(what, show(b), show(a)))
            .collect(),
    }
}
