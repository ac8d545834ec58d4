//! Enrolments and completions per term: a wide light bar for the enrolments with a narrow
//! dark bar for the completions inside it, on a shared axis with round ticks. Width and shade
//! both tell the two apart, so the chart reads the same in greyscale.

use planner_core::rollout::{Term, UptakeTotals};

use crate::chart::{self, ChartLayout, Mark};
use crate::document::ReportDocument;
use crate::layout::{CONTENT_LEFT, CONTENT_RIGHT, MM, TextStyle, palette, styles};
use planner_core::format::count;

pub(crate) const ENROLMENTS: &str = "Enrolments per term";
pub(crate) const COMPLETIONS: &str = "Completions per term";

const PLOT_HEIGHT: f32 = 58.0 * MM;
const TICK: TextStyle = styles::SMALL.with_size(7.5);
const LEGEND: TextStyle = styles::SMALL;
const SWATCH: f32 = 3.2 * MM;
const ENROLMENT_SHARE: f32 = 0.64;
const COMPLETION_SHARE: f32 = 0.3;

pub(crate) fn lay_out(
    doc: &ReportDocument,
    terms: &[Term],
    by_term: &[UptakeTotals],
    top: f32,
) -> ChartLayout {
    let mut background = Vec::new();
    let mut marks = Vec::new();
    let mut y = top;

    // The legend.
    let centre = y - LEGEND.line_height / 2.0;
    let mut x = CONTENT_LEFT;
    for (label, width, colour) in [
        (ENROLMENTS, SWATCH * 1.6, palette::SECONDARY),
        (COMPLETIONS, SWATCH * 0.75, palette::ACCENT),
    ] {
        marks.push(Mark::Bar {
            x: x + (SWATCH * 1.6 - width) / 2.0,
            y: centre - SWATCH / 2.0,
            width,
            height: SWATCH,
            colour,
        });
        x += SWATCH * 1.6 + 1.5 * MM;
        let legend = chart::text(
            doc,
            x,
            chart::baseline_centred_on(doc, &LEGEND, centre),
            LEGEND,
            label,
        );
        x += doc.text_width(&LEGEND, label) + 6.0 * MM;
        marks.push(legend);
    }
    y -= LEGEND.line_height + 4.0 * MM;

    let highest = by_term
        .iter()
        .map(|t| t.enrolments.max(t.completions))
        .fold(0.0, f64::max);
    let ticks = chart::nice_ticks(0.0, highest, 5);
    let top_tick = ticks.last().copied().unwrap_or(1.0).max(f64::MIN_POSITIVE);
    let labels: Vec<String> = ticks.iter().map(|t| count(*t)).collect();
    let gutter = labels
        .iter()
        .map(|l| doc.text_width(&TICK, l))
        .fold(0.0, f32::max)
        + 2.0 * MM;
    let plot_left = CONTENT_LEFT + gutter;
    let plot_right = CONTENT_RIGHT;
    let plot_top = y;
    let plot_bottom = plot_top - PLOT_HEIGHT;
    let y_of = |value: f64| plot_bottom + PLOT_HEIGHT * (value / top_tick).clamp(0.0, 1.0) as f32;

    chart::value_gridlines(
        doc,
        &ticks,
        &labels,
        (plot_left, plot_right),
        y_of,
        TICK,
        &mut background,
        &mut marks,
    );

    let n = terms.len().max(1);
    let column = (plot_right - plot_left) / n as f32;
    for (i, figures) in by_term.iter().enumerate().take(n) {
        let centre = plot_left + column * (i as f32 + 0.5);
        for (value, share, colour) in [
            (figures.enrolments, ENROLMENT_SHARE, palette::SECONDARY),
            (figures.completions, COMPLETION_SHARE, palette::ACCENT),
        ] {
            let height = y_of(value) - plot_bottom;
            if height > 0.05 {
                let width = column * share;
                marks.push(Mark::Bar {
                    x: centre - width / 2.0,
                    y: plot_bottom,
                    width,
                    height,
                    colour,
                });
            }
        }
    }

    // The term axis under the plot.
    let axis = chart::term_axis(doc, terms, column, &TICK);
    y = plot_bottom - 1.2 * MM;
    let term_baseline = doc.baseline_below(&TICK, y);
    for (i, label) in axis.labels.iter().enumerate() {
        if !label.is_empty() {
            let centre = plot_left + column * (i as f32 + 0.5);
            marks.push(chart::centred(doc, centre, term_baseline, TICK, label));
        }
    }
    y -= TICK.line_height;
    let year_baseline = doc.baseline_below(&TICK, y);
    for (n, (first, last, label)) in axis.years.iter().enumerate() {
        let (left, right) = (
            plot_left + column * *first as f32,
            plot_left + column * (*last + 1) as f32,
        );
        if !label.is_empty() {
            marks.push(chart::centred(
                doc,
                (left + right) / 2.0,
                year_baseline,
                TICK.with_colour(palette::INK),
                label,
            ));
        }
        if n % 2 == 1 {
            background.insert(
                0,
                Mark::Bar {
                    x: left,
                    y: y - TICK.line_height,
                    width: right - left,
                    height: plot_top - (y - TICK.line_height),
                    colour: palette::TINT,
                },
            );
        }
    }
    y -= TICK.line_height;
    if let Some(key) = &axis.key {
        y -= 1.0 * MM;
        for line in doc.wrap(&LEGEND, &format!("Terms: {key}."), plot_right - plot_left) {
            let baseline = doc.baseline_below(&LEGEND, y);
            marks.push(chart::text(doc, plot_left, baseline, LEGEND, &line));
            y -= LEGEND.line_height;
        }
    }

    background.extend(marks);
    ChartLayout {
        marks: background,
        height: top - y,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{CONTENT_BOTTOM, CONTENT_TOP};

    use super::super::sample_projection as sample;

    #[test]
    fn bars_follow_the_figures_on_round_ticks_inside_the_chart() {
        let mut doc = ReportDocument::new(1).expect("document");
        doc.start_page();
        let result = sample();
        let layout = lay_out(&doc, &result.terms, &result.uptake.by_term, CONTENT_TOP);
        let bottom = CONTENT_TOP - layout.height;
        for mark in &layout.marks {
            let (l, r, b, t) = mark.extent();
            assert!(
                l >= CONTENT_LEFT - 0.01 && r <= CONTENT_RIGHT + 0.01,
                "{mark:?}"
            );
            assert!(b >= bottom - 0.01 && t <= CONTENT_TOP + 0.01, "{mark:?}");
        }
        assert!(
            layout.height < (CONTENT_TOP - CONTENT_BOTTOM) / 2.0,
            "half a page at most"
        );
        let texts = layout.texts();
        for tick in ["0", "1,000", "2,000", "3,000", "4,000", "5,000"] {
            assert!(texts.contains(&tick), "round tick {tick}: {texts:?}");
        }
        let heights = |colour| -> Vec<f32> {
            layout
                .marks
                .iter()
                .filter_map(|m| match m {
                    Mark::Bar {
                        height,
                        colour: c,
                        width,
                        ..
                    } if *c == colour && *width > 4.0 => Some(*height),
                    _ => None,
                })
                .collect()
        };
        let enrolments = heights(palette::SECONDARY);
        let completions = heights(palette::ACCENT);
        let launched: Vec<&UptakeTotals> = result
            .uptake
            .by_term
            .iter()
            .filter(|t| t.enrolments > 0.0)
            .collect();
        assert_eq!(
            enrolments.len(),
            launched.len() + 1,
            "a bar per term with enrolments, and the legend's"
        );
        assert_eq!(completions.len(), launched.len() + 1);
        let (first, last) = (launched[0], launched[launched.len() - 1]);
        let ratio = enrolments[enrolments.len() - 1] / enrolments[1];
        assert!(
            ((ratio as f64) - last.enrolments / first.enrolments).abs() < 1e-3,
            "proportional"
        );
        assert!(texts.contains(&"Fa"), "short term labels: {texts:?}");
    }
}
