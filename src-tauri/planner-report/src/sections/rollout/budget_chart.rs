//! Cumulative cost against cumulative benefit by fiscal year: two lines on a shared money
//! axis with round ticks, the cost solid and dark with square markers, the benefit dashed and
//! grey with diamond markers (they differ in more than colour, so greyscale print keeps them
//! apart), and the payback year marked where benefit catches up with cost.

use planner_core::format::Money;
use planner_core::rollout::BudgetYear;

use crate::chart::{self, ChartLayout, Mark};
use crate::document::ReportDocument;
use crate::layout::{CONTENT_LEFT, CONTENT_RIGHT, MM, palette};
use crate::plot::{LEGEND, LegendEntry, TICK, ValueAxis, legend_line};

pub(crate) const COST: &str = "Cumulative cost";
pub(crate) const BENEFIT: &str = "Cumulative benefit";

const PLOT_HEIGHT: f32 = 56.0 * MM;
const LINE: f32 = 1.6;
const DASH: (f32, f32) = (4.0, 2.5);
const MARKER: f32 = 1.3 * MM;

pub(crate) fn lay_out(
    doc: &ReportDocument,
    years: &[BudgetYear],
    payback: Option<u32>,
    money: &Money,
    top: f32,
) -> ChartLayout {
    let mut background = Vec::new();
    let mut marks = Vec::new();

    // The legend: a stretch of each line with its marker.
    let centre = top - LEGEND.line_height / 2.0;
    let sample = 9.0 * MM;
    let entries = [
        (COST, palette::ACCENT, None, true),
        (BENEFIT, palette::SECONDARY_LINE, Some(DASH), false),
    ]
    .map(|(label, colour, dash, square)| LegendEntry {
        width: sample,
        key: vec![
            Mark::Line {
                from: (0.0, centre),
                to: (sample, centre),
                colour,
                thickness: LINE,
                dash,
            },
            marker(sample / 2.0, centre, colour, square),
        ],
        label,
    });
    legend_line(doc, CONTENT_LEFT, centre, entries.into(), &mut marks);
    let plot_top = top - LEGEND.line_height - 4.0 * MM;

    let low = years
        .iter()
        .map(|y| y.cumulative_cost.min(y.cumulative_benefit))
        .fold(0.0, f64::min);
    let high = years
        .iter()
        .map(|y| y.cumulative_cost.max(y.cumulative_benefit))
        .fold(0.0, f64::max);
    let values = ValueAxis::new(doc, (low, high), |v| money.format(v), plot_top, PLOT_HEIGHT);
    values.draw(doc, CONTENT_RIGHT, &mut background, &mut marks);
    let (plot_left, plot_right, plot_bottom) = (values.plot_left, CONTENT_RIGHT, values.bottom);
    let y_of = |value: f64| values.y_of(value);

    let n = years.len().max(1);
    let column = (plot_right - plot_left) / n as f32;
    let x_of = |i: usize| plot_left + column * (i as f32 + 0.5);

    if let Some(index) = payback.map(|p| p as usize).filter(|i| *i < years.len()) {
        let px = x_of(index);
        background.push(Mark::Line {
            from: (px, plot_bottom),
            to: (px, plot_top),
            colour: palette::MUTED,
            thickness: 0.6,
            dash: Some((1.5, 1.5)),
        });
        let label = format!("Payback {}", years[index].label);
        let width = doc.text_width(&TICK, &label);
        // In the last year the label sits left of the line, its knockout inside the margin.
        let lx = (px + 1.2 * MM).min(plot_right - width - chart::KNOCKOUT);
        let baseline = doc.baseline_below(&TICK, plot_top);
        let text = chart::text(doc, lx, baseline, TICK.with_colour(palette::INK), &label);
        marks.push(chart::knockout(&text));
        marks.push(text);
    }

    for (pick, colour, dash, square) in [
        (
            (|y: &BudgetYear| y.cumulative_benefit) as fn(&BudgetYear) -> f64,
            palette::SECONDARY_LINE,
            Some(DASH),
            false,
        ),
        (
            |y: &BudgetYear| y.cumulative_cost,
            palette::ACCENT,
            None,
            true,
        ),
    ] {
        let points: Vec<(f32, f32)> = years
            .iter()
            .enumerate()
            .map(|(i, year)| (x_of(i), y_of(pick(year))))
            .collect();
        for pair in points.windows(2) {
            marks.push(Mark::Line {
                from: pair[0],
                to: pair[1],
                colour,
                thickness: LINE,
                dash,
            });
        }
        for (px, py) in points {
            marks.push(marker(px, py, colour, square));
        }
    }

    // Fiscal years along the bottom; every other one when they crowd.
    let widest = years
        .iter()
        .map(|y| doc.text_width(&TICK, &y.label))
        .fold(0.0, f32::max);
    let every = if widest + 1.0 * MM <= column { 1 } else { 2 };
    let mut y = plot_bottom - 1.2 * MM;
    let baseline = doc.baseline_below(&TICK, y);
    for (i, year) in years.iter().enumerate() {
        if i % every == 0 {
            marks.push(chart::centred(doc, x_of(i), baseline, TICK, &year.label));
        }
        background.push(Mark::hairline(
            (x_of(i), plot_bottom),
            (x_of(i), plot_bottom - 0.8 * MM),
            palette::MUTED,
        ));
    }
    y -= TICK.line_height;

    background.extend(marks);
    ChartLayout {
        marks: background,
        height: top - y,
    }
}

fn marker(x: f32, y: f32, colour: crate::layout::Colour, square: bool) -> Mark {
    if square {
        chart::square(x, y, MARKER * 0.8, colour)
    } else {
        chart::diamond(x, y, MARKER, colour)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::CONTENT_TOP;

    use super::super::sample_projection as sample;

    #[test]
    fn both_lines_have_a_point_per_year_inside_the_chart_with_money_ticks() {
        let doc = chart::test_page();
        let result = sample();
        let money = Money::new(&result.currency);
        let budget = &result.budget;
        let layout = lay_out(
            &doc,
            &budget.years,
            budget.payback_year_index,
            &money,
            CONTENT_TOP,
        );
        chart::assert_inside(&layout, CONTENT_TOP);
        let texts = layout.texts();
        for tick in ["US$0", "US$2,000,000", "US$8,000,000"] {
            assert!(texts.contains(&tick), "round money tick {tick}: {texts:?}");
        }
        let payback = format!(
            "Payback {}",
            budget.payback_year.as_deref().expect("sample pays back")
        );
        assert!(texts.contains(&payback.as_str()), "{texts:?}");
        let squares = layout
            .marks
            .iter()
            .filter(|m| matches!(m, Mark::Bar { colour, .. } if *colour == palette::ACCENT))
            .count();
        let diamonds = layout
            .marks
            .iter()
            .filter(|m| matches!(m, Mark::Shape { .. }))
            .count();
        assert_eq!(
            squares,
            budget.years.len() + 1,
            "a cost point per year and the legend's"
        );
        assert_eq!(diamonds, budget.years.len() + 1);
    }
}
