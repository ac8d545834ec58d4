//! Text in any script, set as glyphs: the bidi algorithm orders a line's runs for display, each
//! run is split by the typeface that can draw it, and rustybuzz shapes each piece (Arabic
//! joining, Devanagari conjuncts, mark placement, mirrored brackets in right-to-left text).
//! Latin, Greek and Cyrillic text needs none of this and keeps the plain path in
//! `document.rs`.

use std::collections::BTreeSet;
use std::ops::Range;

use rustybuzz::{Direction, UnicodeBuffer};
use unicode_bidi::{BidiInfo, Level};

use crate::fonts::{Face, Family, Fonts};
use crate::script;

/// A glyph at its place on the line, in points from the line's start and its baseline.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PlacedGlyph {
    pub(crate) gid: u16,
    pub(crate) x: f32,
    pub(crate) y: f32,
    /// The characters this glyph stands for when it is the first glyph of its cluster; they
    /// feed the font's ToUnicode map.
    pub(crate) text: Option<String>,
    /// Where its cluster starts in the run's text: glyphs with the same value were shaped
    /// from the same characters.
    pub(crate) cluster: usize,
}

/// Consecutive glyphs of one family and one direction.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GlyphRun {
    pub(crate) family: Family,
    pub(crate) right_to_left: bool,
    /// The characters the run was shaped from, in logical order.
    pub(crate) text: String,
    pub(crate) glyphs: Vec<PlacedGlyph>,
}

/// One line of text, shaped, its runs left to right as they are seen on the page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ShapedLine {
    pub(crate) runs: Vec<GlyphRun>,
    pub(crate) width: f32,
}

/// True when `text` starts, in the bidi algorithm's sense, with a right-to-left letter: such a
/// line reads from the right, and a column of them aligns right.
pub(crate) fn is_right_to_left(text: &str) -> bool {
    unicode_bidi::get_base_direction(text) == unicode_bidi::Direction::Rtl
}

/// `text` (one line) shaped in `face` at `size` points. `right_to_left` is the direction of
/// the paragraph the line was wrapped from; `None` takes it from the line's first letter.
pub(crate) fn shape_line(
    fonts: &Fonts,
    face: Face,
    size: f32,
    text: &str,
    right_to_left: Option<bool>,
) -> ShapedLine {
    let level = right_to_left.map(|rtl| if rtl { Level::rtl() } else { Level::ltr() });
    let bidi = BidiInfo::new(text, level);
    let mut line = ShapedLine {
        runs: Vec::new(),
        width: 0.0,
    };
    for paragraph in &bidi.paragraphs {
        let (levels, level_runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
        for level_run in level_runs {
            let rtl = levels[level_run.start].is_rtl();
            let mut items = itemise(fonts, face, &text[level_run.clone()]);
            if rtl {
                items.reverse();
            }
            for (family, range) in items {
                let start = level_run.start + range.start;
                let piece = &text[start..level_run.start + range.end];
                let run = shape_piece(fonts, family, face, size, piece, rtl, &mut line.width);
                line.runs.push(run);
            }
        }
    }
    line
}

/// `text` split where the family that draws it changes, in logical order. A character goes
/// to the family its script asks for, or the first in the chain that has it (so Latin
/// punctuation between Chinese words is DejaVu's, as a browser given DejaVu Sans first would
/// set it); spaces and marks stay with the letters before them when that family has them.
fn itemise(fonts: &Fonts, face: Face, text: &str) -> Vec<(Family, Range<usize>)> {
    let mut items: Vec<(Family, Range<usize>)> = Vec::new();
    for (index, c) in text.char_indices() {
        let current = items.last().map(|(family, _)| *family);
        let sticky = script::is_mark(c) || c.is_whitespace();
        let family = match (script::preferred_family(c), current) {
            (Some(family), _) => family,
            (None, Some(current)) if sticky && fonts.typeface(current, face).covers(c) => current,
            (None, _) => Family::CHAIN
                .into_iter()
                .find(|family| fonts.typeface(*family, face).covers(c))
                .unwrap_or(Family::Latin),
        };
        let end = index + c.len_utf8();
        match items.last_mut() {
            Some((last, range)) if *last == family => range.end = end,
            _ => items.push((family, index..end)),
        }
    }
    items
}

fn shape_piece(
    fonts: &Fonts,
    family: Family,
    face: Face,
    size: f32,
    text: &str,
    rtl: bool,
    pen: &mut f32,
) -> GlyphRun {
    let typeface = fonts.typeface(family, face);
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    buffer.set_direction(if rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    });
    let output = rustybuzz::shape(&typeface.shaper, &[], buffer);
    let scale = typeface.scale(size);

    // A cluster is the text from its start to the next cluster's start, in logical order.
    let starts: BTreeSet<usize> = output
        .glyph_infos()
        .iter()
        .map(|info| info.cluster as usize)
        .collect();
    let cluster_text = |start: usize| {
        let end = starts
            .range(start + 1..)
            .next()
            .copied()
            .unwrap_or(text.len());
        text.get(start..end).map(str::to_owned)
    };

    let mut seen = BTreeSet::new();
    let glyphs = output
        .glyph_infos()
        .iter()
        .zip(output.glyph_positions())
        .map(|(info, position)| {
            let cluster = info.cluster as usize;
            let glyph = PlacedGlyph {
                gid: u16::try_from(info.glyph_id).unwrap_or(0),
                x: *pen + position.x_offset as f32 * scale,
                y: position.y_offset as f32 * scale,
                text: if seen.insert(cluster) {
                    cluster_text(cluster)
                } else {
                    None
                },
                cluster,
            };
            *pen += position.x_advance as f32 * scale;
            glyph
        })
        .collect();
    GlyphRun {
        family,
        right_to_left: rtl,
        text: text.to_owned(),
        glyphs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        let mut doc = printpdf::PdfDocument::new("test");
        Fonts::load_into(&mut doc, 1).expect("embedded fonts parse")
    }

    fn families(line: &ShapedLine) -> Vec<Family> {
        line.runs.iter().map(|run| run.family).collect()
    }

    #[test]
    fn each_script_is_set_in_its_own_family_with_no_missing_glyph() {
        let fonts = fonts();
        for (text, family) in [
            ("東京大学", Family::Cjk),
            ("서울대학교 똠방각하", Family::Cjk),
            ("جامعة القاهرة", Family::Arabic),
            ("האוניברסיטה העברית", Family::Hebrew),
            ("भारतीय प्रौद्योगिकी संस्थान", Family::Devanagari),
        ] {
            let line = shape_line(&fonts, Face::Regular, 10.0, text, None);
            // The CJK subset has no space of its own: DejaVu Sans sets the spaces of Korean.
            let letters = line.runs.iter().filter(|run| !run.text.trim().is_empty());
            assert!(
                letters.clone().all(|run| run.family == family),
                "{text}: {line:?}"
            );
            let mut glyphs = letters.flat_map(|run| &run.glyphs);
            assert!(glyphs.all(|g| g.gid != 0), "{text} has no .notdef");
            assert!(line.width > 10.0, "{text} has width {}", line.width);
        }
    }

    #[test]
    fn arabic_letters_join_into_fewer_or_different_glyphs_than_isolated_letters() {
        let fonts = fonts();
        let joined = shape_line(&fonts, Face::Regular, 10.0, "بيت", None);
        let isolated: Vec<u16> = "ت ي ب"
            .split(' ')
            .map(|letter| {
                shape_line(&fonts, Face::Regular, 10.0, letter, None).runs[0].glyphs[0].gid
            })
            .collect();
        let joined: Vec<u16> = joined.runs[0].glyphs.iter().map(|g| g.gid).collect();
        assert_ne!(
            joined, isolated,
            "contextual forms differ from isolated ones"
        );
    }

    #[test]
    fn a_devanagari_conjunct_takes_fewer_glyphs_than_its_letters() {
        let fonts = fonts();
        let line = shape_line(&fonts, Face::Regular, 10.0, "प्र", None);
        assert!(
            line.runs[0].glyphs.len() < 3,
            "pa + virama + ra form a conjunct: {:?}",
            line.runs[0].glyphs
        );
    }

    #[test]
    fn right_to_left_text_runs_from_the_right_and_keeps_latin_and_digits_left_to_right() {
        let fonts = fonts();
        let line = shape_line(&fonts, Face::Regular, 10.0, "جامعة MIT 2027", None);
        assert!(is_right_to_left("جامعة MIT 2027"));
        // Displayed: "MIT 2027" at the left, reading left to right, the Arabic word at the right.
        assert_eq!(families(&line), [Family::Latin, Family::Arabic]);
        let latin: String = line.runs[0]
            .glyphs
            .iter()
            .filter_map(|g| g.text.clone())
            .collect();
        assert_eq!(latin, "MIT 2027");
        let arabic = &line.runs.last().expect("an Arabic run").glyphs;
        let last_glyph = arabic.last().expect("glyphs");
        assert_eq!(
            last_glyph.text.as_deref(),
            Some("ج"),
            "the first letter is drawn rightmost"
        );
    }

    #[test]
    fn a_wrapped_line_of_a_right_to_left_paragraph_reads_from_the_right_even_if_it_starts_in_latin()
    {
        let fonts = fonts();
        let line = shape_line(&fonts, Face::Regular, 10.0, "(KAUST) 2027", Some(true));
        let order: String = line.runs.iter().map(|run| run.text.as_str()).collect();
        // Displayed "2027 (KAUST)": the brackets, read right to left, are drawn mirrored.
        assert_eq!(order, "2027) KAUST(", "runs left to right as displayed");
        let alone = shape_line(&fonts, Face::Regular, 10.0, "(KAUST) 2027", None);
        let order: String = alone.runs.iter().map(|run| run.text.as_str()).collect();
        assert_eq!(order, "(KAUST) 2027");
    }

    #[test]
    fn latin_punctuation_between_chinese_names_is_set_in_dejavu() {
        let fonts = fonts();
        let line = shape_line(&fonts, Face::Regular, 10.0, "東京 · 清华", None);
        assert_eq!(families(&line), [Family::Cjk, Family::Latin, Family::Cjk]);
    }

    #[test]
    fn mixed_latin_and_chinese_switch_family_and_keep_the_space_with_latin() {
        let fonts = fonts();
        let line = shape_line(&fonts, Face::Bold, 10.0, "MIT 東京", None);
        assert_eq!(families(&line), [Family::Latin, Family::Cjk]);
        let widths_add_up = (line.width
            - shape_line(&fonts, Face::Bold, 10.0, "MIT ", None).width
            - shape_line(&fonts, Face::Bold, 10.0, "東京", None).width)
            .abs();
        assert!(widths_add_up < 0.01, "{widths_add_up}");
    }
}
