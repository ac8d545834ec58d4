//! The uncertainty ranges drawn: for each outcome, on its own axis with round ticks from
//! zero, a light band from P10 to P90 with a dark mark at the median. Where the range
//! crosses zero (net cost), a dashed line marks break-even. The figures themselves are in the
//! table beside the chart.

use planner_core::rollout::Band;

use crate::chart::{self, ChartLayout, Mark};
use crate::document::ReportDocument;
use crate::fonts::Face;
use crate::layout::{CONTENT_LEFT, CONTENT_RIGHT, MM, TextStyle, palette, styles};
use crate::plot::{LEGEND, LegendEntry, TICK, legend_line};

pub(crate) const BREAK_EVEN: &str = "Break-even";
pub(crate) const BAND_LEGEND: &str = "P10 to P90: eight draws in ten";
pub(crate) const MEDIAN_LEGEND: &str = "P50, the median";

/// One outcome's range, with its figures as the report prints them.
pub(crate) struct BandRow<'a> {
    pub(crate) title: &'a str,
    pub(crate) band: Band,
    pub(crate) format: &'a dyn Fn(f64) -> String,
}

const LABEL_COLUMN: f32 = 42.0 * MM;
const BAND: f32 = 5.0 * MM;
const MEDIAN: f32 = 1.1 * MM;
const ROW_GAP: f32 = 5.0 * MM;
const NAME: TextStyle = TextStyle {
    face: Face::Bold,
    ..styles::CELL
};

pub(crate) fn lay_out(doc: &ReportDocument, rows: &[BandRow<'_>], top: f32) -> ChartLayout {
    let mut background = Vec::new();
    let mut marks = Vec::new();
    let plot_left = CONTENT_LEFT + LABEL_COLUMN;
    let mut y = top;

    // The legend: the band's swatch, then the median's mark.
    let centre = y - LEGEND.line_height / 2.0;
    let swatch = 6.0 * MM;
    let bar = |width: f32, share: f32, colour| Mark::Bar {
        x: 0.0,
        y: centre - LEGEND.line_height * share / 2.0,
        width,
        height: LEGEND.line_height * share,
        colour,
    };
    let entries = vec![
        LegendEntry {
            width: swatch,
            key: vec![bar(swatch, 0.6, palette::SECONDARY)],
            label: BAND_LEGEND,
        },
        LegendEntry {
            width: MEDIAN,
            key: vec![bar(MEDIAN, 0.9, palette::ACCENT)],
            label: MEDIAN_LEGEND,
        },
    ];
    legend_line(doc, plot_left, centre, entries, &mut marks);
    y -= LEGEND.line_height + 3.0 * MM;

    for row in rows {
        let Band { p10, p50, p90 } = row.band;
        let (low, high) = (p10.min(p90), p10.max(p90));
        let plot_right = CONTENT_RIGHT - half_label(doc, row, low, high);
        // As many round ticks as have room for their labels.
        let ticks = (2..=6)
            .rev()
            .map(|n| chart::nice_ticks(low, high, n))
            .find(|ticks| {
                let widest = ticks
                    .iter()
                    .map(|t| doc.text_width(&TICK, &(row.format)(*t)))
                    .fold(0.0, f32::max);
                let spacing = (plot_right - plot_left) / (ticks.len().max(2) - 1) as f32;
                widest + 2.0 * MM <= spacing
            })
            .unwrap_or_else(|| chart::nice_ticks(low, high, 1));
        let (first, last) = (
            ticks.first().copied().unwrap_or(0.0),
            ticks.last().copied().unwrap_or(1.0),
        );
        let range = (last - first).max(f64::MIN_POSITIVE);
        let x_of = |v: f64| {
            plot_left + (plot_right - plot_left) * ((v - first) / range).clamp(0.0, 1.0) as f32
        };

        let row_top = y;
        let crosses_zero = low < 0.0 && high > 0.0;
        if crosses_zero {
            y -= TICK.line_height;
        }
        let band_top = y;
        let band_centre = band_top - BAND / 2.0;
        let axis_y = band_top - BAND - 1.5 * MM;

        let baseline = chart::baseline_centred_on(doc, &NAME, band_centre);
        marks.push(chart::text(doc, CONTENT_LEFT, baseline, NAME, row.title));

        background.push(Mark::hairline(
            (x_of(first), axis_y),
            (x_of(last), axis_y),
            palette::MUTED,
        ));
        let tick_top = axis_y - 1.2 * MM;
        let tick_baseline = doc.baseline_below(&TICK, tick_top);
        for tick in &ticks {
            let x = x_of(*tick);
            background.push(Mark::hairline(
                (x, axis_y),
                (x, axis_y - 0.8 * MM),
                palette::MUTED,
            ));
            marks.push(chart::centred(
                doc,
                x,
                tick_baseline,
                TICK,
                &(row.format)(*tick),
            ));
        }

        let (left, right) = (x_of(low), x_of(high));
        marks.push(Mark::Bar {
            x: left,
            y: band_top - BAND,
            width: (right - left).max(0.5),
            height: BAND,
            colour: palette::SECONDARY,
        });
        let median = x_of(p50);
        marks.push(Mark::Bar {
            x: median - MEDIAN / 2.0,
            y: band_top - BAND - 0.8 * MM,
            width: MEDIAN,
            height: BAND + 1.6 * MM,
            colour: palette::ACCENT,
        });
        if crosses_zero {
            let x = x_of(0.0);
            marks.push(Mark::Line {
                from: (x, axis_y),
                to: (x, row_top - 0.5 * MM),
                colour: palette::INK,
                thickness: 0.7,
                dash: Some((1.5, 1.5)),
            });
            let baseline = doc.baseline_below(&TICK, row_top);
            let style = TICK.with_colour(palette::INK);
            let width = doc.text_width(&style, BREAK_EVEN);
            let label_x = (x + 1.0 * MM).min(CONTENT_RIGHT - width);
            marks.push(chart::text(doc, label_x, baseline, style, BREAK_EVEN));
        }
        y = tick_top - TICK.line_height - ROW_GAP;
    }
    background.extend(marks);
    ChartLayout {
        marks: background,
        height: top - (y + ROW_GAP),
    }
}

/// Half the widest tick label the axis may carry, so the last one stays inside the margin.
fn half_label(doc: &ReportDocument, row: &BandRow<'_>, low: f64, high: f64) -> f32 {
    chart::nice_ticks(low, high, 6)
        .iter()
        .chain(chart::nice_ticks(low, high, 2).iter())
        .map(|t| doc.text_width(&TICK, &(row.format)(*t)))
        .fold(0.0, f32::max)
        / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::CONTENT_TOP;
    use planner_core::format::{Money, count};

    #[test]
    fn each_range_sits_inside_the_chart_on_ticks_that_do_not_collide() {
        let doc = chart::test_page();
        let money = Money::new("USD");
        let as_money = |v: f64| money.format(v);
        let as_count = |v: f64| count(v);
        let rows = [
            BandRow {
                title: "Enrolments",
                band: Band {
                    p10: 31_030.4,
                    p50: 38_031.8,
                    p90: 44_167.1,
                },
                format: &as_count,
            },
            BandRow {
                title: "Net cost",
                band: Band {
                    p10: -2_036_626.7,
                    p50: -461_155.3,
                    p90: 1_027_451.9,
                },
                format: &as_money,
            },
        ];
        let layout = lay_out(&doc, &rows, CONTENT_TOP);
        chart::assert_inside(&layout, CONTENT_TOP);
        let mut texts = Vec::new();
        for mark in &layout.marks {
            if let Mark::Text { text, .. } = mark {
                texts.push((text.clone(), mark.extent()));
            }
        }
        for (i, (a, (al, ar, ab, at))) in texts.iter().enumerate() {
            for (b, (bl, br, bb, bt)) in &texts[i + 1..] {
                let apart = ar <= bl || br <= al || at <= bb || bt <= ab;
                assert!(apart, "{a:?} and {b:?} overlap");
            }
        }
        let names: Vec<&str> = texts.iter().map(|(t, _)| t.as_str()).collect();
        for wanted in ["0", "US$0", BREAK_EVEN, "Enrolments", "Net cost"] {
            assert!(names.contains(&wanted), "{wanted:?} in {names:?}");
        }
        assert_eq!(
            names.iter().filter(|t| **t == BREAK_EVEN).count(),
            1,
            "only the range crossing zero marks break-even"
        );
    }
}
