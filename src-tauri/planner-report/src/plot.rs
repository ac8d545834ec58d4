//! The set-up every chart of the report shares, so the charts differ only in what they plot:
//! the axis text style, a legend along one line, a value axis with round ticks, and columns
//! of academic terms (term names, academic years, alternate years shaded, the short-name key).

use planner_core::rollout::Term;

use crate::chart::{self, Mark, TermAxis};
use crate::document::ReportDocument;
use crate::layout::{CONTENT_LEFT, MM, TextStyle, palette, styles};

/// Tick labels, term names and other text along an axis.
pub(crate) const TICK: TextStyle = styles::SMALL.with_size(7.5);
/// The legend's labels and notes under a chart.
pub(crate) const LEGEND: TextStyle = styles::SMALL;

/// One legend entry: its key (marks laid out from x = 0, `width` wide, centred on the line)
/// and its label.
#[derive(Debug)]
pub(crate) struct LegendEntry<'a> {
    pub(crate) width: f32,
    pub(crate) key: Vec<Mark>,
    pub(crate) label: &'a str,
}

/// A legend along one line from `x`, centred on height `centre`: each entry's key, then its
/// label. Returns where the next entry would start.
pub(crate) fn legend_line(
    doc: &ReportDocument,
    mut x: f32,
    centre: f32,
    entries: Vec<LegendEntry<'_>>,
    marks: &mut Vec<Mark>,
) -> f32 {
    let baseline = chart::baseline_centred_on(doc, &LEGEND, centre);
    for entry in entries {
        marks.extend(entry.key.into_iter().map(|mark| mark.shifted(x)));
        x += entry.width + 1.5 * MM;
        marks.push(chart::text(doc, x, baseline, LEGEND, entry.label));
        x += doc.text_width(&LEGEND, entry.label) + 6.0 * MM;
    }
    x
}

/// A vertical value axis at the content's left edge: round ticks covering `low`–`high` (and
/// zero), their labels in a gutter as wide as the widest, and the plot `height` tall below
/// `top` to the right of it.
#[derive(Debug, Clone)]
pub(crate) struct ValueAxis {
    pub(crate) ticks: Vec<f64>,
    pub(crate) labels: Vec<String>,
    /// Where the plot starts, right of the tick labels.
    pub(crate) plot_left: f32,
    pub(crate) top: f32,
    pub(crate) bottom: f32,
    first: f64,
    range: f64,
}

impl ValueAxis {
    pub(crate) fn new(
        doc: &ReportDocument,
        (low, high): (f64, f64),
        format: impl Fn(f64) -> String,
        top: f32,
        height: f32,
    ) -> Self {
        let ticks = chart::nice_ticks(low, high, 5);
        let first = ticks.first().copied().unwrap_or(0.0);
        let last = ticks.last().copied().unwrap_or(1.0);
        let labels: Vec<String> = ticks.iter().map(|t| format(*t)).collect();
        let gutter = labels
            .iter()
            .map(|l| doc.text_width(&TICK, l))
            .fold(0.0, f32::max)
            + 2.0 * MM;
        Self {
            ticks,
            labels,
            plot_left: CONTENT_LEFT + gutter,
            top,
            bottom: top - height,
            first,
            range: (last - first).max(f64::MIN_POSITIVE),
        }
    }

    /// The height of `value` on the plot, kept within it.
    pub(crate) fn y_of(&self, value: f64) -> f32 {
        let share = ((value - self.first) / self.range).clamp(0.0, 1.0) as f32;
        self.bottom + (self.top - self.bottom) * share
    }

    /// A hairline across the plot at each tick (the zero line darker) and the tick's label
    /// right-aligned in the gutter.
    pub(crate) fn draw(
        &self,
        doc: &ReportDocument,
        plot_right: f32,
        background: &mut Vec<Mark>,
        marks: &mut Vec<Mark>,
    ) {
        for (tick, label) in self.ticks.iter().zip(&self.labels) {
            let y = self.y_of(*tick);
            let colour = if *tick == 0.0 {
                palette::MUTED
            } else {
                palette::RULE
            };
            background.push(Mark::hairline((self.plot_left, y), (plot_right, y), colour));
            let baseline = chart::baseline_centred_on(doc, &TICK, y);
            let right = self.plot_left - 2.0 * MM;
            marks.push(chart::right_aligned(doc, right, baseline, TICK, label));
        }
    }
}

/// Equal columns, one per academic term, from `left` to `right`.
#[derive(Debug, Clone)]
pub(crate) struct TermColumns {
    pub(crate) left: f32,
    pub(crate) right: f32,
    pub(crate) width: f32,
    pub(crate) axis: TermAxis,
}

impl TermColumns {
    pub(crate) fn new(doc: &ReportDocument, terms: &[Term], (left, right): (f32, f32)) -> Self {
        let width = (right - left) / terms.len().max(1) as f32;
        Self {
            left,
            right,
            width,
            axis: chart::term_axis(doc, terms, width, &TICK),
        }
    }

    /// The left edge of column `i` (`i` = the count: the right edge of the last).
    pub(crate) fn x_of(&self, i: usize) -> f32 {
        self.left + self.width * i.min(self.axis.labels.len().max(1)) as f32
    }

    pub(crate) fn centre(&self, i: usize) -> f32 {
        self.x_of(i) + self.width / 2.0
    }

    /// Each term's name centred in its column.
    pub(crate) fn term_names(&self, doc: &ReportDocument, baseline: f32, marks: &mut Vec<Mark>) {
        for (i, label) in self.axis.labels.iter().enumerate() {
            if !label.is_empty() {
                marks.push(chart::centred(doc, self.centre(i), baseline, TICK, label));
            }
        }
    }

    /// Each academic year centred over its terms.
    pub(crate) fn years(&self, doc: &ReportDocument, baseline: f32, marks: &mut Vec<Mark>) {
        for (first, last, label) in &self.axis.years {
            if !label.is_empty() {
                let centre = (self.x_of(*first) + self.x_of(*last + 1)) / 2.0;
                let style = TICK.with_colour(palette::INK);
                marks.push(chart::centred(doc, centre, baseline, style, label));
            }
        }
    }

    /// Every other academic year tinted from `bottom` to `top`, under everything else.
    pub(crate) fn shade_alternate_years(&self, bottom: f32, top: f32, background: &mut Vec<Mark>) {
        for (n, (first, last, _)) in self.axis.years.iter().enumerate() {
            if n % 2 == 1 {
                let (left, right) = (self.x_of(*first), self.x_of(*last + 1));
                background.insert(
                    0,
                    Mark::Bar {
                        x: left,
                        y: bottom,
                        width: right - left,
                        height: top - bottom,
                        colour: palette::TINT,
                    },
                );
            }
        }
    }

    /// "Terms: Fa Fall · Sp Spring." under the chart when the names are shortened, wrapped
    /// from `top`; returns the height below it.
    pub(crate) fn key(&self, doc: &ReportDocument, mut top: f32, marks: &mut Vec<Mark>) -> f32 {
        if let Some(key) = &self.axis.key {
            let text = format!("Terms: {key}.");
            for line in doc.wrap(&LEGEND, &text, self.right - self.left) {
                let baseline = doc.baseline_below(&LEGEND, top);
                marks.push(chart::text(doc, self.left, baseline, LEGEND, &line));
                top -= LEGEND.line_height;
            }
        }
        top
    }
}
