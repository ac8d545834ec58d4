//! The table of contents: each section's title and the page it starts on, joined by a dotted
//! leader, the whole line a link to that page. It sits after the cover but is drawn last,
//! onto pages kept for it, once every section knows its page.

use crate::document::{OutlineEntry, ReportDocument};
use crate::layout::{CONTENT_LEFT, CONTENT_RIGHT, CONTENT_TOP, CONTENT_WIDTH, MM, palette, styles};
use crate::sections::section_title;

pub(crate) const TITLE: &str = "Contents";

/// Room under the title, and the height of one entry.
const TITLE_HEIGHT: f32 = 18.0 * MM;
const ROW_HEIGHT: f32 = 8.0 * MM;
const LEADER_GAP: f32 = 2.0 * MM;

/// How many pages `entries` entries take.
pub(crate) fn pages_for(doc: &ReportDocument, entries: usize) -> usize {
    let first = ((doc.content_height() - TITLE_HEIGHT) / ROW_HEIGHT).floor() as usize;
    let later = (doc.content_height() / ROW_HEIGHT).floor() as usize;
    if entries <= first {
        1
    } else {
        1 + (entries - first).div_ceil(later)
    }
}

/// The outline entries the contents lists: every section's, in page order.
pub(crate) fn entries(doc: &ReportDocument) -> Vec<OutlineEntry> {
    let mut entries: Vec<OutlineEntry> = doc
        .outline()
        .iter()
        .filter(|entry| entry.section.is_some())
        .cloned()
        .collect();
    entries.sort_by_key(|entry| entry.page);
    entries
}

/// Draws `entries` onto the `pages` pages starting at `first` (1-based).
pub(crate) fn draw(doc: &mut ReportDocument, first: usize, pages: usize, entries: &[OutlineEntry]) {
    let mut rest = entries;
    for page in first..first + pages {
        doc.on_page(page, |doc| {
            if page == first {
                section_title(doc, TITLE);
                doc.set_cursor(CONTENT_TOP - TITLE_HEIGHT);
            }
            while let Some((entry, later)) = rest.split_first() {
                if doc.cursor() - ROW_HEIGHT < doc.content_bottom() {
                    break;
                }
                row(doc, entry);
                rest = later;
            }
        });
    }
}

fn row(doc: &mut ReportDocument, entry: &OutlineEntry) {
    let style = styles::BODY;
    let top = doc.cursor();
    let baseline = doc.baseline_below(&style, top - (ROW_HEIGHT - style.line_height) / 2.0);
    let number = entry.page.to_string();
    let number_width = doc.text_width(&style, &number);
    let title_room = CONTENT_WIDTH - number_width - 8.0 * MM;
    let title = crate::wrap::truncate(&entry.title, title_room, |t| doc.text_width(&style, t));
    doc.draw_text(CONTENT_LEFT, baseline, &style, &title);
    doc.draw_text(CONTENT_RIGHT - number_width, baseline, &style, &number);
    let from = CONTENT_LEFT + doc.text_width(&style, &title) + LEADER_GAP;
    let to = CONTENT_RIGHT - number_width - LEADER_GAP;
    if to > from {
        doc.dashed_line(
            (from, baseline),
            (to, baseline),
            0.8,
            palette::RULE,
            (0.8, 2.2),
        );
    }
    doc.link_to_page(
        (CONTENT_LEFT, top - ROW_HEIGHT),
        (CONTENT_WIDTH, ROW_HEIGHT),
        entry.page,
    );
    doc.move_down(ROW_HEIGHT);
}
