//! The roll-up as one CSV table: for each fiscal year a row per campus whose plan reaches it,
//! then a row for all campuses; then the same over all years. Written as every table is
//! (`crate::tables`): marked UTF-8, CRLF, quoted, formulas made text.

use super::{Rollup, RollupFigures};
use crate::tables::{Cell, csv_text};

const ALL_CAMPUSES: &str = "All campuses";
const ALL_YEARS: &str = "All years";

pub fn rollup_csv(rollup: &Rollup) -> String {
    let header: Vec<String> = [
        "Fiscal year",
        "Institution",
        "Plan",
        "Share of the year in the plan",
        "Enrolments",
        "Completions",
        "Credits awarded",
        "Credit",
        "Cost",
        "Benefit",
        "Net benefit",
        "Currency",
    ]
    .map(str::to_owned)
    .to_vec();
    let shared_units = (
        rollup.credit_unit.clone().unwrap_or_default(),
        rollup.currency.clone().unwrap_or_default(),
    );
    let mut rows = Vec::new();
    for year in &rollup.years {
        for (campus, at) in rollup.campuses.iter().zip(&year.campuses) {
            if let Some(figures) = &at.figures {
                let units = (campus.credit_unit.clone(), campus.currency.clone());
                rows.push(row(
                    &year.label,
                    (&campus.institution, &campus.title),
                    Cell::share(at.share_in_plan),
                    figures,
                    &units,
                ));
            }
        }
        rows.push(row(
            &year.label,
            (ALL_CAMPUSES, ""),
            Cell::Empty,
            &year.total,
            &shared_units,
        ));
    }
    for campus in &rollup.campuses {
        if let Some(headline) = &campus.headline {
            let units = (campus.credit_unit.clone(), campus.currency.clone());
            rows.push(row(
                ALL_YEARS,
                (&campus.institution, &campus.title),
                Cell::Empty,
                &headline.totals,
                &units,
            ));
        }
    }
    rows.push(row(
        ALL_YEARS,
        (ALL_CAMPUSES, ""),
        Cell::Empty,
        &rollup.total,
        &shared_units,
    ));
    csv_text(&header, &rows)
}

fn row(
    year: &str,
    (institution, title): (&str, &str),
    share: Cell,
    f: &RollupFigures,
    (credit, currency): &(String, String),
) -> Vec<Cell> {
    let credit_unit = if f.credits_awarded.is_some() {
        credit.as_str()
    } else {
        ""
    };
    let currency = if f.cost.is_some() {
        currency.as_str()
    } else {
        ""
    };
    vec![
        Cell::text(year),
        Cell::text(institution),
        Cell::text(title),
        share,
        Cell::figure(f.enrolments),
        Cell::figure(f.completions),
        Cell::optional(f.credits_awarded),
        Cell::text(credit_unit),
        Cell::optional(f.cost),
        Cell::optional(f.benefit),
        Cell::optional(f.net_benefit),
        Cell::text(currency),
    ]
}
