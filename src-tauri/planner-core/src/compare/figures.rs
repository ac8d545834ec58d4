//! The figures two plans give, computed as the window shows them, where they differ, each with
//! the difference a reader would work out (“+5,084”, “1 year later”).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::plan::Plan;
use crate::rollout::project_central;
use crate::workplan::{Schedule, TaskKind, Timeline, schedule};

use super::{Difference, Shown, ValueChange};

/// What a plan without a figure shows for it.
const NONE: &str = "none";

/// One figure of a plan, as it is before being printed.
#[derive(Debug, Clone, PartialEq)]
enum Figure {
    Count(f64),
    /// In the plan's own currency.
    Money(f64),
    /// The fiscal year's name and the calendar year it ends in; `None` when not within the plan.
    Year(Option<(String, i32)>),
    Date(NaiveDate),
}

/// A plan's figures; missing when the plan has no working rollout.
struct Figures {
    /// The plan's currency.
    currency: String,
    rows: Vec<(&'static str, Figure)>,
    /// Each milestone and phase gate by title, with its date.
    milestones: BTreeMap<String, NaiveDate>,
}

/// The figures compared, in the order they print.
const WHATS: [&str; 7] = [
    "Enrolments",
    "Completions",
    "Credits awarded",
    "Total cost",
    "Net cost (cost less benefit)",
    "Payback year",
    "Plan ends",
];

fn figures(plan: &Plan) -> Option<Figures> {
    // The central figures are what the comparison prints; the uncertainty bands are not.
    let result = project_central(&plan.profile, plan.rollout.as_ref()?).ok()?;
    let totals = &result.uptake.totals;
    let budget = &result.budget;
    let payback = budget
        .payback_year_index
        .and_then(|i| result.fiscal_years.get(i as usize))
        .map(|year| (year.label.clone(), year.end.year()));
    let rows = WHATS
        .into_iter()
        .zip([
            Figure::Count(totals.enrolments),
            Figure::Count(totals.completions),
            Figure::Count(totals.credits_awarded),
            Figure::Money(budget.total_cost),
            Figure::Money(-budget.net_benefit),
            Figure::Year(payback),
            Figure::Date(result.end_date),
        ])
        .collect();
    let milestones = schedule(&plan.work_plan, &Timeline::of(&result))
        .map(|s| milestone_dates(plan, &s))
        .unwrap_or_default();
    Some(Figures {
        currency: plan.profile.currency.clone(),
        rows,
        milestones,
    })
}

fn milestone_dates(plan: &Plan, schedule: &Schedule) -> BTreeMap<String, NaiveDate> {
    plan.work_plan
        .tasks
        .iter()
        .zip(&schedule.tasks)
        .filter(|(task, _)| matches!(task.kind, TaskKind::Milestone | TaskKind::PhaseGate { .. }))
        .map(|(task, at)| (task.title.clone(), at.earliest_finish))
        .collect()
}

fn shown(figure: &Figure, currency: &str) -> Shown {
    match figure {
        Figure::Count(n) => Shown::Count { value: *n },
        Figure::Money(amount) => Shown::Money {
            amount: *amount,
            currency: currency.to_owned(),
        },
        Figure::Year(Some((label, _))) => Shown::words(label.clone()),
        Figure::Year(None) => Shown::words("not within the plan"),
        Figure::Date(date) => Shown::date(*date),
    }
}

/// “1 year later”, “2 weeks earlier”, “3 days later”.
fn later_or_earlier(amount: i64, unit: &str) -> String {
    let units = if amount.abs() == 1 {
        unit.to_owned()
    } else {
        format!("{unit}s")
    };
    let direction = if amount > 0 { "later" } else { "earlier" };
    format!("{} {units} {direction}", amount.abs())
}

/// The difference from `before` to `after` as a reader would work it out from the two figures
/// printed: from the rounded figures, so “32,512 → 37,596” differs by “+5,084”. None where a
/// difference means nothing (amounts in two currencies, a payback year against none).
fn difference(
    before: &Figure,
    after: &Figure,
    same_currency: bool,
    currency: &str,
) -> Option<Difference> {
    match (before, after) {
        (Figure::Count(b), Figure::Count(a)) => Some(Difference::Count {
            by: a.round() - b.round(),
        }),
        (Figure::Money(b), Figure::Money(a)) if same_currency => Some(Difference::Money {
            by: a.round() - b.round(),
            currency: currency.to_owned(),
        }),
        (Figure::Year(Some((_, b))), Figure::Year(Some((_, a)))) => Some(Difference::Words {
            text: later_or_earlier(i64::from(a - b), "year"),
        }),
        (Figure::Date(b), Figure::Date(a)) => Some(Difference::Words {
            text: days_apart(*b, *a),
        }),
        _ => None,
    }
}

/// How far `after` falls from `before`: in years or months when it falls on the same day of
/// the month, in weeks when a whole number of them, else in days.
fn days_apart(before: NaiveDate, after: NaiveDate) -> String {
    let days = (after - before).num_days();
    let months = (after.year() - before.year()) * 12 + after.month() as i32 - before.month() as i32;
    if after.day() == before.day() && months != 0 {
        if months % 12 == 0 {
            later_or_earlier(i64::from(months / 12), "year")
        } else {
            later_or_earlier(i64::from(months), "month")
        }
    } else if days % 7 == 0 {
        later_or_earlier(days / 7, "week")
    } else {
        later_or_earlier(days, "day")
    }
}

pub(super) fn changed_figures(before: &Plan, after: &Plan) -> Vec<ValueChange> {
    let (b, a) = (figures(before), figures(after));
    let same_currency = before.profile.currency == after.profile.currency;
    let value = |f: &Option<Figures>, index: usize| {
        f.as_ref()
            .map(|f| (f.rows[index].1.clone(), f.currency.clone()))
    };
    let mut changes = Vec::new();
    for (index, what) in WHATS.into_iter().enumerate() {
        let (old, new) = (value(&b, index), value(&a, index));
        let show = |v: &Option<(Figure, String)>| {
            v.as_ref().map_or(Shown::words(NONE), |(figure, currency)| {
                shown(figure, currency)
            })
        };
        let Some(mut change) = ValueChange::new(what, show(&old), show(&new)) else {
            continue;
        };
        if let (Some((old, _)), Some((new, currency))) = (&old, &new) {
            change.difference = difference(old, new, same_currency, currency);
        }
        changes.push(change);
    }
    let dates = |f: &Option<Figures>| f.as_ref().map(|f| f.milestones.clone()).unwrap_or_default();
    let (db, da) = (dates(&b), dates(&a));
    let mut titles: Vec<&String> = da.keys().chain(db.keys()).collect();
    titles.sort();
    titles.dedup();
    for title in titles {
        let (old, new) = (db.get(title), da.get(title));
        let show = |d: Option<&NaiveDate>| d.map_or(Shown::words(NONE), |d| Shown::date(*d));
        let Some(mut change) =
            ValueChange::new(&format!("“{title}” falls on"), show(old), show(new))
        else {
            continue;
        };
        if let (Some(old), Some(new)) = (old, new) {
            change.difference = Some(Difference::Words {
                text: days_apart(*old, *new),
            });
        }
        changes.push(change);
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    #[test]
    fn differences_read_as_the_printed_figures_subtract() {
        let diff = |b, a| difference(&b, &a, true, "EUR").map(|d| d.text());
        assert_eq!(
            diff(Figure::Count(32_511.6), Figure::Count(37_596.4)).as_deref(),
            Some("+5,084"),
            "from the rounded figures 32,512 and 37,596"
        );
        assert_eq!(
            diff(Figure::Count(120.0), Figure::Count(100.0)).as_deref(),
            Some("\u{2212}20")
        );
        assert_eq!(
            diff(Figure::Money(1_000.0), Figure::Money(13_500.0)).as_deref(),
            Some("+€12,500")
        );
        assert_eq!(
            diff(Figure::Money(5_000.0), Figure::Money(2_000.0)).as_deref(),
            Some("\u{2212}€3,000")
        );
        assert_eq!(
            difference(&Figure::Money(1.0), &Figure::Money(2.0), false, "EUR"),
            None,
            "amounts in two currencies are not subtracted"
        );
        let fy = |label: &str, year| Figure::Year(Some((label.to_owned(), year)));
        assert_eq!(
            diff(fy("FY2028", 2028), fy("FY2029", 2029)).as_deref(),
            Some("1 year later")
        );
        assert_eq!(
            diff(fy("FY2031", 2031), fy("FY2029", 2029)).as_deref(),
            Some("2 years earlier")
        );
        assert_eq!(diff(Figure::Year(None), fy("FY2029", 2029)), None);
        assert_eq!(
            diff(
                Figure::Date(date(2027, 3, 1)),
                Figure::Date(date(2027, 3, 22))
            )
            .as_deref(),
            Some("3 weeks later")
        );
        assert_eq!(
            diff(
                Figure::Date(date(2027, 3, 10)),
                Figure::Date(date(2027, 3, 9))
            )
            .as_deref(),
            Some("1 day earlier")
        );
        assert_eq!(
            diff(
                Figure::Date(date(2031, 8, 31)),
                Figure::Date(date(2032, 8, 31))
            )
            .as_deref(),
            Some("1 year later"),
            "a leap day between does not make it 366 days"
        );
        assert_eq!(
            diff(
                Figure::Date(date(2027, 9, 15)),
                Figure::Date(date(2027, 6, 15))
            )
            .as_deref(),
            Some("3 months earlier")
        );
    }
}
