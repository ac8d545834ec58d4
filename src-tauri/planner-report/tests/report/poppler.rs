//! Reading PDFs back through poppler-utils, as a viewer would, plus the outline via lopdf.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

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
                "could not run `{tool}` ({e}): the report tests need poppler-utils \
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

pub fn pdf_text(path: &Path) -> String {
    run("pdftotext", &["-enc", "UTF-8"], path)
}

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
            });
        }
    }
    words
}

/// The outline's top-level entries as (title, 1-based page), checking the catalogue asks
/// viewers to show it.
pub fn outline(pdf: &[u8]) -> Vec<(String, u32)> {
    use lopdf::{Document, Object};
    let doc = Document::load_mem(pdf).expect("lopdf reads the report");
    let catalog = doc.catalog().expect("catalog");
    assert_eq!(
        catalog
            .get(b"PageMode")
            .and_then(Object::as_name)
            .expect("PageMode is a name"),
        b"UseOutlines",
        "the outline panel opens with the document"
    );
    let page_numbers: BTreeMap<_, _> = doc.get_pages().into_iter().map(|(n, id)| (id, n)).collect();
    let outlines = catalog
        .get(b"Outlines")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .expect("an outline");
    let mut entries = Vec::new();
    let mut next = outlines.get(b"First").and_then(Object::as_reference).ok();
    while let Some(id) = next {
        let item = doc.get_dictionary(id).expect("outline item");
        let title = match item.get(b"Title").expect("title") {
            Object::String(bytes, _) => decode_text(bytes),
            other => panic!("title is a string, not {other:?}"),
        };
        let dest = item
            .get(b"Dest")
            .and_then(Object::as_array)
            .expect("a destination");
        let page = dest[0].as_reference().expect("a page reference");
        entries.push((title, page_numbers[&page]));
        next = item.get(b"Next").and_then(Object::as_reference).ok();
    }
    entries
}

/// PDF text strings are UTF-16BE with a byte-order mark, or PDFDocEncoding (ASCII here).
fn decode_text(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xfe, 0xff]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair.get(1).copied().unwrap_or(0)]))
                .collect();
            String::from_utf16(&units).expect("valid UTF-16")
        }
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}
