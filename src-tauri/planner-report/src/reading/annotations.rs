//! The comments a committee added to the PDF in their reader (Acrobat, Preview, Okular,
//! Evince, Edge, …): sticky notes, highlights and other text markup with their note and the
//! words they mark, and text boxes. Each comes with its author, date, page, the report section
//! that page belongs to, and a key that stays the same each time the same PDF comes back.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use lopdf::{Dictionary, Document, Object, ObjectId};
use planner_core::report::ReportSection;

use super::objects::{dict, get, name, page_numbers, resolve, text};
use super::outline::{outline_items, page_sections};
use super::page_text::{PlacedChar, placed_chars, text_under};
use crate::error::{Error, Result};
use crate::fingerprint::fingerprint;

/// Far more than a committee writes; a file with more is refused rather than half-read.
pub const MAX_PDF_COMMENTS: usize = 10_000;
/// The longest note, quote or name kept; the rest is cut with an ellipsis.
const MAX_TEXT_CHARS: usize = 20_000;

/// What kind of mark a comment was made with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PdfCommentKind {
    /// A sticky note.
    Note,
    /// A text box written on the page.
    TextBox,
    Highlight,
    Underline,
    StrikeOut,
    Squiggly,
}

impl PdfCommentKind {
    fn from_subtype(subtype: &[u8]) -> Option<Self> {
        Some(match subtype {
            b"Text" => Self::Note,
            b"FreeText" => Self::TextBox,
            b"Highlight" => Self::Highlight,
            b"Underline" => Self::Underline,
            b"StrikeOut" => Self::StrikeOut,
            b"Squiggly" => Self::Squiggly,
            _ => return None,
        })
    }

    /// Whether it marks words on the page (which are then quoted).
    pub fn marks_text(self) -> bool {
        !matches!(self, Self::Note | Self::TextBox)
    }
}

/// One comment read from a PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfComment {
    /// The same for this comment every time this PDF (or a later save of it) is read.
    pub key: String,
    pub kind: PdfCommentKind,
    /// 1-based.
    pub page: u32,
    /// The report section the page belongs to; `None` on the cover or in a PDF whose outline
    /// names no section there.
    pub section: Option<ReportSection>,
    /// Who wrote it, as their reader recorded it; empty when it did not.
    pub author: String,
    pub date: Option<DateTime<FixedOffset>>,
    /// The note; empty for a highlight without one.
    pub text: String,
    /// The words a highlight, underline or strike-out marks.
    pub quoted: Option<String>,
    /// The key of the comment this one answers, in a reply thread.
    pub reply_to: Option<String>,
}

/// Every comment in the PDF `bytes`, page by page in reading order. Pop-up windows, links,
/// form fields, drawings and review-state marks ("Accepted", "Rejected") are not comments;
/// a note or text box left empty, or a highlight with neither note nor words, is skipped.
pub fn comments_in_pdf(bytes: &[u8]) -> Result<Vec<PdfComment>> {
    let doc = super::load(bytes)?;
    let pages = page_numbers(&doc);
    let page_count = u32::try_from(pages.len()).unwrap_or(u32::MAX);
    let sections = page_sections(&outline_items(&doc, &pages), page_count);
    let mut by_page: Vec<(u32, ObjectId)> = pages.iter().map(|(id, n)| (*n, *id)).collect();
    by_page.sort_unstable();

    // Keys first, so a reply can name the comment it answers wherever that one sits.
    let mut found: Vec<(u32, ObjectId, Option<ObjectId>, &Dictionary)> = Vec::new();
    for (number, page) in &by_page {
        for (id, annotation) in page_annotations(&doc, *page) {
            if found.len() > MAX_PDF_COMMENTS * 4 {
                return Err(too_many());
            }
            found.push((*number, *page, id, annotation));
        }
    }
    let keys: HashMap<ObjectId, String> = found
        .iter()
        .filter_map(|(number, _, id, annotation)| Some(((*id)?, key_of(&doc, *number, annotation))))
        .collect();

    let mut comments = Vec::new();
    let mut page_chars: HashMap<ObjectId, Vec<PlacedChar>> = HashMap::new();
    for (number, page, id, annotation) in found {
        let Some(kind) = name(&doc, annotation, b"Subtype").and_then(PdfCommentKind::from_subtype)
        else {
            continue;
        };
        if is_state_mark(&doc, annotation) {
            continue;
        }
        let note = text(&doc, annotation, b"Contents")
            .map(|t| cut(t.trim()))
            .unwrap_or_default();
        let quoted = if kind.marks_text() {
            quad_points(&doc, annotation)
                .map(|quads| {
                    let chars = page_chars
                        .entry(page)
                        .or_insert_with(|| placed_chars(&doc, page));
                    cut(&text_under(chars, &quads))
                })
                .filter(|q| !q.is_empty())
        } else {
            None
        };
        if note.is_empty() && quoted.is_none() {
            continue;
        }
        if comments.len() >= MAX_PDF_COMMENTS {
            return Err(too_many());
        }
        let reply_to = reply_target(&doc, annotation).and_then(|parent| keys.get(&parent).cloned());
        comments.push(PdfComment {
            key: id
                .and_then(|id| keys.get(&id).cloned())
                .unwrap_or_else(|| key_of(&doc, number, annotation)),
            kind,
            page: number,
            section: sections.get(number as usize - 1).copied().flatten(),
            author: text(&doc, annotation, b"T")
                .map(|t| cut(t.trim()))
                .unwrap_or_default(),
            date: text(&doc, annotation, b"M")
                .and_then(|d| parse_pdf_date(&d))
                .or_else(|| {
                    text(&doc, annotation, b"CreationDate").and_then(|d| parse_pdf_date(&d))
                }),
            text: note,
            quoted,
            reply_to,
        });
    }
    Ok(comments)
}

fn too_many() -> Error {
    Error::UnreadablePdf {
        reason: format!(
            "it holds more than {} comments, more than the planner takes from one file",
            planner_core::format_count(MAX_PDF_COMMENTS as u64)
        ),
    }
}

/// The annotations of `page`, with their own object where they have one.
fn page_annotations(doc: &Document, page: ObjectId) -> Vec<(Option<ObjectId>, &Dictionary)> {
    let Some(page) = doc.get_dictionary(page).ok() else {
        return Vec::new();
    };
    let Some(Object::Array(annotations)) = get(doc, page, b"Annots") else {
        return Vec::new();
    };
    annotations
        .iter()
        .filter_map(|annotation| {
            let id = match annotation {
                Object::Reference(id) => Some(*id),
                _ => None,
            };
            Some((id, dict(doc, annotation)?))
        })
        .collect()
}

/// A stable key: the annotation's own name (`/NM`, which readers keep across saves) on its
/// page; without one, a fingerprint of what it says and where.
fn key_of(doc: &Document, page: u32, annotation: &Dictionary) -> String {
    if let Some(own) = text(doc, annotation, b"NM").filter(|nm| !nm.trim().is_empty()) {
        return format!("pdf:p{page}:{}", cut_to(own.trim(), 120));
    }
    let subtype = name(doc, annotation, b"Subtype").unwrap_or_default();
    let rect: Vec<String> = match get(doc, annotation, b"Rect") {
        Some(Object::Array(corners)) => corners
            .iter()
            .map(|c| match resolve(doc, c) {
                Some(Object::Integer(i)) => i.to_string(),
                Some(Object::Real(r)) => format!("{:.0}", r),
                _ => String::new(),
            })
            .collect(),
        _ => Vec::new(),
    };
    let field = |key: &[u8]| text(doc, annotation, key).unwrap_or_default();
    let hash = fingerprint(&[
        &String::from_utf8_lossy(subtype),
        &page.to_string(),
        &rect.join(" "),
        &field(b"T"),
        &field(b"Contents"),
        &field(b"CreationDate"),
    ]);
    format!("pdf:p{page}:{hash:016x}")
}

/// A reply answers the annotation its `/IRT` names; a member of a group (`/RT /Group`) is
/// part of that annotation, not an answer to it, and is read as a comment of its own.
fn reply_target(doc: &Document, annotation: &Dictionary) -> Option<ObjectId> {
    if name(doc, annotation, b"RT") == Some(b"Group".as_slice()) {
        return None;
    }
    match annotation.get(b"IRT").ok()? {
        Object::Reference(id) => Some(*id),
        _ => None,
    }
}

/// Acrobat's review marks ("Accepted", "Completed") are notes with a state model.
fn is_state_mark(doc: &Document, annotation: &Dictionary) -> bool {
    get(doc, annotation, b"StateModel").is_some() || get(doc, annotation, b"State").is_some()
}

fn quad_points(doc: &Document, annotation: &Dictionary) -> Option<Vec<f32>> {
    let Some(Object::Array(points)) = get(doc, annotation, b"QuadPoints") else {
        return None;
    };
    let numbers: Vec<f32> = points
        .iter()
        .take(8 * 4096)
        .filter_map(|p| match resolve(doc, p)? {
            Object::Integer(i) => Some(*i as f32),
            Object::Real(r) => Some(*r),
            _ => None,
        })
        .filter(|n| n.is_finite())
        .collect();
    (numbers.len() >= 8).then_some(numbers)
}

fn cut(text: &str) -> String {
    cut_to(text, MAX_TEXT_CHARS)
}

fn cut_to(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let mut kept: String = text.chars().take(limit - 1).collect();
    kept.push('…');
    kept
}

/// A PDF date, `D:YYYYMMDDHHmmSSOHH'mm'`, of which everything after the year may be left out
/// (ISO 32000-1, 7.9.4); readers also write it without the `D:` and with a trailing `'`.
pub(crate) fn parse_pdf_date(text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.trim();
    let text = text.strip_prefix("D:").unwrap_or(text);
    let digits: String = text
        .chars()
        .take_while(char::is_ascii_digit)
        .take(14)
        .collect();
    let rest = &text[digits.len()..];
    let part = |from: usize, len: usize, default: u32| -> Option<u32> {
        match digits.get(from..from + len) {
            Some(field) => field.parse().ok(),
            None if digits.len() <= from => Some(default),
            None => None,
        }
    };
    let year = i32::try_from(part(0, 4, 0)?)
        .ok()
        .filter(|_| digits.len() >= 4)?;
    let date = NaiveDate::from_ymd_opt(year, part(4, 2, 1)?, part(6, 2, 1)?)?;
    let time = date.and_hms_opt(part(8, 2, 0)?, part(10, 2, 0)?, part(12, 2, 0)?)?;
    let offset_seconds = match rest.chars().next() {
        Some(sign @ ('+' | '-')) => {
            let numbers: Vec<i32> = rest[1..]
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
                .take(2)
                .map(|n| n.parse().unwrap_or(0))
                .collect();
            let hours = numbers.first().copied().unwrap_or(0).min(23);
            let minutes = numbers.get(1).copied().unwrap_or(0).min(59);
            let seconds = hours * 3600 + minutes * 60;
            if sign == '-' { -seconds } else { seconds }
        }
        _ => 0,
    };
    let offset = FixedOffset::east_opt(offset_seconds)?;
    time.and_local_timezone(offset).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_read_in_every_form_readers_write() {
        let read = |t: &str| parse_pdf_date(t).map(|d| d.to_rfc3339());
        assert_eq!(
            read("D:20270303142500+01'00'").as_deref(),
            Some("2027-03-03T14:25:00+01:00")
        );
        assert_eq!(
            read("D:20270303142500Z").as_deref(),
            Some("2027-03-03T14:25:00+00:00")
        );
        assert_eq!(
            read("D:20270303142500-05'30").as_deref(),
            Some("2027-03-03T14:25:00-05:30")
        );
        assert_eq!(
            read("20270303").as_deref(),
            Some("2027-03-03T00:00:00+00:00")
        );
        assert_eq!(read("D:2027").as_deref(), Some("2027-01-01T00:00:00+00:00"));
        assert_eq!(read("D:20271340"), None, "month 13 is no date");
        assert_eq!(read("D:202"), None, "a year has four digits");
        assert_eq!(read("yesterday"), None);
    }

    #[test]
    fn long_texts_are_cut_with_an_ellipsis() {
        assert_eq!(cut_to("abcdef", 4), "abc…");
        assert_eq!(cut_to("abc", 4), "abc");
    }
}
