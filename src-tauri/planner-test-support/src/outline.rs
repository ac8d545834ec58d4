//! The outline (bookmarks) a viewer shows beside the pages.

use std::collections::BTreeMap;

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

/// A link annotation that turns to another page of the same document.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLink {
    /// The page the link is on, 1-based.
    pub on: u32,
    /// Lower-left x, y and upper-right x, y, in points from the page's lower-left corner.
    pub rect: [f32; 4],
    /// The page it turns to, 1-based.
    pub to: u32,
}

/// Every link to a page of the document, page by page.
pub fn page_links(pdf: &[u8]) -> Vec<PageLink> {
    use lopdf::{Document, Object};
    let doc = Document::load_mem(pdf).expect("lopdf reads the report");
    let pages = doc.get_pages();
    let page_numbers: BTreeMap<_, _> = pages.iter().map(|(n, id)| (*id, *n)).collect();
    let number = |object: &Object| -> f32 {
        match object {
            Object::Integer(i) => *i as f32,
            Object::Real(r) => *r,
            other => panic!("a number, not {other:?}"),
        }
    };
    let mut links = Vec::new();
    for (on, page_id) in pages {
        let page = doc.get_dictionary(page_id).expect("page");
        let Ok(annotations) = page.get(b"Annots") else {
            continue;
        };
        let annotations = match annotations {
            Object::Reference(id) => doc.get_object(*id).and_then(Object::as_array),
            other => other.as_array(),
        }
        .expect("/Annots is an array");
        for annotation in annotations {
            let dict = match annotation {
                Object::Reference(id) => doc.get_dictionary(*id).expect("annotation"),
                other => other.as_dict().expect("annotation dictionary"),
            };
            if dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Link".as_slice()) {
                continue;
            }
            let rect = dict.get(b"Rect").and_then(Object::as_array).expect("/Rect");
            let action = match dict.get(b"A").expect("a link's action") {
                Object::Reference(id) => doc.get_dictionary(*id).expect("action"),
                other => other.as_dict().expect("action dictionary"),
            };
            let dest = action.get(b"D").and_then(Object::as_array).expect("/D");
            let target = dest[0].as_reference().expect("a page reference");
            links.push(PageLink {
                on,
                rect: [
                    number(&rect[0]),
                    number(&rect[1]),
                    number(&rect[2]),
                    number(&rect[3]),
                ],
                to: page_numbers[&target],
            });
        }
    }
    links
}
