//! Enrolments and completions per term: a wide light bar for the enrolments with a narrow
//! dark bar for the completions inside it, on a shared axis with round ticks. Width and shade
//! both tell the two apart, so the chart reads the same in greyscale.

use planner_core::format::count;
use planner_core::rollout::{Term, UptakeTotals};

use crate::chart::{ChartLayout, Mark};
use crate::document::ReportDocument;
use crate::layout::{CONTENT_LEFT, CONTENT_RIGHT, MM, palette};
use crate::plot::{LEGEND, LegendEntry, TICK, TermColumns, ValueAxis, legend_line};

pub(crate) const ENROLMENTS: &str = "Enrolments per term";
pub(crate) const COMPLETIONS: &str = "Completions per term";

const PLOT_HEIGHT: f32 = 58.0 * MM;
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

    // The legend: each bar's shape, as wide as the widest.
    let centre = top - LEGEND.line_height / 2.0;
    let key = SWATCH * 1.6;
    let entries = [
        (ENROLMENTS, key, palette::SECONDARY),
        (COMPLETIONS, SWATCH * 0.75, palette::ACCENT),
    ]
    .map(|(label, width, colour)| LegendEntry {
        width: key,
        key: vec![Mark::Bar {
            x: (key - width) / 2.0,
            y: centre - SWATCH / 2.0,
            width,
            height: SWATCH,
            colour,
        }],
        label,
    });
    legend_line(doc, CONTENT_LEFT, centre, entries.into(), &mut marks);
    let plot_top = top - LEGEND.line_height - 4.0 * MM;

    let highest = by_term
        .iter()
        .map(|t| t.enrolments.max(t.completions))
        .fold(0.0, f64::max);
    let values = ValueAxis::new(doc, (0.0, highest), count, plot_top, PLOT_HEIGHT);
    values.draw(doc, CONTENT_RIGHT, &mut background, &mut marks);
    let columns = TermColumns::new(doc, terms, (values.plot_left, CONTENT_RIGHT));

    for (i, figures) in by_term.iter().enumerate().take(terms.len().max(1)) {
        let centre = columns.centre(i);
        for (value, share, colour) in [
            (figures.enrolments, ENROLMENT_SHARE, palette::SECONDARY),
            (figures.completions, COMPLETION_SHARE, palette::ACCENT),
        ] {
            let height = values.y_of(value) - values.bottom;
            if height > 0.05 {
                let width = columns.width * share;
                marks.push(Mark::Bar {
                    x: centre - width / 2.0,
                    y: values.bottom,
                    width,
                    height,
                    colour,
                });
            }
        }
    }

    // The term axis under the plot: terms, then their academic years.
    let mut y = values.bottom - 1.2 * MM;
    columns.term_names(doc, doc.baseline_below(&TICK, y), &mut marks);
    y -= TICK.line_height;
    columns.years(doc, doc.baseline_below(&TICK, y), &mut marks);
    y -= TICK.line_height;
    columns.shade_alternate_years(y, plot_top, &mut background);
    if columns.axis.key.is_some() {
        y = columns.key(doc, y - 1.0 * MM, &mut marks);
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
    use crate::chart;
    use crate::layout::{CONTENT_BOTTOM, CONTENT_TOP};

    use super::super::sample_projection as sample;

    #[test]
    fn bars_follow_the_figures_on_round_ticks_inside_the_chart() {
        let doc = chart::test_page();
        let result = sample();
        let layout = lay_out(&doc, &result.terms, &result.uptake.by_term, CONTENT_TOP);
        chart::assert_inside(&layout, CONTENT_TOP);
        assert!(
            layout.height < (CONTENT_TOP - CONTENT_BOTTOM) / 2.0,
            "half a page at most"
        );
        let texts = layout.texts();
        // The sample's busiest term enrols between 3,000 and 4,000: the axis ends at 4,000.
        let busiest = result
            .uptake
            .by_term
            .iter()
            .map(|t| t.enrolments)
            .fold(0.0, f64::max);
        assert!((3_000.0..=4_000.0).contains(&busiest), "{busiest}");
        for tick in ["0", "1,000", "2,000", "3,000", "4,000"] {
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
