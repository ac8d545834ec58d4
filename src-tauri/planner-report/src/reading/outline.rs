//! The PDF's own outline (bookmarks), and through it the report section each page belongs to.
//! The planner marks each section's outline entry with the section's key when it writes the
//! file, so a page maps to its section however the titles are worded; an outline entry without
//! the mark (a file edited since) is matched by its title.

use std::collections::{HashMap, HashSet};

use lopdf::{Document, Object, ObjectId};
use planner_core::report::ReportSection;

use super::objects::{MAX_DEPTH, MAX_ENTRIES, dict, get, get_dict, name, name_tree, text};

/// The outline entry's key naming the report section it opens.
pub(crate) const SECTION_KEY: &[u8] = b"MCPlanSection";

/// One outline entry.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OutlineItem {
    /// The entry's own object, when it is one (the writer marks it).
    pub(crate) id: Option<ObjectId>,
    pub(crate) title: String,
    /// 1-based page it opens, when its destination is a page of this file.
    pub(crate) page: Option<u32>,
    pub(crate) section: Option<ReportSection>,
}

/// Every entry of the outline, depth first, in reading order.
pub(crate) fn outline_items(doc: &Document, pages: &HashMap<ObjectId, u32>) -> Vec<OutlineItem> {
    let mut items = Vec::new();
    let Some(root) = doc
        .catalog()
        .ok()
        .and_then(|catalog| get_dict(doc, catalog, b"Outlines"))
    else {
        return items;
    };
    let named = named_destinations(doc);
    let mut seen = HashSet::new();
    // (the next entry to read, its depth); siblings follow /Next, children /First.
    let mut stack: Vec<(&Object, usize)> = root
        .get(b"First")
        .ok()
        .map(|f| (f, 0))
        .into_iter()
        .collect();
    while let Some((entry, depth)) = stack.pop() {
        if items.len() >= MAX_ENTRIES {
            break;
        }
        let id = match entry {
            Object::Reference(id) => {
                if !seen.insert(*id) {
                    continue;
                }
                Some(*id)
            }
            _ => None,
        };
        let Some(node) = dict(doc, entry) else {
            continue;
        };
        let title = text(doc, node, b"Title").unwrap_or_default();
        let page = destination_page(doc, node, &named, pages);
        let section = name(doc, node, SECTION_KEY)
            .and_then(|key| {
                ReportSection::ALL
                    .into_iter()
                    .find(|s| s.key().as_bytes() == key)
            })
            .or_else(|| ReportSection::ALL.into_iter().find(|s| s.label() == title));
        items.push(OutlineItem {
            id,
            title,
            page,
            section,
        });
        if let Ok(next) = node.get(b"Next") {
            stack.push((next, depth));
        }
        if depth < MAX_DEPTH
            && let Ok(first) = node.get(b"First")
        {
            stack.push((first, depth + 1));
        }
    }
    items
}

/// The section each page of the file belongs to: that of the last outline entry opening on or
/// before it (`None` before the first section, as on the cover). Index 0 is page 1.
pub(crate) fn page_sections(items: &[OutlineItem], page_count: u32) -> Vec<Option<ReportSection>> {
    let mut starts: Vec<(u32, Option<ReportSection>)> = items
        .iter()
        .filter_map(|item| Some((item.page?, item.section)))
        .collect();
    // Stable, so of two entries on one page the later in the outline wins.
    starts.sort_by_key(|(page, _)| *page);
    (1..=page_count)
        .map(|page| {
            starts
                .iter()
                .rev()
                .find(|(start, _)| *start <= page)
                .and_then(|(_, section)| *section)
        })
        .collect()
}

/// The 1-based page an outline entry turns to.
fn destination_page(
    doc: &Document,
    node: &lopdf::Dictionary,
    named: &HashMap<Vec<u8>, &Object>,
    pages: &HashMap<ObjectId, u32>,
) -> Option<u32> {
    let destination = match get(doc, node, b"Dest") {
        Some(dest) => dest,
        None => {
            let action = get_dict(doc, node, b"A")?;
            if name(doc, action, b"S") != Some(b"GoTo".as_slice()) {
                return None;
            }
            get(doc, action, b"D")?
        }
    };
    let destination = match destination {
        Object::Name(key) | Object::String(key, _) => {
            let target = super::objects::resolve(doc, named.get(key)?)?;
            // A named destination is an array, or a dictionary holding it under /D.
            match target {
                Object::Dictionary(wrapper) => get(doc, wrapper, b"D")?,
                other => other,
            }
        }
        other => other,
    };
    match destination {
        Object::Array(parts) => match parts.first()? {
            Object::Reference(page) => pages.get(page).copied(),
            _ => None,
        },
        _ => None,
    }
}

/// Named destinations, from the catalogue's `/Dests` and the `/Names /Dests` tree.
fn named_destinations(doc: &Document) -> HashMap<Vec<u8>, &Object> {
    let mut named = HashMap::new();
    let Ok(catalog) = doc.catalog() else {
        return named;
    };
    if let Some(dests) = get_dict(doc, catalog, b"Dests") {
        for (key, value) in dests.iter().take(MAX_ENTRIES) {
            named.insert(key.clone(), value);
        }
    }
    if let Some(tree) = get_dict(doc, catalog, b"Names").and_then(|n| get_dict(doc, n, b"Dests")) {
        for (key, value) in name_tree(doc, tree) {
            named.insert(key.into_bytes(), value);
        }
    }
    named
}

/// Marks each outline entry of a file being written with the section it opens, from the
/// layout's own record of the entries.
pub(crate) fn mark_sections(file: &mut Document, opened: &[crate::document::OutlineEntry]) {
    let pages = super::objects::page_numbers(file);
    let marks: Vec<(ObjectId, ReportSection)> = outline_items(file, &pages)
        .into_iter()
        .filter_map(|item| {
            let page = usize::try_from(item.page?).ok()?;
            let entry = opened
                .iter()
                .find(|entry| entry.title == item.title && entry.page == page)?;
            Some((item.id?, entry.section?))
        })
        .collect();
    for (id, section) in marks {
        if let Ok(entry) = file.get_dictionary_mut(id) {
            entry.set(SECTION_KEY, Object::Name(section.key().as_bytes().to_vec()));
        }
    }
}
