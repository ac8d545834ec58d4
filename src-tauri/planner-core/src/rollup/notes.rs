//! The roll-up's notes: how the plans were aligned and what could not be added, in sentences
//! the PDF, the window and the CSV's reader all get the same.

use super::Rollup;
use crate::month_name;
use crate::plan::PlanDetail;

pub(super) fn notes(rollup: &Rollup, plans: &[PlanDetail]) -> Vec<String> {
    let counted: Vec<&PlanDetail> = plans
        .iter()
        .zip(&rollup.campuses)
        .filter(|(_, c)| c.headline.is_some())
        .map(|(p, _)| p)
        .collect();
    let mut notes = Vec::new();
    if counted.is_empty() {
        notes.push(
            "None of these plans has its rollout set up, so there are no figures to add yet."
                .to_owned(),
        );
    } else {
        notes.push(
            "Each row is a fiscal year, named by the calendar year it ends in; each campus's \
             figures are those of its own fiscal year of that name, as its budget shows them."
                .to_owned(),
        );
    }
    let starts: Vec<(String, u8)> = counted
        .iter()
        .map(|p| {
            (
                name(p, plans),
                p.stored.plan.profile.fiscal_year_start_month,
            )
        })
        .collect();
    if starts.iter().any(|(_, m)| *m != starts[0].1) {
        let each: Vec<String> = starts
            .iter()
            .map(|(n, m)| format!("{n}: {}", month_name(*m)))
            .collect();
        notes.push(format!(
            "The campuses' fiscal years start in different months ({}), so a row adds years \
             that do not cover the same months.",
            each.join("; ")
        ));
    }
    let partial: Vec<&str> = rollup
        .years
        .iter()
        .filter(|y| y.partly_covered)
        .map(|y| y.label.as_str())
        .collect();
    if !partial.is_empty() {
        notes.push(format!(
            "Partly covered: {}. A plan that starts or ends inside a year counts only the part \
             inside it (its share of the year is given beside its figures), and a plan that \
             does not reach a year adds nothing to it.",
            partial.join(", ")
        ));
    }
    let named = |p: &PlanDetail| name(p, plans);
    unit_note(
        &counted,
        &named,
        rollup.currency.as_deref(),
        ("Amounts are in", "money in different currencies", "amounts"),
        |p| p.stored.plan.profile.currency.clone(),
        &mut notes,
    );
    unit_note(
        &counted,
        &named,
        rollup.credit_unit.as_deref(),
        ("Credits are", "credit in different systems", "credits"),
        |p| p.stored.plan.profile.credit_system.label().to_owned(),
        &mut notes,
    );
    for (plan, campus) in plans.iter().zip(&rollup.campuses) {
        if let Some(reason) = &campus.not_counted {
            notes.push(format!(
                "{} is listed but adds nothing to the totals: {reason}.",
                name(plan, plans)
            ));
        }
    }
    notes
}

/// "Amounts are in USD." or why they are not added.
/// `words`: how the note opens when the unit is shared, what differs otherwise, and what
/// is not added.
fn unit_note(
    counted: &[&PlanDetail],
    name: &dyn Fn(&PlanDetail) -> String,
    shared: Option<&str>,
    (same, differ, what): (&str, &str, &str),
    unit: impl Fn(&PlanDetail) -> String,
    notes: &mut Vec<String>,
) {
    if counted.is_empty() {
        return;
    }
    match shared {
        Some(unit) => notes.push(format!("{same} {unit}.")),
        None => {
            let each: Vec<String> = counted
                .iter()
                .map(|p| format!("{}: {}", name(p), unit(p)))
                .collect();
            notes.push(format!(
                "The campuses count {differ} ({}): each campus's {what} are given in its own \
                 units and not added, as nothing here converts them.",
                each.join("; ")
            ));
        }
    }
}

/// How a campus is named in a sentence: its institution, with its plan's title when another
/// plan of the roll-up is from the same institution.
fn name(plan: &PlanDetail, plans: &[PlanDetail]) -> String {
    let institution = &plan.stored.plan.profile.name;
    let shared = plans
        .iter()
        .filter(|p| p.stored.plan.profile.name == *institution)
        .count()
        > 1;
    if shared {
        format!("{institution} (“{}”)", plan.stored.plan.title)
    } else {
        institution.clone()
    }
}
