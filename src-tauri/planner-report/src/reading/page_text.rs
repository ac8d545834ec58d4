//! Where each character of a page's text sits, so the words under a highlight's QuadPoints
//! can be quoted with the comment. A small reader of text-showing operators: enough for the
//! planner's own pages (Type0 fonts with ToUnicode maps, TJ kerning) and for simple fonts;
//! whatever it cannot read it skips, so a comment is never lost for want of its quote.

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Document, Encoding, Object, ObjectId};

use super::objects::{dict, get, name};

/// More than the report's densest page holds by far.
const MAX_CONTENT_BYTES: usize = 16 << 20;
const MAX_GLYPHS: usize = 200_000;

/// A character shown on the page, placed in the page's default space.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PlacedChar {
    pub(super) text: String,
    /// Where the glyph's advance runs along the baseline, and the baseline.
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) y: f32,
    pub(super) size: f32,
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn multiply(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: &Matrix, (x, y): (f32, f32)) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// A font as far as placing its characters goes.
struct FontMetrics<'a> {
    encoding: Option<Encoding<'a>>,
    /// Bytes per character code: 2 for the Identity-H fonts of Type0, else 1.
    code_len: usize,
    widths: BTreeMap<u32, f32>,
    default_width: f32,
}

impl<'a> FontMetrics<'a> {
    fn read(doc: &'a Document, font: &'a lopdf::Dictionary) -> Self {
        let encoding = font
            .get_font_encoding_with_limit(doc, MAX_CONTENT_BYTES)
            .ok();
        let mut widths = BTreeMap::new();
        if name(doc, font, b"Subtype") == Some(b"Type0".as_slice()) {
            let descendant = match get(doc, font, b"DescendantFonts") {
                Some(Object::Array(fonts)) => fonts.first().and_then(|f| dict(doc, f)),
                _ => None,
            };
            let default_width = descendant
                .and_then(|d| number(get(doc, d, b"DW")?))
                .unwrap_or(1000.0);
            if let Some(Object::Array(w)) = descendant.and_then(|d| get(doc, d, b"W")) {
                read_cid_widths(doc, w, &mut widths);
            }
            return Self {
                encoding,
                code_len: 2,
                widths,
                default_width,
            };
        }
        let first = get(doc, font, b"FirstChar").and_then(number).unwrap_or(0.0) as u32;
        if let Some(Object::Array(list)) = get(doc, font, b"Widths") {
            for (offset, width) in list.iter().take(256).enumerate() {
                if let Some(width) = super::objects::resolve(doc, width).and_then(number) {
                    widths.insert(first.saturating_add(offset as u32), width);
                }
            }
        }
        Self {
            encoding,
            code_len: 1,
            widths,
            default_width: 500.0,
        }
    }

    fn width(&self, code: u32) -> f32 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
    }

    fn text(&self, bytes: &[u8]) -> String {
        match &self.encoding {
            Some(encoding) => encoding.bytes_to_string(bytes).unwrap_or_default(),
            None => bytes.iter().map(|b| char::from(*b)).collect(),
        }
    }
}

/// `/W`: `c [w1 w2 …]` or `c_first c_last w`, repeated; at most [`MAX_GLYPHS`] widths are
/// read in all, however the array repeats itself.
fn read_cid_widths(doc: &Document, w: &[Object], widths: &mut BTreeMap<u32, f32>) {
    let mut budget = MAX_GLYPHS;
    let mut index = 0;
    while index < w.len() && budget > 0 {
        let Some(first) = number(&w[index]) else {
            return;
        };
        let first = first.max(0.0) as u32;
        match w
            .get(index + 1)
            .and_then(|o| super::objects::resolve(doc, o))
        {
            Some(Object::Array(list)) => {
                for (offset, width) in list.iter().take(budget).enumerate() {
                    if let Some(width) = number(width) {
                        widths.insert(first.saturating_add(offset as u32), width);
                    }
                }
                budget = budget.saturating_sub(list.len().max(1));
                index += 2;
            }
            Some(last) => {
                let (Some(last), Some(width)) = (number(last), w.get(index + 2).and_then(number))
                else {
                    return;
                };
                let count = (last.max(0.0) as u32).saturating_sub(first) as usize + 1;
                for code in (first..=first.saturating_add(count as u32 - 1)).take(budget) {
                    widths.insert(code, width);
                }
                budget = budget.saturating_sub(count);
                index += 3;
            }
            None => return,
        }
    }
}

fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
    .filter(|n| n.is_finite())
}

fn numbers<const N: usize>(operands: &[Object]) -> Option<[f32; N]> {
    let mut out = [0.0; N];
    for (slot, operand) in out.iter_mut().zip(operands.get(..N)?) {
        *slot = number(operand)?;
    }
    Some(out)
}

/// The text state the operators change.
struct TextState {
    ctm: Matrix,
    saved: Vec<Matrix>,
    matrix: Matrix,
    line: Matrix,
    font: Option<Vec<u8>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scaling: f32,
    leading: f32,
}

/// Every character the page `page` shows, in content order.
pub(super) fn placed_chars(doc: &Document, page: ObjectId) -> Vec<PlacedChar> {
    let Ok(bytes) = doc.get_page_content_with_limit(page, MAX_CONTENT_BYTES) else {
        return Vec::new();
    };
    let Ok(content) = Content::decode(&bytes) else {
        return Vec::new();
    };
    let fonts: BTreeMap<Vec<u8>, FontMetrics> = doc
        .get_page_fonts(page)
        .unwrap_or_default()
        .into_iter()
        .map(|(key, font)| (key, FontMetrics::read(doc, font)))
        .collect();
    let mut state = TextState {
        ctm: IDENTITY,
        saved: Vec::new(),
        matrix: IDENTITY,
        line: IDENTITY,
        font: None,
        size: 0.0,
        char_spacing: 0.0,
        word_spacing: 0.0,
        scaling: 1.0,
        leading: 0.0,
    };
    let mut placed = Vec::new();
    for operation in &content.operations {
        if placed.len() >= MAX_GLYPHS {
            break;
        }
        let operands = operation.operands.as_slice();
        match operation.operator.as_str() {
            "q" if state.saved.len() < 64 => state.saved.push(state.ctm),
            "Q" => state.ctm = state.saved.pop().unwrap_or(IDENTITY),
            "cm" => {
                if let Some(m) = numbers::<6>(operands) {
                    state.ctm = multiply(&m, &state.ctm);
                }
            }
            "BT" => {
                state.matrix = IDENTITY;
                state.line = IDENTITY;
            }
            "Tf" => {
                if let (Some(Object::Name(font)), Some(size)) =
                    (operands.first(), operands.get(1).and_then(number))
                {
                    state.font = Some(font.clone());
                    state.size = size;
                }
            }
            "Tc" => state.char_spacing = operands.first().and_then(number).unwrap_or(0.0),
            "Tw" => state.word_spacing = operands.first().and_then(number).unwrap_or(0.0),
            "Tz" => state.scaling = operands.first().and_then(number).unwrap_or(100.0) / 100.0,
            "TL" => state.leading = operands.first().and_then(number).unwrap_or(0.0),
            "Tm" => {
                if let Some(m) = numbers::<6>(operands) {
                    state.matrix = m;
                    state.line = m;
                }
            }
            "Td" | "TD" => {
                if let Some([tx, ty]) = numbers::<2>(operands) {
                    if operation.operator == "TD" {
                        state.leading = -ty;
                    }
                    next_line(&mut state, tx, ty);
                }
            }
            "T*" => {
                let leading = state.leading;
                next_line(&mut state, 0.0, -leading);
            }
            "Tj" | "'" | "\"" => {
                if operation.operator != "Tj" {
                    let leading = state.leading;
                    next_line(&mut state, 0.0, -leading);
                }
                if let Some(Object::String(bytes, _)) = operands.last() {
                    show(&mut state, &fonts, bytes, &mut placed);
                }
            }
            "TJ" => {
                let Some(Object::Array(parts)) = operands.first() else {
                    continue;
                };
                for part in parts {
                    match part {
                        Object::String(bytes, _) => show(&mut state, &fonts, bytes, &mut placed),
                        other => {
                            if let Some(adjust) = number(other) {
                                let tx = -adjust / 1000.0 * state.size * state.scaling;
                                state.matrix =
                                    multiply(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &state.matrix);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    placed
}

fn next_line(state: &mut TextState, tx: f32, ty: f32) {
    state.line = multiply(&[1.0, 0.0, 0.0, 1.0, tx, ty], &state.line);
    state.matrix = state.line;
}

fn show(
    state: &mut TextState,
    fonts: &BTreeMap<Vec<u8>, FontMetrics>,
    bytes: &[u8],
    placed: &mut Vec<PlacedChar>,
) {
    let Some(font) = state.font.as_ref().and_then(|key| fonts.get(key)) else {
        return;
    };
    for code_bytes in bytes.chunks(font.code_len) {
        let code = code_bytes
            .iter()
            .fold(0u32, |acc, b| (acc << 8) | u32::from(*b));
        let space = font.code_len == 1 && code == 32;
        let advance = (font.width(code) / 1000.0 * state.size
            + state.char_spacing
            + if space { state.word_spacing } else { 0.0 })
            * state.scaling;
        let to_page = multiply(&state.matrix, &state.ctm);
        let (x0, y) = apply(&to_page, (0.0, 0.0));
        let (x1, _) = apply(&to_page, (advance, 0.0));
        let (_, top) = apply(&to_page, (0.0, state.size));
        placed.push(PlacedChar {
            text: font.text(code_bytes),
            x0: x0.min(x1),
            x1: x0.max(x1),
            y,
            size: (top - y).abs(),
        });
        state.matrix = multiply(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], &state.matrix);
        if placed.len() >= MAX_GLYPHS {
            return;
        }
    }
}

/// The text under the quadrilaterals `quads` (each eight numbers, four corners), in the order
/// the page shows it; a line break between quads becomes a space.
pub(super) fn text_under(chars: &[PlacedChar], quads: &[f32]) -> String {
    let boxes: Vec<(f32, f32, f32, f32)> = quads
        .chunks_exact(8)
        .map(|q| {
            let xs = [q[0], q[2], q[4], q[6]];
            let ys = [q[1], q[3], q[5], q[7]];
            let min = |v: [f32; 4]| v.into_iter().fold(f32::INFINITY, f32::min);
            let max = |v: [f32; 4]| v.into_iter().fold(f32::NEG_INFINITY, f32::max);
            (min(xs), max(xs), min(ys), max(ys))
        })
        .collect();
    let mut out = String::new();
    let mut last: Option<&PlacedChar> = None;
    for placed in chars {
        let middle_x = (placed.x0 + placed.x1) / 2.0;
        let middle_y = placed.y + placed.size * 0.3;
        let under = boxes.iter().any(|(x0, x1, y0, y1)| {
            (*x0..=*x1).contains(&middle_x) && (*y0..=*y1).contains(&middle_y)
        });
        if !under {
            continue;
        }
        if let Some(previous) = last {
            let new_line = (placed.y - previous.y).abs() > previous.size * 0.5;
            let gap = placed.x0 - previous.x1 > previous.size * 0.25;
            if (new_line || gap) && !out.ends_with(' ') && !placed.text.starts_with(' ') {
                out.push(' ');
            }
        }
        out.push_str(&placed.text);
        last = Some(placed);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
