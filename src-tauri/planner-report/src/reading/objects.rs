//! Bounded steps through a PDF's object graph: following references, reading text strings and
//! walking name trees, none of which may loop or go deeper than a real file ever does.

use std::collections::{HashMap, HashSet};

use lopdf::{Dictionary, Document, Object, ObjectId};

/// A chain of references longer than this is a loop or a hostile file.
const MAX_HOPS: usize = 16;
/// Name trees and outlines of real files nest a few levels.
pub(super) const MAX_DEPTH: usize = 32;
/// More entries than any real name tree or outline holds.
pub(super) const MAX_ENTRIES: usize = 100_000;

/// `object`, with references followed.
pub(super) fn resolve<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    let mut current = object;
    for _ in 0..MAX_HOPS {
        match current {
            Object::Reference(id) => current = doc.get_object(*id).ok()?,
            other => return Some(other),
        }
    }
    None
}

pub(super) fn dict<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    match resolve(doc, object)? {
        Object::Dictionary(dict) => Some(dict),
        Object::Stream(stream) => Some(&stream.dict),
        _ => None,
    }
}

pub(super) fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    resolve(doc, dict.get(key).ok()?)
}

pub(super) fn get_dict<'a>(
    doc: &'a Document,
    from: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Dictionary> {
    dict(doc, from.get(key).ok()?)
}

pub(super) fn name<'a>(doc: &'a Document, from: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    match get(doc, from, key)? {
        Object::Name(name) => Some(name),
        _ => None,
    }
}

/// A text string (PDFDocEncoding, UTF-16 or UTF-8), control characters but line breaks
/// dropped; `None` when absent or not a string.
pub(super) fn text(doc: &Document, from: &Dictionary, key: &[u8]) -> Option<String> {
    let object = get(doc, from, key)?;
    let decoded = match object {
        Object::String(bytes, _) => lopdf::decode_text_string(object)
            .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned()),
        _ => return None,
    };
    Some(
        decoded
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|c| *c == '\n' || !c.is_control())
            .collect(),
    )
}

/// Every (key, value) of the name tree rooted at `root`, in the tree's order.
pub(super) fn name_tree<'a>(doc: &'a Document, root: &'a Dictionary) -> Vec<(String, &'a Object)> {
    let mut entries = Vec::new();
    let mut seen = HashSet::new();
    let mut stack = vec![(root, 0)];
    while let Some((node, depth)) = stack.pop() {
        if let Some(Object::Array(names)) = get(doc, node, b"Names") {
            for pair in names.chunks_exact(2) {
                if entries.len() >= MAX_ENTRIES {
                    return entries;
                }
                if let Some(key @ Object::String(..)) = resolve(doc, &pair[0]) {
                    let key = lopdf::decode_text_string(key).unwrap_or_default();
                    entries.push((key, &pair[1]));
                }
            }
        }
        if depth >= MAX_DEPTH {
            continue;
        }
        if let Some(Object::Array(kids)) = get(doc, node, b"Kids") {
            // Reversed onto the stack, so the kids come off it in order.
            for kid in kids.iter().rev() {
                if let Object::Reference(id) = kid
                    && !seen.insert(*id)
                {
                    continue;
                }
                if let Some(kid) = dict(doc, kid) {
                    stack.push((kid, depth + 1));
                }
            }
        }
    }
    entries
}

/// Each page's object number and generation → its 1-based page number.
pub(super) fn page_numbers(doc: &Document) -> HashMap<ObjectId, u32> {
    doc.get_pages()
        .into_iter()
        .map(|(number, id)| (id, number))
        .collect()
}
