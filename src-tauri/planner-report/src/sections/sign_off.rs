//! The committee's sign-off page: where the plan stands, the decision to tick, a line per
//! member for name, role, decision, date and signature, and the comments still open. Reviewers
//! recorded in the planner print on their lines with their decisions; without any, the lines
//! are empty for the committee to fill in by hand.

use planner_core::format::long_date;
use planner_core::review::{Review, ReviewComment, Reviewer, Verdict};
use planner_core::{Labelled, parse_date};

use crate::content::{Block, TableContent};
use crate::document::ReportDocument;
use crate::layout::{CONTENT_LEFT, CONTENT_RIGHT, CONTENT_WIDTH, HAIRLINE, MM, palette, styles};
use crate::sections::{bullet, introduction, open_section, subheading};

pub(crate) const TITLE: &str = "Committee sign-off";
/// Columns of the signature lines, with their share of the text width.
const COLUMNS: [(&str, f32); 5] = [
    ("Name", 0.26),
    ("Role", 0.2),
    ("Decision", 0.16),
    ("Date", 0.14),
    ("Signature", 0.24),
];
/// Empty lines when no reviewer is recorded yet, and spare ones under those recorded.
const BLANK_MEMBERS: usize = 6;
const SPARE_MEMBERS: usize = 2;
/// Above this many open comments, the page counts them by section instead of quoting them.
const MAX_QUOTED_COMMENTS: usize = 30;
const ROW_HEIGHT: f32 = 13.0 * MM;
const COLUMN_GAP: f32 = 3.0 * MM;
const BOX: f32 = 3.6 * MM;

pub(crate) fn draw(doc: &mut ReportDocument, version: &str, review: &Review) {
    open_section(doc, TITLE);
    introduction(
        doc,
        &format!(
            "The committee's decision on this plan (version: {version}; status: {}). Each \
             member signs and dates a line; the chair ticks the decision and notes any \
             conditions.",
            review.status.label()
        ),
    );
    doc.move_down(6.0 * MM);

    subheading(doc, "Decision", Verdict::VARIANTS.len() as f32 * 8.0 * MM);
    for verdict in Verdict::VARIANTS {
        let decision = verdict.label();
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

    draw_members(doc, &review.reviewers);
    doc.move_down(8.0 * MM);

    subheading(doc, "Conditions", 4.0 * ROW_HEIGHT);
    for _ in 0..4 {
        doc.keep_together(ROW_HEIGHT);
        doc.move_down(ROW_HEIGHT);
        let y = doc.cursor();
        doc.rule(CONTENT_LEFT, CONTENT_RIGHT, y, HAIRLINE, palette::MUTED);
    }
    doc.move_down(8.0 * MM);

    // After the lines to sign, so a long list never pushes them off the page.
    draw_open_comments(doc, review);
}

/// One row per reviewer (then spare empty rows), or empty rows when none is recorded: the
/// cells written above each column's line, the signature left to sign.
fn draw_members(doc: &mut ReportDocument, reviewers: &[Reviewer]) {
    let blank = if reviewers.is_empty() {
        BLANK_MEMBERS
    } else {
        SPARE_MEMBERS
    };
    let rows: Vec<Vec<String>> = reviewers
        .iter()
        .map(member_row)
        .chain(std::iter::repeat_n(
            vec![String::new(); COLUMNS.len()],
            blank,
        ))
        .collect();
    subheading(doc, "Committee members", ROW_HEIGHT * 2.0);
    // The HTML edition prints the lines as a table, the empty rows to fill in.
    doc.record(Block::Table(TableContent {
        header: Some(
            COLUMNS
                .iter()
                .map(|(title, _)| (*title).to_owned())
                .collect(),
        ),
        rows: rows.clone(),
        footer: None,
        highlighted: Vec::new(),
        figures: vec![false; COLUMNS.len()],
        muted_details: vec![false; COLUMNS.len()],
    }));
    let widths: Vec<f32> = COLUMNS
        .iter()
        .map(|(_, share)| share * (CONTENT_WIDTH - COLUMN_GAP * (COLUMNS.len() - 1) as f32))
        .collect();
    doc.unrecorded(|doc| {
        let top = doc.cursor();
        let mut x = CONTENT_LEFT;
        for ((title, _), width) in COLUMNS.iter().zip(&widths) {
            let baseline = doc.baseline_below(&styles::LABEL, top);
            doc.draw_text(x, baseline, &styles::LABEL, title);
            x += width + COLUMN_GAP;
        }
        doc.move_down(styles::LABEL.line_height);
        for row in &rows {
            draw_member_line(doc, row, &widths);
        }
    });
}

fn member_row(reviewer: &Reviewer) -> Vec<String> {
    let (decision, date) = match &reviewer.decision {
        Some(decision) => (
            decision.verdict.label().to_owned(),
            parse_date(&decision.date).map_or_else(|_| decision.date.clone(), long_date),
        ),
        None => (String::new(), String::new()),
    };
    vec![
        reviewer.name.clone(),
        reviewer.role.clone(),
        decision,
        date,
        String::new(),
    ]
}

/// A member's line: each cell wrapped in its column and set just above the column's rule; the
/// row grows when a long name needs more lines.
fn draw_member_line(doc: &mut ReportDocument, row: &[String], widths: &[f32]) {
    let style = styles::CELL;
    let cells: Vec<Vec<String>> = row
        .iter()
        .zip(widths)
        .map(|(text, width)| doc.wrap(&style, text, *width))
        .collect();
    let lines = cells.iter().map(Vec::len).max().unwrap_or(0);
    let height = ROW_HEIGHT.max(lines as f32 * style.line_height + 3.0 * MM);
    doc.keep_together(height);
    doc.move_down(height);
    let y = doc.cursor();
    let mut x = CONTENT_LEFT;
    for (cell, width) in cells.iter().zip(widths) {
        for (i, line) in cell.iter().enumerate() {
            let line_top = y + 1.5 * MM + (cell.len() - i) as f32 * style.line_height;
            let baseline = doc.baseline_below(&style, line_top);
            doc.draw_line(x, baseline, &style, line, None);
        }
        doc.rule(x, x + width, y, HAIRLINE, palette::MUTED);
        x += width + COLUMN_GAP;
    }
}

/// The comments not yet resolved, by section with the page where the section starts; when
/// there are many, how many each section has. Nothing when no comment was ever recorded.
fn draw_open_comments(doc: &mut ReportDocument, review: &Review) {
    let open = review.open_comments_by_section();
    let count: usize = open.iter().map(|(_, comments)| comments.len()).sum();
    // A plan nobody has commented on keeps the page as the committee first sees it.
    if review.comments.is_empty() {
        return;
    }
    subheading(doc, "Open comments", 2.0 * styles::BODY.line_height);
    if count == 0 {
        introduction(
            doc,
            &match review.comments.len() {
                1 => "No comment is open; the one recorded is resolved.".to_owned(),
                n => format!("No comment is open; all {n} recorded are resolved."),
            },
        );
        return;
    }
    if count > MAX_QUOTED_COMMENTS {
        introduction(
            doc,
            &format!(
                "{count} comments are open: here, how many each section has. Each is listed, \
                 with its author and text, in the planner's committee review."
            ),
        );
        doc.move_down(2.0 * MM);
    }
    for (section, comments) in open {
        let page = doc
            .page_of(section)
            .map_or(String::new(), |page| format!(", page {page}"));
        let heading = format!("{}{page}", section.label());
        if count > MAX_QUOTED_COMMENTS {
            bullet(doc, &format!("{heading}: {} open", comments.len()));
            continue;
        }
        doc.move_down(1.0 * MM);
        doc.keep_together(2.0 * styles::LABEL.line_height);
        doc.paragraph(CONTENT_LEFT, CONTENT_WIDTH, &styles::LABEL, &heading);
        for comment in comments {
            bullet(doc, &comment_line(comment));
        }
    }
}

/// "Amira Haddad, 4 March 2027, on page 7: “payback in year 4” — Grant looks optimistic".
fn comment_line(comment: &ReviewComment) -> String {
    let date = parse_date(&comment.date).map_or_else(|_| comment.date.clone(), long_date);
    let page = comment
        .page
        .map_or(String::new(), |page| format!(", on page {page}"));
    let quoted = comment
        .quoted
        .as_deref()
        .map_or(String::new(), |quoted| format!("“{}” — ", quoted.trim()));
    format!("{}, {date}{page}: {quoted}{}", comment.author, comment.text)
}

/// An empty tick box with its lower-left corner at (`x`, `y`).
fn draw_box(doc: &mut ReportDocument, x: f32, y: f32) {
    let colour = palette::MUTED;
    doc.line((x, y), (x + BOX, y), HAIRLINE, colour);
    doc.line((x + BOX, y), (x + BOX, y + BOX), HAIRLINE, colour);
    doc.line((x + BOX, y + BOX), (x, y + BOX), HAIRLINE, colour);
    doc.line((x, y + BOX), (x, y), HAIRLINE, colour);
}
