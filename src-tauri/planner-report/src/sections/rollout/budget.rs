//! The budget: headline figures, cumulative cost against benefit, and the costs and benefits
//! of each fiscal year, all in the plan's currency as planner-core computed them.

use planner_core::format::Money;
use planner_core::rollout::BudgetYear;
use planner_core::{currency_name, month_name};

use crate::chart;
use crate::document::ReportDocument;
use crate::layout::{CONTENT_LEFT, CONTENT_WIDTH, MM, styles};
use crate::sections::rollout::{NO_PAYBACK, NO_VALUE, Rollout, budget_chart};
use crate::sections::{introduction, key_figures, open_section, subheading, titled_table};
use crate::table::{self, Column, Table};

pub(crate) const TITLE: &str = "Budget";
pub(crate) const CHART_TITLE: &str = "Cumulative cost and benefit";

pub(crate) fn draw(doc: &mut ReportDocument, rollout: &Rollout<'_>) {
    let result = rollout.result;
    let budget = &result.budget;
    let money = &rollout.money;
    open_section(doc, TITLE);
    introduction(doc, &summary(rollout));
    doc.move_down(5.0 * MM);

    let per = |value: Option<f64>| value.map_or(NO_VALUE.to_owned(), |v| money.format(v));
    key_figures(
        doc,
        &[
            ("Total cost", money.format(budget.total_cost)),
            ("Total benefit", money.format(budget.total_benefit)),
            ("Net benefit", money.format(budget.net_benefit)),
        ],
    );
    key_figures(
        doc,
        &[
            ("Cost per enrolment", per(budget.cost_per_enrolment)),
            ("Cost per completion", per(budget.cost_per_completion)),
            (
                "Payback year",
                budget.payback_year.clone().unwrap_or(NO_PAYBACK.to_owned()),
            ),
        ],
    );
    doc.move_down(8.0 * MM);

    let lay_out = |doc: &ReportDocument, top: f32| {
        budget_chart::lay_out(doc, &budget.years, budget.payback_year_index, money, top)
    };
    subheading(doc, CHART_TITLE, lay_out(doc, 0.0).height);
    chart::draw(doc, lay_out);
    doc.move_down(8.0 * MM);

    let years = &budget.years;
    year_table(
        doc,
        money,
        years,
        &format!("Costs by fiscal year, {}", money.unit()),
        (16.0 * MM, true),
        &[
            ("Licences", |y| y.licences, Some(budget.totals.licences)),
            (
                "Curriculum mapping",
                |y| y.curriculum_mapping,
                Some(budget.totals.curriculum_mapping),
            ),
            (
                "Faculty development",
                |y| y.faculty_development,
                Some(budget.totals.faculty_development),
            ),
            ("Staff", |y| y.staff, Some(budget.totals.staff)),
            ("Marketing", |y| y.marketing, Some(budget.totals.marketing)),
            (
                "Technology",
                |y| y.technology_integration,
                Some(budget.totals.technology_integration),
            ),
            ("Total cost", |y| y.cost, Some(budget.total_cost)),
        ],
    );
    doc.move_down(8.0 * MM);
    year_table(
        doc,
        money,
        years,
        &format!("Benefits and net by fiscal year, {}", money.unit()),
        (18.0 * MM, false),
        &[
            (
                "Retention",
                |y| y.retention_benefit,
                Some(budget.totals.retention_benefit),
            ),
            (
                "Additional enrolment",
                |y| y.additional_enrolment_benefit,
                Some(budget.totals.additional_enrolment_benefit),
            ),
            ("Grants", |y| y.grants, Some(budget.totals.grants)),
            ("Total benefit", |y| y.benefit, Some(budget.total_benefit)),
            ("Net benefit", |y| y.net_benefit, Some(budget.net_benefit)),
            // A running sum has no total.
            ("Cumulative net", |y| y.cumulative_net_benefit, None),
        ],
    );
    doc.move_down(2.0 * MM);
    doc.paragraph(
        CONTENT_LEFT,
        CONTENT_WIDTH,
        &styles::SMALL,
        "Net benefit is benefit less cost; a negative figure is a net cost. Figures are rounded \
         for display; totals are of the unrounded figures.",
    );
}

/// A column of a table by fiscal year: its title, the year's amount, and the column's total
/// (none for a running sum).
type YearColumn<'a> = (&'a str, fn(&BudgetYear) -> f64, Option<f64>);

/// A table with a row per fiscal year and a totals row: the year's label (`label` wide), then
/// one amount per column in equal widths, in the plan's currency without its sign (the title
/// names it).
fn year_table(
    doc: &mut ReportDocument,
    money: &Money,
    years: &[BudgetYear],
    title: &str,
    (label, compact): (f32, bool),
    figures: &[YearColumn<'_>],
) {
    let figure = (CONTENT_WIDTH - label) / figures.len() as f32;
    let columns: Vec<Column> = std::iter::once(Column::left(label, styles::CELL))
        .chain(figures.iter().map(|_| Column::right(figure, styles::CELL)))
        .collect();
    let rows = years
        .iter()
        .map(|year| {
            std::iter::once(year.label.clone())
                .chain(figures.iter().map(|(_, of, _)| money.bare(of(year))))
                .collect()
        })
        .collect();
    let titles: Vec<&str> = std::iter::once("Fiscal year")
        .chain(figures.iter().map(|(title, _, _)| *title))
        .collect();
    let totals = std::iter::once("Total".to_owned())
        .chain(
            figures
                .iter()
                .map(|(_, _, total)| total.map_or(String::new(), |t| money.bare(t))),
        )
        .collect();
    titled_table(
        doc,
        title,
        None,
        &Table {
            columns: &columns,
            keep_whole: true,
            compact,
            header: Some(table::titles(&titles)),
            rows,
            footer: Some(totals),
            ..Table::default()
        },
    );
}

/// What the amounts are and how the fiscal year runs.
fn summary(rollout: &Rollout<'_>) -> String {
    let money = &rollout.money;
    let currency = match currency_name(money.code()) {
        Some(name) => format!("{} ({name})", money.code()),
        None => money.code().to_owned(),
    };
    let fiscal = format!(
        "The fiscal year starts in {}",
        month_name(rollout.plan.profile.fiscal_year_start_month)
    );
    let budget = &rollout.result.budget;
    let payback = match &budget.payback_year {
        Some(year) if budget.payback_carried_by_grants => format!(
            " Payback counts from the first launch; in {year} the cumulative benefit reaches the \
             cost only with the grants received so far, not from the learners alone."
        ),
        _ => {
            " Payback counts from the fiscal year of the first launch, never before it.".to_owned()
        }
    };
    let grants: Vec<String> = rollout
        .inputs
        .map(|i| i.budget.grants.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|g| {
            let year = rollout
                .result
                .fiscal_years
                .get(g.fiscal_year_index as usize)
                .map_or(String::new(), |fy| format!(" in {}", fy.label));
            format!("“{}”{year}", g.name.trim())
        })
        .collect();
    let grants = if grants.is_empty() {
        String::new()
    } else {
        format!(" The grants: {}.", grants.join("; "))
    };
    format!(
        "Costs and benefits by fiscal year, in {currency}. {fiscal}; annual amounts are \
         prorated for a fiscal year the plan covers only in part. Benefits count the net tuition \
         of students retained and of additional students, and grants.{grants}{payback}"
    )
}
