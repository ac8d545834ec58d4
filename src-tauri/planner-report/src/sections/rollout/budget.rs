//! The budget: headline figures, cumulative cost against benefit, and the costs and benefits
//! of each fiscal year, all in the plan's currency as planner-core computed them.

use planner_core::{currency_name, month_name};

use crate::chart;
use crate::document::ReportDocument;
use crate::layout::{CONTENT_LEFT, CONTENT_WIDTH, MM, styles};
use crate::sections::rollout::{NO_PAYBACK, NO_VALUE, Rollout, budget_chart};
use crate::sections::{introduction, key_figures, section_heading, subheading, titled_table};
use crate::table::{self, Column, Table};

pub(crate) const TITLE: &str = "Budget";
pub(crate) const CHART_TITLE: &str = "Cumulative cost and benefit";

pub(crate) fn draw(doc: &mut ReportDocument, rollout: &Rollout<'_>) {
    let result = rollout.result;
    let budget = &result.budget;
    let money = &rollout.money;
    doc.start_page();
    doc.bookmark(TITLE);
    section_heading(doc, TITLE);
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

    let unit = money.unit();
    let label = 16.0 * MM;
    let figure = (CONTENT_WIDTH - label) / 7.0;
    let columns: Vec<Column> = std::iter::once(Column::left(label, styles::CELL))
        .chain((0..7).map(|_| Column::right(figure, styles::CELL)))
        .collect();
    let amount = |v: f64| money.bare(v);
    let rows = budget
        .years
        .iter()
        .map(|y| {
            vec![
                y.label.clone(),
                amount(y.licences),
                amount(y.curriculum_mapping),
                amount(y.faculty_development),
                amount(y.staff),
                amount(y.marketing),
                amount(y.technology_integration),
                amount(y.cost),
            ]
        })
        .collect();
    titled_table(
        doc,
        &format!("Costs by fiscal year, {unit}"),
        None,
        &Table {
            columns: &columns,
            keep_whole: true,
            compact: true,
            header: Some(table::titles(&[
                "Fiscal year",
                "Licences",
                "Curriculum mapping",
                "Faculty development",
                "Staff",
                "Marketing",
                "Technology",
                "Total cost",
            ])),
            rows,
            footer: Some(vec![
                "Total".to_owned(),
                amount(budget.totals.licences),
                amount(budget.totals.curriculum_mapping),
                amount(budget.totals.faculty_development),
                amount(budget.totals.staff),
                amount(budget.totals.marketing),
                amount(budget.totals.technology_integration),
                amount(budget.total_cost),
            ]),
            ..Table::default()
        },
    );

    doc.move_down(8.0 * MM);
    let rows = budget
        .years
        .iter()
        .map(|y| {
            vec![
                y.label.clone(),
                amount(y.retention_benefit),
                amount(y.additional_enrolment_benefit),
                amount(y.grants),
                amount(y.benefit),
                amount(y.net_benefit),
                amount(y.cumulative_net_benefit),
            ]
        })
        .collect();
    let label = 18.0 * MM;
    let figure = (CONTENT_WIDTH - label) / 6.0;
    let columns: Vec<Column> = std::iter::once(Column::left(label, styles::CELL))
        .chain((0..6).map(|_| Column::right(figure, styles::CELL)))
        .collect();
    titled_table(
        doc,
        &format!("Benefits and net by fiscal year, {unit}"),
        None,
        &Table {
            columns: &columns,
            keep_whole: true,
            header: Some(table::titles(&[
                "Fiscal year",
                "Retention",
                "Additional enrolment",
                "Grants",
                "Total benefit",
                "Net benefit",
                "Cumulative net",
            ])),
            rows,
            footer: Some(vec![
                "Total".to_owned(),
                amount(budget.totals.retention_benefit),
                amount(budget.totals.additional_enrolment_benefit),
                amount(budget.totals.grants),
                amount(budget.total_benefit),
                amount(budget.net_benefit),
                String::new(),
            ]),
            ..Table::default()
        },
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
