//! What the report's charts are made of. A chart is laid out as a list of marks first and
//! drawn second, so its geometry can be checked without reading a PDF. Also the parts charts
//! share: marks, labels, round axis ticks and the academic-term axis (`plot` sets them up).

use planner_core::rollout::Term;

use crate::document::ReportDocument;
use crate::layout::{Colour, HAIRLINE, MM, TextStyle, palette};

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Mark {
    /// A filled rectangle from its lower-left corner.
    Bar {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        colour: Colour,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        colour: Colour,
        thickness: f32,
        /// Dash and gap lengths; solid when `None`.
        dash: Option<(f32, f32)>,
    },
    /// A filled polygon (a marker).
    Shape {
        points: Vec<(f32, f32)>,
        colour: Colour,
    },
    Text {
        x: f32,
        baseline: f32,
        /// As measured in the embedded font.
        width: f32,
        style: TextStyle,
        text: String,
    },
}

impl Mark {
    /// A solid hairline.
    pub(crate) fn hairline(from: (f32, f32), to: (f32, f32), colour: Colour) -> Self {
        Mark::Line {
            from,
            to,
            colour,
            thickness: HAIRLINE,
            dash: None,
        }
    }

    /// The mark moved `dx` to the right.
    pub(crate) fn shifted(self, dx: f32) -> Self {
        match self {
            Mark::Bar {
                x,
                y,
                width,
                height,
                colour,
            } => Mark::Bar {
                x: x + dx,
                y,
                width,
                height,
                colour,
            },
            Mark::Line {
                from,
                to,
                colour,
                thickness,
                dash,
            } => Mark::Line {
                from: (from.0 + dx, from.1),
                to: (to.0 + dx, to.1),
                colour,
                thickness,
                dash,
            },
            Mark::Shape { points, colour } => Mark::Shape {
                points: points.into_iter().map(|(x, y)| (x + dx, y)).collect(),
                colour,
            },
            Mark::Text {
                x,
                baseline,
                width,
                style,
                text,
            } => Mark::Text {
                x: x + dx,
                baseline,
                width,
                style,
                text,
            },
        }
    }

    /// The extent of the mark: left, right, bottom, top. Text counts from its baseline's
    /// descent to its ascent, as the font sets it.
    #[cfg(test)]
    pub(crate) fn extent(&self) -> (f32, f32, f32, f32) {
        match self {
            Mark::Bar {
                x,
                y,
                width,
                height,
                ..
            } => (*x, x + width, *y, y + height),
            Mark::Line { from, to, .. } => (
                from.0.min(to.0),
                from.0.max(to.0),
                from.1.min(to.1),
                from.1.max(to.1),
            ),
            Mark::Shape { points, .. } => points.iter().fold(
                (f32::MAX, f32::MIN, f32::MAX, f32::MIN),
                |(l, r, b, t), &(x, y)| (l.min(x), r.max(x), b.min(y), t.max(y)),
            ),
            Mark::Text {
                x,
                baseline,
                width,
                style,
                ..
            } => (
                *x,
                x + width,
                baseline - 0.24 * style.size,
                baseline + 0.76 * style.size,
            ),
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ChartLayout {
    pub(crate) marks: Vec<Mark>,
    pub(crate) height: f32,
}

impl ChartLayout {
    /// The texts of the chart, in drawing order.
    #[cfg(test)]
    pub(crate) fn texts(&self) -> Vec<&str> {
        self.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }
}

/// Draws a chart laid out by `lay_out(doc, top)` from the cursor down, on one page; the
/// cursor ends below it.
pub(crate) fn draw(
    doc: &mut ReportDocument,
    lay_out: impl Fn(&ReportDocument, f32) -> ChartLayout,
) {
    let height = lay_out(doc, 0.0).height;
    doc.keep_together(height);
    let top = doc.cursor();
    let chart = lay_out(doc, top);
    doc.record(crate::content::Block::Chart {
        marks: chart.marks.clone(),
        top,
        height: chart.height,
    });
    draw_marks(doc, chart.marks);
    doc.set_cursor(top - chart.height);
}

pub(crate) fn draw_marks(doc: &mut ReportDocument, marks: Vec<Mark>) {
    for mark in marks {
        match mark {
            Mark::Bar {
                x,
                y,
                width,
                height,
                colour,
            } => doc.fill_rect(x, y, width, height, colour),
            Mark::Line {
                from,
                to,
                colour,
                thickness,
                dash: None,
            } => doc.line(from, to, thickness, colour),
            Mark::Line {
                from,
                to,
                colour,
                thickness,
                dash: Some(dash),
            } => doc.dashed_line(from, to, thickness, colour, dash),
            Mark::Shape { points, colour } => doc.fill_polygon(&points, colour),
            Mark::Text {
                x,
                baseline,
                style,
                text,
                ..
            } => doc.draw_text(x, baseline, &style, &text),
        }
    }
}

/// A label starting at `x`.
pub(crate) fn text(
    doc: &ReportDocument,
    x: f32,
    baseline: f32,
    style: TextStyle,
    text: &str,
) -> Mark {
    Mark::Text {
        x,
        baseline,
        width: doc.text_width(&style, text),
        style,
        text: text.to_owned(),
    }
}

/// A label centred on `centre`.
pub(crate) fn centred(
    doc: &ReportDocument,
    centre: f32,
    baseline: f32,
    style: TextStyle,
    label: &str,
) -> Mark {
    let width = doc.text_width(&style, label);
    text(doc, centre - width / 2.0, baseline, style, label)
}

/// A label ending at `right`.
pub(crate) fn right_aligned(
    doc: &ReportDocument,
    right: f32,
    baseline: f32,
    style: TextStyle,
    label: &str,
) -> Mark {
    let width = doc.text_width(&style, label);
    text(doc, right - width, baseline, style, label)
}

/// The baseline that centres a line of `style` on height `y`.
pub(crate) fn baseline_centred_on(doc: &ReportDocument, style: &TextStyle, y: f32) -> f32 {
    doc.baseline_below(style, y + style.line_height / 2.0)
}

/// White space around a value label where it crosses a gridline.
pub(crate) const KNOCKOUT: f32 = 0.6 * MM;

/// A paper-coloured box behind a label, so a gridline never runs through its figures.
pub(crate) fn knockout(label: &Mark) -> Mark {
    match label {
        Mark::Text {
            x,
            baseline,
            width,
            style,
            ..
        } => Mark::Bar {
            x: x - KNOCKOUT,
            y: baseline - 0.3 * style.size,
            width: width + 2.0 * KNOCKOUT,
            height: 1.1 * style.size,
            colour: palette::PAPER,
        },
        other => other.clone(),
    }
}

/// A diamond marker centred on (`x`, `y`), `radius` from centre to each point.
pub(crate) fn diamond(x: f32, y: f32, radius: f32, colour: Colour) -> Mark {
    Mark::Shape {
        points: vec![
            (x, y + radius),
            (x + radius, y),
            (x, y - radius),
            (x - radius, y),
        ],
        colour,
    }
}

/// A square marker centred on (`x`, `y`), `half` from centre to each side.
pub(crate) fn square(x: f32, y: f32, half: f32, colour: Colour) -> Mark {
    Mark::Bar {
        x: x - half,
        y: y - half,
        width: 2.0 * half,
        height: 2.0 * half,
        colour,
    }
}

/// Round axis ticks covering `low`–`high` (and zero): multiples of 1, 2, 2.5 or 5 × 10ⁿ, at
/// most `at_most` intervals. The first tick is at or below `low`, the last at or above `high`.
pub(crate) fn nice_ticks(low: f64, high: f64, at_most: usize) -> Vec<f64> {
    let low = low.min(0.0);
    let high = high.max(0.0);
    let span = high - low;
    if !span.is_finite() || span <= 0.0 {
        return vec![0.0, 1.0];
    }
    let at_most = at_most.max(1) as f64;
    let magnitude = 10f64.powf((span / at_most).log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|step| ((high / step).ceil() - (low / step).floor()) <= at_most + 1e-9)
        .unwrap_or(10.0 * magnitude);
    let first = (low / step).floor() as i64;
    let last = (high / step).ceil() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

/// How the academic terms are labelled along a horizontal axis of equal columns.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TermAxis {
    /// One label per term: the term's name, or a short form of it when names do not fit.
    pub(crate) labels: Vec<String>,
    /// "Fa Fall · Sp Spring · Su Summer" when the labels are short forms.
    pub(crate) key: Option<String>,
    /// Runs of terms in the same academic year: first and last term index, and the label.
    pub(crate) years: Vec<(usize, usize, String)>,
}

/// Chooses the labels for `terms` set in `style` under columns `column` points wide.
pub(crate) fn term_axis(
    doc: &ReportDocument,
    terms: &[Term],
    column: f32,
    style: &TextStyle,
) -> TermAxis {
    let room = column - 0.5 * MM;
    let fits = |labels: &[String]| labels.iter().all(|l| doc.text_width(style, l) <= room);
    let mut names: Vec<&str> = Vec::new();
    for term in terms {
        if !names.contains(&term.name.as_str()) {
            names.push(&term.name);
        }
    }
    let full: Vec<String> = terms.iter().map(|t| t.name.clone()).collect();
    let (labels, key) = if fits(&full) {
        (full, None)
    } else {
        let short = short_names(&names)
            .into_iter()
            .find(|short| fits(short))
            .unwrap_or_else(|| vec![String::new(); names.len()]);
        let key = names
            .iter()
            .zip(&short)
            .filter(|(_, s)| !s.is_empty())
            .map(|(name, s)| format!("{s} {name}"))
            .collect::<Vec<_>>();
        let labels = terms
            .iter()
            .map(|t| {
                let i = names.iter().position(|n| *n == t.name).unwrap_or(0);
                short[i].clone()
            })
            .collect();
        let key = (!key.is_empty()).then(|| key.join(" · "));
        (labels, key)
    };

    let mut years: Vec<(usize, usize, String)> = Vec::new();
    for (i, term) in terms.iter().enumerate() {
        match years.last_mut() {
            Some((_, last, label)) if *label == term.academic_year => *last = i,
            _ => years.push((i, i, term.academic_year.clone())),
        }
    }
    for (first, last, label) in &mut years {
        let width = (*last - *first + 1) as f32 * column - 1.0 * MM;
        if doc.text_width(style, label) > width {
            // "2027–28" → "27–28"; then nothing.
            let short: String = label.chars().skip(2).collect();
            *label = if label.chars().count() > 4 && doc.text_width(style, &short) <= width {
                short
            } else {
                String::new()
            };
        }
    }
    TermAxis { labels, key, years }
}

/// Distinct short forms of the term names, most familiar first: their first two letters
/// ("Fa", "Sp", "Su"), their first letter, their initials with any digits ("Semester 1" →
/// "S1"), their first three letters, their position in the year.
fn short_names(names: &[&str]) -> Vec<Vec<String>> {
    let distinct = |forms: &Vec<String>| {
        forms.iter().all(|f| !f.is_empty())
            && forms
                .iter()
                .enumerate()
                .all(|(i, f)| !forms[..i].contains(f))
    };
    let letters = |n: usize| -> Vec<String> {
        names
            .iter()
            .map(|name| {
                name.chars()
                    .filter(|c| !c.is_whitespace())
                    .take(n)
                    .collect()
            })
            .collect()
    };
    let initials: Vec<String> = names
        .iter()
        .map(|name| {
            name.split_whitespace()
                .map(|word| {
                    if word.chars().all(|c| c.is_ascii_digit()) {
                        word.to_owned()
                    } else {
                        word.chars().take(1).collect()
                    }
                })
                .collect()
        })
        .collect();
    let positions: Vec<String> = (1..=names.len()).map(|i| i.to_string()).collect();
    [letters(2), letters(1), initials, letters(3), positions]
        .into_iter()
        .filter(distinct)
        .collect()
}

/// A report with one page open, for laying charts out in tests.
#[cfg(test)]
pub(crate) fn test_page() -> ReportDocument {
    let mut doc = ReportDocument::new(1).expect("document");
    doc.start_page();
    doc
}

/// Fails unless every mark of `layout`, drawn from `top`, lies within the margins and within
/// the height the chart claims.
#[cfg(test)]
pub(crate) fn assert_inside(layout: &ChartLayout, top: f32) {
    use crate::layout::{CONTENT_LEFT, CONTENT_RIGHT};
    let bottom = top - layout.height;
    for mark in &layout.marks {
        let (l, r, b, t) = mark.extent();
        assert!(
            l >= CONTENT_LEFT - 0.01 && r <= CONTENT_RIGHT + 0.01,
            "{mark:?} within the margins"
        );
        assert!(
            b >= bottom - 0.01 && t <= top + 0.01,
            "{mark:?} within the chart"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(
            nice_ticks(0.0, 4_120.7, 5),
            [0.0, 1_000.0, 2_000.0, 3_000.0, 4_000.0, 5_000.0]
        );
        assert_eq!(
            nice_ticks(0.0, 7_279_355.6, 5),
            [0.0, 2_000_000.0, 4_000_000.0, 6_000_000.0, 8_000_000.0]
        );
        assert_eq!(nice_ticks(0.0, 9.0, 4), [0.0, 2.5, 5.0, 7.5, 10.0]);
        let with_negative = nice_ticks(-2_036_626.7, 1_027_451.9, 6);
        assert_eq!(with_negative.first().copied(), Some(-3_000_000.0));
        assert_eq!(with_negative.last().copied(), Some(2_000_000.0));
        assert!(with_negative.contains(&0.0));
        assert!(
            with_negative.len() <= 7,
            "at most six intervals: {with_negative:?}"
        );
        assert_eq!(
            nice_ticks(0.0, 0.0, 5),
            [0.0, 1.0],
            "an empty range still has an axis"
        );
    }

    #[test]
    fn short_term_names_are_distinct_and_most_telling_first() {
        let forms = short_names(&["Fall", "Spring", "Summer"]);
        assert_eq!(forms[0], ["Fa", "Sp", "Su"]);
        assert!(!forms.iter().any(|f| f[1] == f[2]), "never two alike");
        let forms = short_names(&["Semester 1", "Semester 2"]);
        assert!(forms.contains(&vec!["S1".to_owned(), "S2".to_owned()]));
        assert!(forms.iter().all(|f| f[0] != f[1]));
    }
}
