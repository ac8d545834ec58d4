//! The title, profile and rollout inputs that differ, in the words the forms use.

use crate::format::{Money, decimal, format_count, long_date, percent};
use crate::plan::Plan;
use crate::rollout::RolloutInputs;

use super::ValueChange;

const NONE: &str = "none";

/// One row of the comparison: a label and how a plan shows the value.
type Row<'a> = (&'static str, &'a dyn Fn(&Plan) -> String);
/// A rollout input's label and how the inputs show it.
type RolloutRow<'a> = (&'static str, Box<dyn Fn(&RolloutInputs) -> String + 'a>);

pub(super) fn changed_inputs(before: &Plan, after: &Plan) -> Vec<ValueChange> {
    let count = |n: u32| format_count(u64::from(n));
    let rows: &[Row<'_>] = &[
        ("Plan title", &|p| p.title.clone()),
        ("Institution", &|p| p.profile.name.clone()),
        ("Country", &|p| {
            p.profile
                .country_name()
                .map_or(NONE.to_owned(), str::to_owned)
        }),
        ("Kind of institution", &|p| {
            p.profile.institution_type.label().to_owned()
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
            names.join(", ")
        }),
        ("Fiscal year starts in", &|p| {
            crate::month_name(p.profile.fiscal_year_start_month).to_owned()
        }),
        ("Currency", &|p| p.profile.currency.clone()),
        ("Credit system", &|p| {
            p.profile.credit_system.label().to_owned()
        }),
        ("Stage", &|p| p.profile.stage.label().to_owned()),
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
    let money = Money::new(&after.profile.currency);
    let amount = |v: f64| money.format(v);
    let rows: Vec<RolloutRow<'_>> = vec![
        ("Rollout starts", Box::new(|r| long_date(r.start_date))),
        ("Years planned", Box::new(|r| r.horizon_years.to_string())),
        (
            "Pilot begins in term",
            Box::new(|r| (r.phases.pilot_start_term + 1).to_string()),
        ),
        (
            "Scaling up begins in term",
            Box::new(|r| (r.phases.scale_start_term + 1).to_string()),
        ),
        (
            "Sustained operation begins in term",
            Box::new(|r| (r.phases.sustain_start_term + 1).to_string()),
        ),
        (
            "Uptake in the pilot term",
            Box::new(|r| percent(r.uptake.pilot_rate_pct)),
        ),
        (
            "Target uptake per term",
            Box::new(|r| percent(r.uptake.target_rate_pct)),
        ),
        (
            "Terms to the steepest rise in uptake",
            Box::new(|r| decimal(r.uptake.midpoint_terms)),
        ),
        (
            "How sharply uptake rises",
            Box::new(|r| decimal(r.uptake.steepness)),
        ),
        (
            "Completion rate",
            Box::new(|r| percent(r.uptake.completion_rate_pct)),
        ),
        (
            "Courses completed by those who do not finish",
            Box::new(|r| percent(r.uptake.non_completer_course_share_pct)),
        ),
        (
            "Licence cost per learner",
            Box::new(move |r| amount(r.budget.licence_cost_per_learner)),
        ),
        (
            "Mapping hours per credential",
            Box::new(|r| decimal(r.budget.mapping_hours_per_credential)),
        ),
        (
            "Mapping rate per hour",
            Box::new(move |r| amount(r.budget.mapping_rate_per_hour)),
        ),
        (
            "Faculty development hours a year",
            Box::new(|r| decimal(r.budget.faculty_development_hours_per_year)),
        ),
        (
            "Faculty development rate per hour",
            Box::new(move |r| amount(r.budget.faculty_development_rate_per_hour)),
        ),
        (
            "Support staff (full-time equivalent)",
            Box::new(|r| decimal(r.budget.staff_fte)),
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
            Box::new(|r| decimal(r.budget.retention_uplift_pct_points)),
        ),
        (
            "Net tuition per student a year",
            Box::new(move |r| amount(r.budget.net_tuition_per_student)),
        ),
        (
            "Additional students a year",
            Box::new(|r| decimal(r.budget.additional_students_per_year)),
        ),
        (
            "Grants",
            Box::new(move |r| {
                let total: f64 = r.budget.grants.iter().map(|g| g.amount).sum();
                match r.budget.grants.len() {
                    0 => NONE.to_owned(),
                    n => format!("{n} totalling {}", amount(total)),
                }
            }),
        ),
    ];
    match (&before.rollout, &after.rollout) {
        (None, None) => Vec::new(),
        (Some(_), None) => ValueChange::new("Rollout model", "set up".into(), "not set up".into())
            .into_iter()
            .collect(),
        (None, Some(_)) => ValueChange::new("Rollout model", "not set up".into(), "set up".into())
            .into_iter()
            .collect(),
        (Some(b), Some(a)) => rows
            .iter()
            .filter_map(|(what, show)| ValueChange::new(what, show(b), show(a)))
            .collect(),
    }
}
