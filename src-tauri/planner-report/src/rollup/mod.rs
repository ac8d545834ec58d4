//! The roll-up report: several campus plans side by side for a system office. A cover, the
//! totals by fiscal year with a chart of enrolments by campus, each campus at a glance and its
//! top challenges, and how the plans were aligned. It prints planner-core's roll-up
//! (`planner_core::rollup`); it adds nothing up itself.

mod chart;

use std::path::Path;

use chrono::NaiveDate;
use planner_core::format::{Money, count, long_date};
use planner_core::report::Paper;
use planner_core::rollup::{Rollup, RollupFigures};

use crate::content::Block;
use crate::document::ReportDocument;
use crate::error::Result;
use crate::fingerprint::fingerprint;
use crate::layout::{CONTENT_WIDTH, MM, styles};
use crate::metadata::DocumentInfo;
use crate::sections::{bullet, cover, introduction, open_section, titled_table};
use crate::table::{self, Column, Table};
use crate::{RenderedReport, write_atomically};

pub(crate) const KICKER: &str = "Roll-up of micro-credential adoption plans";
pub(crate) const TOTALS_TITLE: &str = "Totals by fiscal year";
pub(crate) const CAMPUSES_TITLE: &str = "Each campus at a glance";
pub(crate) const CHALLENGES_TITLE: &str = "Each campus's top challenges";
pub(crate) const NOTES_TITLE: &str = "How the plans are put side by side";
/// Where the campuses' units differ, so a total would add unlike things.
const NOT_ADDED: &str = "—";

/// The roll-up as PDF bytes, dated `generated_on`.
pub fn render_rollup(rollup: &Rollup, generated_on: NaiveDate) -> Result<RenderedReport> {
    let (doc, info) = lay_out(rollup, generated_on)?;
    // Several plans make one report: there is no one plan file to attach.
    doc.finish(&info, None)
}

/// [`render_rollup`] + [`write_atomically`].
pub fn export_rollup(
    rollup: &Rollup,
    generated_on: NaiveDate,
    path: &Path,
) -> Result<RenderedReport> {
    let report = render_rollup(rollup, generated_on)?;
    write_atomically(path, &report.bytes)?;
    Ok(report)
}

/// The same roll-up as one accessible web page, from the same layout (as the plan report's
/// HTML edition is).
pub fn render_rollup_html(rollup: &Rollup, generated_on: NaiveDate) -> Result<String> {
    let (doc, info) = lay_out(rollup, generated_on)?;
    Ok(crate::html::write(doc.content(), &info, Paper::A4, false))
}

/// [`render_rollup_html`] + [`write_atomically`]. Returns the page's size in bytes.
pub fn export_rollup_html(rollup: &Rollup, generated_on: NaiveDate, path: &Path) -> Result<usize> {
    let page = render_rollup_html(rollup, generated_on)?;
    write_atomically(path, page.as_bytes())?;
    Ok(page.len())
}

fn lay_out(rollup: &Rollup, generated_on: NaiveDate) -> Result<(ReportDocument, DocumentInfo)> {
    let info = info(rollup, generated_on);
    let mut doc = ReportDocument::on_paper(info.file_id[1], Paper::A4)?;
    draw_cover(&mut doc, rollup, generated_on);
    totals(&mut doc, rollup);
    campuses(&mut doc, rollup);
    open_section(&mut doc, NOTES_TITLE);
    for note in &rollup.notes {
        bullet(&mut doc, note);
    }
    Ok((doc, info))
}

fn info(rollup: &Rollup, generated_on: NaiveDate) -> DocumentInfo {
    let names: Vec<&str> = rollup
        .campuses
        .iter()
        .map(|c| c.institution.as_str())
        .collect();
    let title = title(rollup);
    DocumentInfo {
        title: title.clone(),
        author: names.join(", "),
        subject: format!("{KICKER}: {}", names.join(", ")),
        keywords: vec!["micro-credentials".to_owned(), "roll-up".to_owned()],
        created_on: generated_on,
        running_header: vec![KICKER.to_owned(), title],
        running_footer: format!("{KICKER} · {}", long_date(generated_on)),
        file_id: [
            fingerprint(&[&format!("{:?}", rollup.campuses)]),
            fingerprint(&[&format!("{rollup:?}"), &generated_on.to_string()]),
        ],
    }
}

fn title(rollup: &Rollup) -> String {
    format!("{} campus plans side by side", rollup.campuses.len())
}

fn draw_cover(doc: &mut ReportDocument, rollup: &Rollup, generated_on: NaiveDate) {
    doc.start_cover_page();
    doc.bookmark("Cover");
    let names: Vec<&str> = rollup
        .campuses
        .iter()
        .map(|c| c.institution.as_str())
        .collect();
    let years = match (rollup.years.first(), rollup.years.last()) {
        (Some(first), Some(last)) => format!("{} to {}", first.label, last.label),
        _ => "None yet".to_owned(),
    };
    let details = [
        ("Date", long_date(generated_on)),
        ("Fiscal years", years),
        (
            "Currency",
            rollup
                .currency
                .clone()
                .unwrap_or_else(|| "Each campus's own".to_owned()),
        ),
    ];
    let heading = names.join(" · ");
    let title = title(rollup);
    doc.record(Block::Cover {
        kicker: KICKER.to_owned(),
        institution: heading.clone(),
        title: title.clone(),
        details: details
            .iter()
            .map(|(label, value)| ((*label).to_owned(), value.clone()))
            .collect(),
        colophon: cover::COLOPHON.to_owned(),
    });
    doc.unrecorded(|doc| cover::draw_page(doc, KICKER, &heading, &title, &details));
}

/// Figures of a row: enrolments, completions, credits, cost, benefit, net.
fn figure_cells(f: &RollupFigures, money: Option<&Money>) -> Vec<String> {
    let amount = |value: Option<f64>| match (money, value) {
        (Some(m), Some(v)) => m.bare(v),
        _ => NOT_ADDED.to_owned(),
    };
    vec![
        count(f.enrolments),
        count(f.completions),
        f.credits_awarded.map_or(NOT_ADDED.to_owned(), count),
        amount(f.cost),
        amount(f.benefit),
        amount(f.net_benefit),
    ]
}

fn totals(doc: &mut ReportDocument, rollup: &Rollup) {
    open_section(doc, TOTALS_TITLE);
    let money = rollup.currency.as_deref().map(Money::new);
    let unit = money
        .as_ref()
        .map_or(String::new(), |m| format!(", {}", m.unit()));
    introduction(
        doc,
        &format!(
            "What the campuses' plans add up to in each fiscal year{unit}. A year marked * is \
             only partly covered by some plan (see the last page); {NOT_ADDED} marks a figure \
             not added because the campuses count it in different units."
        ),
    );
    doc.move_down(4.0 * MM);
    chart::draw(doc, rollup);
    doc.move_down(6.0 * MM);
    let figure = (CONTENT_WIDTH - 22.0 * MM) / 6.0;
    let mut columns = vec![Column::left(22.0 * MM, styles::CELL)];
    columns.extend(std::iter::repeat_n(Column::right(figure, styles::CELL), 6));
    let rows = rollup
        .years
        .iter()
        .map(|year| {
            let mark = if year.partly_covered { " *" } else { "" };
            let mut row = vec![format!("{}{mark}", year.label)];
            row.extend(figure_cells(&year.total, money.as_ref()));
            row
        })
        .collect();
    let mut footer = vec!["Total".to_owned()];
    footer.extend(figure_cells(&rollup.total, money.as_ref()));
    titled_table(
        doc,
        "All campuses",
        None,
        &Table {
            columns: &columns,
            header: Some(table::titles(&[
                "Fiscal year",
                "Enrolments",
                "Completions",
                "Credits awarded",
                "Cost",
                "Benefit",
                "Net benefit",
            ])),
            rows,
            footer: Some(footer),
            compact: true,
            ..Table::default()
        },
    );
}

fn campuses(doc: &mut ReportDocument, rollup: &Rollup) {
    open_section(doc, CAMPUSES_TITLE);
    introduction(
        doc,
        "Each plan over its whole horizon, in its own currency and credit. Net benefit is \
         benefit less cost; a negative figure is a net cost.",
    );
    doc.move_down(4.0 * MM);
    let name = 50.0 * MM;
    let figure = (CONTENT_WIDTH - name) / 5.0;
    let mut columns = vec![Column::left(name, styles::CELL).with_muted_details()];
    columns.extend(std::iter::repeat_n(Column::right(figure, styles::CELL), 5));
    let rows = rollup
        .campuses
        .iter()
        .map(|c| {
            let label = format!("{}\n{}", c.institution, c.title);
            let Some(h) = &c.headline else {
                let why = c.not_counted.clone().unwrap_or_default();
                return vec![
                    format!("{label}\nNot counted: {why}"),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ];
            };
            let money = Money::new(&c.currency);
            let amount = |v: Option<f64>| v.map_or(NOT_ADDED.to_owned(), |v| money.format(v));
            vec![
                format!(
                    "{label}\n{} to {}",
                    long_date(h.start_date),
                    long_date(h.end_date)
                ),
                count(h.totals.enrolments),
                h.totals.credits_awarded.map_or(NOT_ADDED.to_owned(), count),
                amount(h.totals.cost),
                amount(h.totals.net_benefit),
                h.payback_year
                    .clone()
                    .unwrap_or_else(|| "Beyond the plan".to_owned()),
            ]
        })
        .collect();
    titled_table(
        doc,
        "Headline figures",
        None,
        &Table {
            columns: &columns,
            header: Some(table::titles(&[
                "Campus and plan",
                "Enrolments",
                "Credits awarded",
                "Cost",
                "Net benefit",
                "Payback year",
            ])),
            rows,
            compact: true,
            ..Table::default()
        },
    );
    doc.move_down(8.0 * MM);
    let columns = Column::left_filling(&[60.0], styles::CELL);
    let rows = rollup
        .campuses
        .iter()
        .map(|c| {
            let challenges = if c.top_challenges.is_empty() {
                "Not assessed yet".to_owned()
            } else {
                c.top_challenges
                    .iter()
                    .enumerate()
                    .map(|(i, t)| format!("{}. {t}", i + 1))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            vec![format!("{}\n{}", c.institution, c.title), challenges]
        })
        .collect();
    let columns: Vec<Column> = columns
        .into_iter()
        .enumerate()
        .map(|(i, c)| if i == 0 { c.with_muted_details() } else { c })
        .collect();
    titled_table(
        doc,
        CHALLENGES_TITLE,
        Some(
            "The three areas of the challenge assessment each campus scored weakest, weakest first.",
        ),
        &Table {
            columns: &columns,
            header: Some(table::titles(&["Campus and plan", "Top three challenges"])),
            rows,
            ..Table::default()
        },
    );
}
