//! One line of text as PDF operations, and its width. Simple text (Latin, Greek, Cyrillic) is
//! shown as a string in DejaVu Sans; anything else is shaped (`shape.rs`) and shown glyph by
//! glyph. A left-to-right run sits inside a `/Span` whose `/ActualText` carries its
//! characters as typed, so copying or extracting it gives them in logical order, conjuncts
//! and reordered vowel signs included; right-to-left runs are read by position (see
//! [`right_to_left_glyph_ops`]).

use printpdf::{
    Codepoint, DictItem, FontId, Op, PdfFontHandle, Point, Pt, TextItem, TextMatrix,
    TextRenderingMode,
};

use crate::fonts::Fonts;
use crate::layout::TextStyle;
use crate::script;
use crate::shape::{self, GlyphRun, PlacedGlyph};

/// The outline that thickens a family without a bold face, as a fraction of the font size.
const SYNTHETIC_BOLD_STROKE: f32 = 0.035;

fn is_simple(fonts: &Fonts, style: &TextStyle, text: &str) -> bool {
    let face = fonts.face(style.face);
    text.chars()
        .all(|c| script::is_simple(c) && face.has_glyph(c))
}

/// The width of `text` (one line) set in `style`, in points.
pub(crate) fn width(fonts: &Fonts, style: &TextStyle, text: &str) -> f32 {
    if is_simple(fonts, style, text) {
        fonts.face(style.face).width(text, style.size)
    } else {
        shape::shape_line(fonts, style.face, style.size, text, None).width
    }
}

/// `text` on one line with its baseline starting at (`x`, `baseline`).
pub(crate) fn text_ops(
    fonts: &Fonts,
    x: f32,
    baseline: f32,
    style: &TextStyle,
    text: &str,
) -> Vec<Op> {
    line_ops(fonts, (x, baseline), style, text, None)
}

/// [`text_ops`] for a line wrapped from a paragraph whose direction is known: a line of a
/// right-to-left paragraph reads from the right even when it starts with a Latin word.
pub(crate) fn line_ops(
    fonts: &Fonts,
    (x, baseline): (f32, f32),
    style: &TextStyle,
    text: &str,
    right_to_left: Option<bool>,
) -> Vec<Op> {
    if right_to_left != Some(true) && is_simple(fonts, style, text) {
        let mut ops = begin_text(&fonts.face(style.face).id, style, (x, baseline)).to_vec();
        ops.extend([
            Op::ShowText {
                items: vec![TextItem::Text(text.to_owned())],
            },
            Op::EndTextSection,
        ]);
        return ops;
    }

    let line = shape::shape_line(fonts, style.face, style.size, text, right_to_left);
    let mut ops = Vec::new();
    for run in line.runs {
        let typeface = fonts.typeface(run.family, style.face);
        if typeface.synthetic_bold {
            ops.extend([
                Op::SaveGraphicsState,
                Op::SetTextRenderingMode {
                    mode: TextRenderingMode::FillStroke,
                },
                Op::SetOutlineColor {
                    col: style.colour.to_pdf(),
                },
                Op::SetOutlineThickness {
                    pt: Pt(style.size * SYNTHETIC_BOLD_STROKE),
                },
            ]);
        }
        ops.extend(begin_text(&typeface.id, style, (x, baseline)));
        if run.right_to_left {
            right_to_left_glyph_ops(&mut ops, x, baseline, &run);
        } else {
            ops.push(actual_text_span(&run.text));
            ops.extend(run.glyphs.iter().flat_map(|g| glyph_ops(x, baseline, g)));
            ops.push(Op::EndMarkedContent);
        }
        ops.push(Op::EndTextSection);
        if typeface.synthetic_bold {
            ops.push(Op::RestoreGraphicsState);
        }
    }
    ops
}

/// Opens a text object in `font` and `style` with the pen at (`x`, `baseline`).
fn begin_text(font: &FontId, style: &TextStyle, (x, baseline): (f32, f32)) -> [Op; 4] {
    [
        Op::StartTextSection,
        Op::SetFont {
            font: PdfFontHandle::External(font.clone()),
            size: Pt(style.size),
        },
        Op::SetFillColor {
            col: style.colour.to_pdf(),
        },
        // In a fresh text object `Td` moves from the origin, so this is an absolute position.
        Op::SetTextCursor {
            pos: Point {
                x: Pt(x),
                y: Pt(baseline),
            },
        },
    ]
}

/// A right-to-left run is drawn from its left end, and text extractors read it back by the
/// glyphs' positions, from the right, each glyph through the font's ToUnicode map. Where
/// glyphs and characters do not pair one to one (a lam-alef ligature, a letter with its
/// vowel mark) the cluster gets its own span: a viewer inserts a span of right-to-left
/// letters from the right, as it does a ligature.
fn right_to_left_glyph_ops(ops: &mut Vec<Op>, x: f32, baseline: f32, run: &GlyphRun) {
    for cluster in run.glyphs.chunk_by(|a, b| a.cluster == b.cluster) {
        let text = cluster.iter().find_map(|g| g.text.as_deref()).unwrap_or("");
        let one_to_one = cluster.len() == 1 && text.chars().count() == 1;
        if !one_to_one {
            ops.push(actual_text_span(text));
        }
        ops.extend(cluster.iter().flat_map(|g| glyph_ops(x, baseline, g)));
        if !one_to_one {
            ops.push(Op::EndMarkedContent);
        }
    }
}

fn glyph_ops(x: f32, baseline: f32, glyph: &PlacedGlyph) -> [Op; 2] {
    [
        // printpdf merges same-baseline glyphs placed like this into one `TJ`.
        Op::SetTextMatrix {
            matrix: TextMatrix::Raw([1.0, 0.0, 0.0, 1.0, x + glyph.x, baseline + glyph.y]),
        },
        Op::ShowText {
            items: vec![TextItem::GlyphIds(vec![Codepoint {
                gid: glyph.gid,
                offset: 0.0,
                cid: glyph.text.clone(),
            }])],
        },
    ]
}

/// `BDC /Span << /ActualText (text) >>`, the text in UTF-16BE with its byte-order mark.
fn actual_text_span(text: &str) -> Op {
    let mut data = vec![0xFE, 0xFF];
    data.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let map = [(
        "ActualText".to_owned(),
        DictItem::String {
            data,
            literal: false,
        },
    )]
    .into_iter()
    .collect();
    Op::BeginMarkedContentWithProperties {
        tag: "Span".to_owned(),
        properties: DictItem::Dict { map },
    }
}

/// The text of an `/ActualText` span written by [`text_ops`].
#[cfg(test)]
pub(crate) fn actual_text(op: &Op) -> Option<String> {
    let Op::BeginMarkedContentWithProperties {
        properties: DictItem::Dict { map },
        ..
    } = op
    else {
        return None;
    };
    let Some(DictItem::String { data, .. }) = map.get("ActualText") else {
        return None;
    };
    let units: Vec<u16> = data
        .get(2..)?
        .chunks_exact(2)
        .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
        .collect();
    String::from_utf16(&units).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::styles;

    fn fonts() -> Fonts {
        let mut doc = printpdf::PdfDocument::new("test");
        Fonts::load_into(&mut doc, 1).expect("embedded fonts parse")
    }

    #[test]
    fn latin_greek_and_cyrillic_stay_plain_strings() {
        let fonts = fonts();
        let ops = text_ops(&fonts, 0.0, 0.0, &styles::BODY, "Łódź · Москва · Αθήνα");
        let shown: Vec<&TextItem> = ops
            .iter()
            .filter_map(|op| match op {
                Op::ShowText { items } => items.first(),
                _ => None,
            })
            .collect();
        assert_eq!(shown, [&TextItem::Text("Łódź · Москва · Αθήνα".to_owned())]);
    }

    fn spans(ops: &[Op]) -> Vec<String> {
        ops.iter().filter_map(actual_text).collect()
    }

    #[test]
    fn a_left_to_right_shaped_run_carries_its_typed_text_for_extraction() {
        let fonts = fonts();
        let typed = "भारतीय प्रौद्योगिकी संस्थान";
        let ops = text_ops(&fonts, 0.0, 0.0, &styles::BODY, typed);
        assert_eq!(spans(&ops), [typed]);
    }

    #[test]
    fn right_to_left_text_spans_only_the_clusters_that_are_not_one_glyph_per_letter() {
        let fonts = fonts();
        // Kaf and teh carry vowel marks (two glyphs for two characters, one cluster each);
        // alef and beh are one glyph each.
        let ops = text_ops(&fonts, 0.0, 0.0, &styles::BODY, "كِتَاب");
        assert_eq!(
            spans(&ops),
            ["تَ", "كِ"],
            "spans in drawing order, right to left"
        );
    }

    #[test]
    fn chinese_bold_is_thickened_with_an_outline() {
        let fonts = fonts();
        let ops = text_ops(&fonts, 0.0, 0.0, &styles::HEADING, "東京大学");
        assert!(ops.contains(&Op::SetTextRenderingMode {
            mode: TextRenderingMode::FillStroke
        }));
        let regular = text_ops(&fonts, 0.0, 0.0, &styles::BODY, "東京大学");
        assert!(
            !regular
                .iter()
                .any(|op| matches!(op, Op::SetTextRenderingMode { .. }))
        );
    }

    #[test]
    fn widths_of_shaped_text_grow_with_the_text() {
        let fonts = fonts();
        let one = width(&fonts, &styles::BODY, "東");
        let four = width(&fonts, &styles::BODY, "東京大学");
        assert!(one > 5.0 && (four - 4.0 * one).abs() < 0.01, "{one} {four}");
    }
}
