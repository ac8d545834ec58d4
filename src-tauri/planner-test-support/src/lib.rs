//! Helpers for tests only (a dev-dependency, never shipped): reading a PDF back through
//! poppler's command-line tools (`pdftotext`, `pdfinfo`, `pdffonts`) the way a reader's viewer
//! would, and its outline through lopdf. poppler-utils must be installed: without it these
//! helpers fail the test, never skip it.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;
use std::path::Path;
use std::process::Command;

mod outline;
mod scratch_disk;

pub use outline::{PageLink, outline, page_links};
pub use scratch_disk::ScratchDisk;

/// Runs a poppler tool on `path`, with dates in UTC so they compare the same on any machine.
fn run(tool: &str, args: &[&str], path: &Path) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .env("TZ", "UTC")
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "could not run `{tool}` ({e}): tests that read PDFs need poppler-utils \
                 (apt-get install poppler-utils); they fail rather than skip without it"
            )
        });
    assert!(
        output.status.success(),
        "`{tool} {args:?} {}` failed: {}",
        path.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler prints UTF-8")
}

/// The whole document's text, in reading order.
pub fn pdf_text(path: &Path) -> String {
    run("pdftotext", &["-enc", "UTF-8"], path)
}

/// One page's text (1-based), in reading order.
pub fn pdf_text_page(path: &Path, page: u32) -> String {
    let page = page.to_string();
    run(
        "pdftotext",
        &["-enc", "UTF-8", "-f", &page, "-l", &page],
        path,
    )
}

/// One page's text in the order it was drawn (`pdftotext -raw`): a table cell's lines stay
/// together, whatever the columns beside it hold.
pub fn pdf_text_page_raw(path: &Path, page: u32) -> String {
    let page = page.to_string();
    run(
        "pdftotext",
        &["-enc", "UTF-8", "-raw", "-f", &page, "-l", &page],
        path,
    )
}

/// `pdfinfo -isodates` as key → value.
pub fn pdf_info(path: &Path) -> BTreeMap<String, String> {
    run("pdfinfo", &["-isodates"], path)
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect()
}

#[derive(Debug)]
pub struct FontRow {
    pub name: String,
    pub embedded: bool,
    pub subset: bool,
    pub unicode_map: bool,
}

/// `pdffonts` rows. Columns from the right: object id, generation, uni, sub, emb.
pub fn pdf_fonts(path: &Path) -> Vec<FontRow> {
    run("pdffonts", &[], path)
        .lines()
        .skip(2)
        .map(|line| {
            let cols: Vec<&str> = line.split_whitespace().collect();
            assert!(cols.len() >= 6, "unexpected pdffonts row {line:?}");
            let from_end = |i: usize| cols[cols.len() - 1 - i];
            FontRow {
                name: cols[0].to_owned(),
                unicode_map: from_end(2) == "yes",
                subset: from_end(3) == "yes",
                embedded: from_end(4) == "yes",
            }
        })
        .collect()
}

#[derive(Debug)]
pub struct WordBox {
    /// 1-based.
    pub page: u32,
    pub text: String,
    pub x_min: f32,
    pub x_max: f32,
    /// From the top of the page, as poppler measures.
    pub y_min: f32,
    pub y_max: f32,
    /// The size of its page, in points: a page may be turned sideways.
    pub page_width: f32,
    pub page_height: f32,
}

/// Every word's box, from `pdftotext -bbox`.
pub fn word_boxes(path: &Path) -> Vec<WordBox> {
    let html = run("pdftotext", &["-bbox"], path);
    let attr = |tag: &str, name: &str| -> f32 {
        let start = tag
            .find(&format!("{name}=\""))
            .unwrap_or_else(|| panic!("{name} in {tag}"))
            + name.len()
            + 2;
        let end = start + tag[start..].find('"').expect("closing quote");
        tag[start..end].parse().expect("a number")
    };
    let mut words = Vec::new();
    for (index, page) in html.split("<page ").skip(1).enumerate() {
        let page_tag = page.split_once('>').map_or("", |(tag, _)| tag);
        let (page_width, page_height) = (attr(page_tag, "width"), attr(page_tag, "height"));
        for chunk in page.split("<word ").skip(1) {
            let (tag, rest) = chunk.split_once('>').expect("word tag");
            let text = rest.split("</word>").next().unwrap_or_default().to_owned();
            words.push(WordBox {
                page: u32::try_from(index + 1).expect("a page number"),
                text,
                x_min: attr(tag, "xMin"),
                x_max: attr(tag, "xMax"),
                y_min: attr(tag, "yMin"),
                y_max: attr(tag, "yMax"),
                page_width,
                page_height,
            });
        }
    }
    words
}

/// The number of pages, as `pdfinfo` counts them.
pub fn page_count(path: &Path) -> u32 {
    let info = pdf_info(path);
    info.get("Pages")
        .and_then(|pages| pages.parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo counts the pages of {}: {info:?}", path.display()))
}

/// `pages` of the document in drawing order, as one line of text.
pub fn pages_text(path: &Path, pages: RangeInclusive<u32>) -> String {
    squeeze(
        &pages
            .map(|page| pdf_text_page_raw(path, page))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Text with every run of white space (line ends, column gaps) as one space, so a phrase that
/// wraps still reads as written.
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where `wanted` stands in the document's `text`; fails the test, quoting the text, when the
/// document does not show it.
pub fn position(text: &str, wanted: &str) -> usize {
    text.find(wanted)
        .unwrap_or_else(|| panic!("the PDF shows {wanted:?}; it reads:\n{text}"))
}
