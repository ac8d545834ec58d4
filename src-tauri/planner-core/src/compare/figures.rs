//! The figures two plans give, computed as the window shows them, where they differ.

use std::collections::BTreeMap;

use crate::format::{Money, count, long_date};
use crate::plan::Plan;
use crate::rollout::project;
use crate::workplan::{Schedule, TaskKind, Timeline, schedule};

use super::ValueChange;

/// What a plan without a figure shows for it.
const NONE: &str = "none";

/// A plan's figures, each as a line of text; missing when the plan has no working rollout.
struct Figures {
    rows: Vec<(String, String)>,
    /// Each milestone and phase gate by title, with its date.
    milestones: BTreeMap<String, String>,
}

fn figures(plan: &Plan) -> Option<Figures> {
    let result = project(&plan.profile, plan.rollout.as_ref()?).ok()?;
    let money = Money::new(&plan.profile.currency);
    let totals = &result.uptake.totals;
    let budget = &result.budget;
    let rows = vec![
        ("Enrolments".to_owned(), count(totals.enrolments)),
        ("Completions".to_owned(), count(totals.completions)),
        ("Credits awarded".to_owned(), count(totals.credits_awarded)),
        ("Total cost".to_owned(), money.format(budget.total_cost)),
        (
            "Net cost (cost less benefit)".to_owned(),
            money.format(-budget.net_benefit),
        ),
        (
            "Payback year".to_owned(),
            budget
                .payback_year
                .clone()
                .unwrap_or_else(|| "not within the plan".to_owned()),
        ),
        ("Plan ends".to_owned(), long_date(result.end_date)),
    ];
    let milestones = schedule(&plan.work_plan, &Timeline::of(&result))
        .map(|s| milestone_dates(plan, &s))
        .unwrap_or_default();
    Some(Figures { rows, milestones })
}

fn milestone_dates(plan: &Plan, schedule: &Schedule) -> BTreeMap<String, String> {
    plan.work_plan
        .tasks
        .iter()
        .zip(&schedule.tasks)
        .filter(|(task, _)| matches!(task.kind, TaskKind::Milestone | TaskKind::PhaseGate { .. }))
        .map(|(task, at)| (task.title.clone(), long_date(at.earliest_finish)))
        .collect()
}

pub(super) fn changed_figures(before: &Plan, after: &Plan) -> Vec<ValueChange> {
    let (b, a) = (figures(before), figures(after));
    let value = |f: &Option<Figures>, what: &str| {
        f.as_ref()
            .and_then(|f| f.rows.iter().find(|(w, _)| w == what))
            .map_or(NONE.to_owned(), |(_, v)| v.clone())
    };
    let whats: Vec<String> = [&b, &a]
        .into_iter()
        .flatten()
        .next()
        .map(|f| f.rows.iter().map(|(w, _)| w.clone()).collect())
        .unwrap_or_default();
    let mut changes: Vec<ValueChange> = whats
        .iter()
        .filter_map(|what| ValueChange::new(what, value(&b, what), value(&a, what)))
        .collect();
    let dates = |f: &Option<Figures>| f.as_ref().map(|f| f.milestones.clone()).unwrap_or_default();
    let (db, da) = (dates(&b), dates(&a));
    let mut titles: Vec<&String> = da.keys().chain(db.keys()).collect();
    titles.sort();
    titles.dedup();
    for title in titles {
        let show = |d: &BTreeMap<String, String>| d.get(title).cloned().unwrap_or(NONE.to_owned());
        changes.extend(ValueChange::new(
            &format!("“{title}” falls on"),
            show(&db),
            show(&da),
        ));
    }
    changes
}
