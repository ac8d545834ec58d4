//! The committee's sign-off page: the decision to tick, and a line per member for name, role,
//! decision, date and signature. The planner records no reviewers yet, so the lines are empty
//! for the committee to fill in by hand.

use crate::content::{Block, TableContent};
use crate::document::ReportDocument;
use crate::layout::{CONTENT_LEFT, CONTENT_RIGHT, CONTENT_WIDTH, HAIRLINE, MM, palette, styles};
use crate::sections::{introduction, open_section, subheading};

pub(crate) const TITLE: &str = "Committee sign-off";
pub(crate) const DECISIONS: [&str; 3] = [
    "Approved",
    "Approved with the conditions below",
    "Returned for revision",
];
/// Columns of the signature lines, with their share of the text width.
const COLUMNS: [(&str, f32); 5] = [
    ("Name", 0.26),
    ("Role", 0.2),
    ("Decision", 0.16),
    ("Date", 0.14),
    ("Signature", 0.24),
];
const MEMBERS: usize = 6;
const ROW_HEIGHT: f32 = 13.0 * MM;
const COLUMN_GAP: f32 = 3.0 * MM;
const BOX: f32 = 3.6 * MM;

pub(crate) fn draw(doc: &mut ReportDocument, version: &str) {
    open_section(doc, TITLE);
    introduction(
        doc,
        &format!(
            "The committee's decision on this plan (version: {version}). Each member signs and \
             dates a line; the chair ticks the decision and notes any conditions."
        ),
    );
    doc.move_down(6.0 * MM);

    subheading(doc, "Decision", DECISIONS.len() as f32 * 8.0 * MM);
    for decision in DECISIONS {
        doc.record(Block::Bullet(format!("☐ {decision}")));
        let top = doc.cursor();
        doc.keep_together(8.0 * MM);
        let box_bottom = top - 1.0 * MM - BOX;
        draw_box(doc, CONTENT_LEFT, box_bottom);
        let baseline = doc.baseline_below(&styles::BODY, top);
        doc.draw_text(
            CONTENT_LEFT + BOX + 3.0 * MM,
            baseline,
            &styles::BODY,
            decision,
        );
        doc.move_down(8.0 * MM);
    }
    doc.move_down(4.0 * MM);

    subheading(doc, "Committee members", ROW_HEIGHT * 2.0);
    // The HTML edition prints the lines as an empty table to fill in.
    doc.record(Block::Table(TableContent {
        header: Some(
            COLUMNS
                .iter()
                .map(|(title, _)| (*title).to_owned())
                .collect(),
        ),
        rows: vec![vec![String::new(); COLUMNS.len()]; MEMBERS],
        footer: None,
        highlighted: Vec::new(),
        figures: vec![false; COLUMNS.len()],
        muted_details: vec![false; COLUMNS.len()],
    }));
    let widths: Vec<f32> = COLUMNS
        .iter()
        .map(|(_, share)| share * (CONTENT_WIDTH - COLUMN_GAP * (COLUMNS.len() - 1) as f32))
        .collect();
    let top = doc.cursor();
    let mut x = CONTENT_LEFT;
    for ((title, _), width) in COLUMNS.iter().zip(&widths) {
        let baseline = doc.baseline_below(&styles::LABEL, top);
        doc.draw_text(x, baseline, &styles::LABEL, title);
        x += width + COLUMN_GAP;
    }
    doc.move_down(styles::LABEL.line_height);
    for _ in 0..MEMBERS {
        doc.keep_together(ROW_HEIGHT);
        doc.move_down(ROW_HEIGHT);
        let y = doc.cursor();
        let mut x = CONTENT_LEFT;
        for width in &widths {
            doc.rule(x, x + width, y, HAIRLINE, palette::MUTED);
            x += width + COLUMN_GAP;
        }
    }
    doc.move_down(8.0 * MM);

    subheading(doc, "Conditions and comments", 4.0 * ROW_HEIGHT);
    for _ in 0..4 {
        doc.keep_together(ROW_HEIGHT);
        doc.move_down(ROW_HEIGHT);
        let y = doc.cursor();
        doc.rule(CONTENT_LEFT, CONTENT_RIGHT, y, HAIRLINE, palette::MUTED);
    }
}

/// An empty tick box with its lower-left corner at (`x`, `y`).
fn draw_box(doc: &mut ReportDocument, x: f32, y: f32) {
    let colour = palette::MUTED;
    doc.line((x, y), (x + BOX, y), HAIRLINE, colour);
    doc.line((x + BOX, y), (x + BOX, y + BOX), HAIRLINE, colour);
    doc.line((x + BOX, y + BOX), (x, y + BOX), HAIRLINE, colour);
    doc.line((x, y + BOX), (x, y), HAIRLINE, colour);
}
