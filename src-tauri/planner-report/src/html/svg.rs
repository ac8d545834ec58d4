//! A chart as inline SVG: the marks the PDF draws, in the same places, so the page shows the
//! same chart. A screen reader gets its title and a description listing the chart's labels
//! and figures; the tables around it carry the full figures.

use std::fmt::Write as _;

use crate::chart::Mark;
use crate::fonts::Face;
use crate::html::escape;
use crate::layout::{CONTENT_LEFT, CONTENT_WIDTH, Colour};

/// Room either side of the text column: some labels hang just outside it.
const SIDE: f32 = 12.0;

/// Writes chart number `n` as a `<figure>`: marks in page points, the chart's area from `top`
/// down `height` points.
pub(crate) fn write_chart(
    out: &mut String,
    n: usize,
    caption: &str,
    marks: &[Mark],
    top: f32,
    height: f32,
) {
    let labels: Vec<&str> = marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    // A chart drawn on pages turned sideways is wider than the text column.
    let right = marks
        .iter()
        .map(|m| match m {
            Mark::Bar { x, width, .. } => x + width,
            Mark::Line { from, to, .. } => from.0.max(to.0),
            Mark::Shape { points, .. } => points.iter().map(|p| p.0).fold(f32::MIN, f32::max),
            Mark::Text { x, width, .. } => x + width,
        })
        .fold(CONTENT_LEFT + CONTENT_WIDTH, f32::max);
    let width = right - CONTENT_LEFT + 2.0 * SIDE;
    let _ = writeln!(
        out,
        "<figure class=\"chart\">\n<svg role=\"img\" \
         aria-labelledby=\"chart-{n}-title chart-{n}-desc\" viewBox=\"0 0 {} {}\" \
         width=\"{}\" height=\"{}\">",
        number(width),
        number(height),
        number(width),
        number(height)
    );
    let _ = writeln!(
        out,
        "<title id=\"chart-{n}-title\">Chart: {}</title>",
        escape(caption)
    );
    let _ = writeln!(
        out,
        "<desc id=\"chart-{n}-desc\">Labels and figures in the chart: {}.</desc>",
        escape(&labels.join("; "))
    );
    let x = |page_x: f32| number(page_x - CONTENT_LEFT + SIDE);
    let y = |page_y: f32| number(top - page_y);
    for mark in marks {
        match mark {
            Mark::Bar {
                x: left,
                y: bottom,
                width,
                height,
                colour,
            } => {
                let _ = writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
                    x(*left),
                    y(bottom + height),
                    number(*width),
                    number(*height),
                    hex(*colour)
                );
            }
            Mark::Line {
                from,
                to,
                colour,
                thickness,
                dash,
            } => {
                let dash = dash.map_or(String::new(), |(on, off)| {
                    format!(" stroke-dasharray=\"{} {}\"", number(on), number(off))
                });
                let _ = writeln!(
                    out,
                    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" \
                     stroke-width=\"{}\"{dash}/>",
                    x(from.0),
                    y(from.1),
                    x(to.0),
                    y(to.1),
                    hex(*colour),
                    number(*thickness)
                );
            }
            Mark::Shape { points, colour } => {
                let points: Vec<String> = points
                    .iter()
                    .map(|&(px, py)| format!("{},{}", x(px), y(py)))
                    .collect();
                let _ = writeln!(
                    out,
                    "<polygon points=\"{}\" fill=\"{}\"/>",
                    points.join(" "),
                    hex(*colour)
                );
            }
            Mark::Text {
                x: left,
                baseline,
                width,
                style,
                text,
            } => {
                let weight = if style.face == Face::Bold {
                    " font-weight=\"bold\""
                } else {
                    ""
                };
                // The PDF measured the text in its own font; textLength keeps it exactly that
                // wide in whatever font the reader's browser has.
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{weight} fill=\"{}\" \
                     textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\">{}</text>",
                    x(*left),
                    y(*baseline),
                    number(style.size),
                    hex(style.colour),
                    number(*width),
                    escape(text)
                );
            }
        }
    }
    out.push_str("</svg>\n</figure>\n");
}

/// A coordinate to two decimals, without trailing zeros.
fn number(value: f32) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

fn hex(Colour(r, g, b): Colour) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{palette, styles};

    #[test]
    fn marks_land_where_the_pdf_draws_them_with_text_alternatives() {
        let top = 500.0;
        let marks = [
            Mark::Bar {
                x: CONTENT_LEFT,
                y: 480.0,
                width: 40.0,
                height: 10.0,
                colour: palette::ACCENT,
            },
            Mark::Text {
                x: CONTENT_LEFT + 50.0,
                baseline: 482.0,
                width: 30.0,
                style: styles::SMALL,
                text: "53% <of> leaders".to_owned(),
            },
        ];
        let mut out = String::new();
        write_chart(&mut out, 2, "Readiness & benchmarks", &marks, top, 40.0);
        assert!(
            out.contains("<rect x=\"12\" y=\"10\" width=\"40\" height=\"10\" fill=\"#1f4e79\"/>"),
            "the bar's top-left corner is 20 points below the chart's top: {out}"
        );
        assert!(out.contains("x=\"62\" y=\"18\""), "{out}");
        assert!(out.contains(">53% &lt;of&gt; leaders</text>"), "{out}");
        assert!(
            out.contains("role=\"img\" aria-labelledby=\"chart-2-title chart-2-desc\""),
            "{out}"
        );
        assert!(
            out.contains("<title id=\"chart-2-title\">Chart: Readiness &amp; benchmarks</title>"),
            "{out}"
        );
        assert!(
            out.contains("in the chart: 53% &lt;of&gt; leaders.</desc>"),
            "{out}"
        );
    }

    #[test]
    fn coordinates_are_short() {
        assert_eq!(number(12.0), "12");
        assert_eq!(number(12.345), "12.35");
        assert_eq!(number(-0.001), "0");
        assert_eq!(number(0.5), "0.5");
    }
}
