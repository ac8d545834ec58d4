//! The assessment chart: one row per challenge area, the plan's readiness score as a dark bar
//! and the survey benchmark as a thin light bar under it, on a shared 0–100 axis. The two
//! differ in thickness as well as colour, so the chart reads the same printed in greyscale.
//!
//! The chart is laid out as a list of marks first and drawn second, so its geometry can be
//! checked without reading a PDF.

use crate::chart::{self, ChartLayout, KNOCKOUT, Mark, knockout};
use crate::document::ReportDocument;
use crate::fonts::Face;
use crate::layout::{CONTENT_LEFT, CONTENT_RIGHT, Colour, MM, TextStyle, palette, styles};

/// One area as the chart shows it.
#[derive(Debug, Clone)]
pub(crate) struct ChartRow<'a> {
    pub(crate) title: &'a str,
    /// 0–100, `None` while the area is not assessed.
    pub(crate) score: Option<u8>,
    /// Share of surveyed leaders naming the area a top challenge, in percent.
    pub(crate) benchmark: u8,
}

pub(crate) const NOT_ASSESSED: &str = "Not yet assessed";
pub(crate) const SCORE_LEGEND: &str = "Readiness score, 0–100 (higher is readier)";
pub(crate) const BENCHMARK_LEGEND: &str =
    "Share of surveyed leaders naming the area a top challenge, %";
const TICKS: [u8; 5] = [0, 25, 50, 75, 100];

/// The area titles' column, gap included.
const LABEL_COLUMN: f32 = 50.0 * MM;
const LABEL_GAP: f32 = 4.0 * MM;
const ROW_HEIGHT: f32 = 11.5 * MM;
const SCORE_BAR: f32 = 4.2 * MM;
const BAR_GAP: f32 = 1.0 * MM;
const BENCHMARK_BAR: f32 = 1.8 * MM;
const VALUE_GAP: f32 = 1.5 * MM;
const SWATCH_WIDTH: f32 = 7.0 * MM;
const LEGEND_GAP: f32 = 5.0 * MM;

const LABEL_STYLE: TextStyle = styles::CELL.with_size(9.0);
const SCORE_STYLE: TextStyle = TextStyle {
    face: Face::Bold,
    ..LABEL_STYLE
};
const SMALL: TextStyle = styles::SMALL;

/// A bar from the axis at `left` to `end`, hanging `height` below `top`; none when a zero value
/// would leave it no length.
fn bar_to(left: f32, end: f32, top: f32, height: f32, colour: Colour) -> Option<Mark> {
    (end > left).then_some(Mark::Bar {
        x: left,
        y: top - height,
        width: end - left,
        height,
        colour,
    })
}

/// Draws the chart from the cursor down, on one page; the cursor ends below it.
pub(crate) fn draw(doc: &mut ReportDocument, rows: &[ChartRow<'_>]) {
    chart::draw(doc, |doc, top| lay_out(doc, rows, top));
}

/// Where every bar, line and label of the chart goes when its top edge is at `top`.
pub(crate) fn lay_out(doc: &ReportDocument, rows: &[ChartRow<'_>], top: f32) -> ChartLayout {
    let mut marks = Vec::new();
    let text = |x: f32, baseline: f32, style: TextStyle, label: &str| {
        chart::text(doc, x, baseline, style, label)
    };
    let centred_on = |style: &TextStyle, y: f32| chart::baseline_centred_on(doc, style, y);

    let plot_left = CONTENT_LEFT + LABEL_COLUMN;
    let value_room = doc
        .text_width(&SCORE_STYLE, "100")
        .max(doc.text_width(&SMALL, "100%"));
    let plot_right = CONTENT_RIGHT - VALUE_GAP - value_room - KNOCKOUT;
    let plot_width = plot_right - plot_left;
    let x_of = |value: u8| plot_left + plot_width * f32::from(value.min(100)) / 100.0;

    // The legend, over the plot.
    let mut y = top;
    for (label, bar_height, colour) in [
        (SCORE_LEGEND, SCORE_BAR * 0.8, palette::ACCENT),
        (BENCHMARK_LEGEND, BENCHMARK_BAR, palette::BENCHMARK),
    ] {
        let centre = y - SMALL.line_height / 2.0;
        marks.push(Mark::Bar {
            x: plot_left,
            y: centre - bar_height / 2.0,
            width: SWATCH_WIDTH,
            height: bar_height,
            colour,
        });
        let x = plot_left + SWATCH_WIDTH + VALUE_GAP;
        marks.push(text(x, centred_on(&SMALL, centre), SMALL, label));
        y -= SMALL.line_height;
    }
    let rows_top = y - LEGEND_GAP;

    let mut row_marks = Vec::new();
    let mut row_top = rows_top;
    let label_width = LABEL_COLUMN - LABEL_GAP;
    for row in rows {
        let label_lines = doc.wrap(&LABEL_STYLE, row.title, label_width);
        let height = ROW_HEIGHT.max(label_lines.len() as f32 * LABEL_STYLE.line_height + 2.0 * MM);
        let centre = row_top - height / 2.0;

        let mut line_top = centre + label_lines.len() as f32 * LABEL_STYLE.line_height / 2.0;
        for line in label_lines {
            let baseline = doc.baseline_below(&LABEL_STYLE, line_top);
            row_marks.push(text(CONTENT_LEFT, baseline, LABEL_STYLE, &line));
            line_top -= LABEL_STYLE.line_height;
        }

        let bars_top = centre + (SCORE_BAR + BAR_GAP + BENCHMARK_BAR) / 2.0;
        let score_centre = bars_top - SCORE_BAR / 2.0;
        match row.score {
            Some(score) => {
                let end = x_of(score);
                row_marks.extend(bar_to(plot_left, end, bars_top, SCORE_BAR, palette::ACCENT));
                let baseline = centred_on(&SCORE_STYLE, score_centre);
                let label = text(end + VALUE_GAP, baseline, SCORE_STYLE, &score.to_string());
                row_marks.extend([knockout(&label), label]);
            }
            None => {
                let baseline = centred_on(&SMALL, score_centre);
                let x = plot_left + VALUE_GAP;
                row_marks.push(text(x, baseline, SMALL, NOT_ASSESSED));
            }
        }

        let benchmark_top = bars_top - SCORE_BAR - BAR_GAP;
        let end = x_of(row.benchmark);
        let colour = palette::BENCHMARK;
        row_marks.extend(bar_to(plot_left, end, benchmark_top, BENCHMARK_BAR, colour));
        let baseline = centred_on(&SMALL, benchmark_top - BENCHMARK_BAR / 2.0);
        let label = text(
            end + VALUE_GAP,
            baseline,
            SMALL,
            &format!("{}%", row.benchmark),
        );
        row_marks.extend([knockout(&label), label]);

        row_top -= height;
    }
    let rows_bottom = row_top;

    // Gridlines under the bars, the axis and its ticks.
    let tick_length = 1.2 * MM;
    for value in TICKS {
        let x = x_of(value);
        let colour = if value == 0 {
            palette::MUTED
        } else {
            palette::RULE
        };
        marks.push(Mark::hairline(
            (x, rows_top),
            (x, rows_bottom - tick_length),
            colour,
        ));
    }
    marks.push(Mark::hairline(
        (plot_left, rows_bottom),
        (plot_right, rows_bottom),
        palette::MUTED,
    ));
    marks.extend(row_marks);
    let ticks_top = rows_bottom - tick_length - 0.5 * MM;
    for value in TICKS {
        let baseline = doc.baseline_below(&SMALL, ticks_top);
        marks.push(chart::centred(
            doc,
            x_of(value),
            baseline,
            SMALL,
            &value.to_string(),
        ));
    }
    let bottom = ticks_top - SMALL.line_height;
    ChartLayout {
        marks,
        height: top - bottom,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::test_page as document;
    use crate::layout::{CONTENT_TOP, CONTENT_WIDTH, Colour};

    fn extremes() -> Vec<ChartRow<'static>> {
        vec![
            ChartRow {
                title: "Resource allocation",
                score: Some(0),
                benchmark: 53,
            },
            ChartRow {
                title: "Integration with existing curriculum across every campus and \
                        every faculty of the system, as typed by a dean",
                score: Some(100),
                benchmark: 100,
            },
            ChartRow {
                title: "Осведомлённость о микроквалификациях",
                score: None,
                benchmark: 0,
            },
        ]
    }

    fn texts(layout: &ChartLayout) -> Vec<(&str, f32, f32, f32)> {
        layout
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text {
                    x,
                    baseline,
                    width,
                    text,
                    ..
                } => Some((text.as_str(), *x, *baseline, *width)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_mark_stays_inside_the_margins_and_the_height_it_claims() {
        let doc = document();
        let top = CONTENT_TOP;
        let layout = lay_out(&doc, &extremes(), top);
        let bottom = top - layout.height;
        let inside_x = |x: f32| (CONTENT_LEFT - 0.01..=CONTENT_RIGHT + 0.01).contains(&x);
        let inside_y = |y: f32| (bottom - 0.01..=top + 0.01).contains(&y);
        for mark in &layout.marks {
            match mark {
                Mark::Bar {
                    x,
                    y,
                    width,
                    height,
                    ..
                } => {
                    assert!(
                        inside_x(*x) && inside_x(x + width),
                        "{mark:?} within margins"
                    );
                    assert!(
                        inside_y(*y) && inside_y(y + height),
                        "{mark:?} within the chart"
                    );
                }
                Mark::Line { from, to, .. } => {
                    for (x, y) in [from, to] {
                        assert!(inside_x(*x) && inside_y(*y), "{mark:?} inside");
                    }
                }
                Mark::Text {
                    x, baseline, width, ..
                } => {
                    assert!(
                        inside_x(*x) && inside_x(x + width),
                        "{mark:?} within margins"
                    );
                    assert!(inside_y(*baseline), "{mark:?} within the chart");
                }
                Mark::Shape { .. } => panic!("the readiness chart has no markers: {mark:?}"),
            }
        }
        assert!(
            layout.height < CONTENT_TOP - crate::layout::CONTENT_BOTTOM,
            "fits a page"
        );
    }

    #[test]
    fn bars_are_proportional_and_labelled_beside_their_ends() {
        let doc = document();
        let rows = [
            ChartRow {
                title: "Resource allocation",
                score: Some(38),
                benchmark: 53,
            },
            ChartRow {
                title: "Faculty buy-in and engagement",
                score: Some(76),
                benchmark: 47,
            },
        ];
        let layout = lay_out(&doc, &rows, CONTENT_TOP);
        let bars: Vec<(f32, f32, Colour)> = layout
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Bar {
                    x,
                    width,
                    height,
                    colour,
                    ..
                } if *colour != palette::PAPER && *width > SWATCH_WIDTH + 0.1 => {
                    Some((*x, *width, *colour))
                }
                _ => None,
            })
            .collect();
        let score_bars: Vec<f32> = bars
            .iter()
            .filter(|b| b.2 == palette::ACCENT)
            .map(|b| b.1)
            .collect();
        assert_eq!(score_bars.len(), 2, "one score bar per row: {bars:?}");
        assert!(
            (score_bars[1] / score_bars[0] - 76.0 / 38.0).abs() < 0.001,
            "bar lengths follow the scores: {score_bars:?}"
        );
        let plot_width = score_bars[0] / 0.38;
        assert!(
            plot_width > CONTENT_WIDTH / 2.0,
            "the plot takes most of the width: {plot_width}"
        );

        let labels = texts(&layout);
        let label = |wanted: &str| {
            labels
                .iter()
                .find(|(t, ..)| *t == wanted)
                .unwrap_or_else(|| panic!("{wanted:?} among {labels:?}"))
        };
        let left = bars[0].0;
        let score = label("38");
        assert!(
            score.1 > left + score_bars[0],
            "the score sits past its bar's end"
        );
        let benchmark = label("53%");
        assert!(
            benchmark.1 > left + plot_width * 0.53 && benchmark.2 < score.2,
            "the benchmark sits past its own bar, under the score"
        );
        for tick in ["0", "25", "50", "75", "100"] {
            label(tick);
        }
        label(SCORE_LEGEND);
        label(BENCHMARK_LEGEND);
    }

    #[test]
    fn an_unassessed_area_says_so_instead_of_showing_an_empty_bar() {
        let doc = document();
        let layout = lay_out(&doc, &extremes(), CONTENT_TOP);
        let labels = texts(&layout);
        assert!(
            labels.iter().any(|(t, ..)| *t == NOT_ASSESSED),
            "{labels:?}"
        );
        assert!(
            labels.iter().any(|(t, ..)| *t == "100"),
            "a full score is labelled"
        );
        assert!(
            labels.iter().any(|(t, ..)| *t == "100%"),
            "a full benchmark is labelled: {labels:?}"
        );
    }
}
