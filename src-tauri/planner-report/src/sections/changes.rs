//! The appendix "What changed since the version you reviewed": the inputs changed, the figures
//! they move (each with its difference), and the credentials, tasks and risks added, removed or
//! changed, from the comparison planner-core made. It prints only when a version is named.

use planner_core::compare::{ChangesSince, Difference, ItemChange, ValueChange};
use planner_core::report::ReportSection;

use crate::document::ReportDocument;
use crate::layout::{CONTENT_WIDTH, MM, styles};
use crate::sections::{bullet, introduction, open_section, subheading, titled_table};
use crate::table::{Column, Table, titles};

pub(crate) const NOTHING_CHANGED: &str = "Nothing has changed since that version: the plan in \
     this report says what it said then.";

pub(crate) fn draw(doc: &mut ReportDocument, changes: &ChangesSince) {
    open_section(doc, ReportSection::Changes.label());
    introduction(
        doc,
        &format!(
            "What this plan says now against {}: each input changed, the figures that moved \
             with it, and the credentials, tasks and risks added, removed or changed.",
            changes.version_named()
        ),
    );
    doc.move_down(5.0 * MM);
    let comparison = &changes.comparison;
    if comparison.is_empty() {
        introduction(doc, NOTHING_CHANGED);
        return;
    }
    if !comparison.inputs.is_empty() {
        values_table(doc, "Inputs", &comparison.inputs, false);
    }
    if !comparison.figures.is_empty() {
        values_table(doc, "Resulting figures", &comparison.figures, true);
    }
    for (title, items) in [
        ("Credentials", &comparison.credentials),
        ("Tasks", &comparison.tasks),
        ("Risks", &comparison.risks),
    ] {
        items_list(doc, title, items);
    }
}

/// A table of values before and now, with the difference for figures.
fn values_table(doc: &mut ReportDocument, title: &str, changes: &[ValueChange], figures: bool) {
    let style = styles::CELL;
    let columns: Vec<Column> = if figures {
        let value = 38.0 * MM;
        let difference = 32.0 * MM;
        vec![
            Column::left(CONTENT_WIDTH - 2.0 * value - difference, style),
            Column::right(value, style),
            Column::right(value, style),
            Column::right(difference, style),
        ]
    } else {
        Column::left_filling(&[64.0, 48.0], style)
    };
    let rows = changes
        .iter()
        .map(|c| {
            let mut row = vec![c.what.clone(), c.before.text(), c.after.text()];
            if figures {
                row.push(
                    c.difference
                        .as_ref()
                        .map(Difference::text)
                        .unwrap_or_default(),
                );
            }
            row
        })
        .collect();
    let header = if figures {
        titles(&["Figure", "Then", "Now", "Difference"])
    } else {
        titles(&["Input", "Then", "Now"])
    };
    titled_table(
        doc,
        title,
        None,
        &Table {
            columns: &columns,
            header: Some(header),
            rows,
            ..Table::default()
        },
    );
    doc.move_down(6.0 * MM);
}

/// Each credential, task or risk added, removed or changed, as a bullet.
fn items_list(doc: &mut ReportDocument, title: &str, items: &[ItemChange]) {
    if items.is_empty() {
        return;
    }
    subheading(doc, title, styles::BODY.line_height);
    for item in items {
        bullet(doc, &item.line());
    }
    doc.move_down(4.0 * MM);
}
