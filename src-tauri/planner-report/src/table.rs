//! Tables with wrapped cells that break between rows and repeat their header on each page.

use crate::document::ReportDocument;
use crate::layout::{
    CONTENT_BOTTOM, CONTENT_LEFT, CONTENT_RIGHT, CONTENT_TOP, HAIRLINE, MM, TextStyle, palette,
    styles,
};

const PAD_X: f32 = 2.0 * MM;
const PAD_Y: f32 = 2.6 * MM;

#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub(crate) width: f32,
    pub(crate) style: TextStyle,
}

#[derive(Debug, Clone)]
pub(crate) struct Table<'a> {
    pub(crate) columns: &'a [Column],
    /// Column titles, repeated at the top of every page the table runs onto.
    pub(crate) header: Option<Vec<String>>,
    pub(crate) rows: Vec<Vec<String>>,
    /// Moves the whole table to the next page rather than split it, when it fits on one.
    pub(crate) keep_whole: bool,
}

struct LaidOutRow {
    cells: Vec<(Vec<String>, TextStyle)>,
    height: f32,
    /// The largest style sets the first baseline that every cell shares.
    lead: TextStyle,
}

/// Draws `table` from the cursor down, full content width; the cursor ends below it.
pub(crate) fn draw(doc: &mut ReportDocument, table: &Table<'_>) {
    let header = table.header.as_ref().map(|titles| {
        let styled: Vec<Column> = table
            .columns
            .iter()
            .map(|c| Column {
                // Never larger than the cells, so a title fits wherever its cells do.
                style: styles::LABEL.with_size(styles::LABEL.size.min(c.style.size)),
                ..*c
            })
            .collect();
        lay_out(doc, &styled, titles)
    });
    let rows: Vec<LaidOutRow> = table
        .rows
        .iter()
        .map(|cells| lay_out(doc, table.columns, cells))
        .collect();

    let header_height = header.as_ref().map_or(0.0, |h| h.height);
    let whole: f32 = header_height + rows.iter().map(|r| r.height).sum::<f32>();
    if table.keep_whole && whole <= CONTENT_TOP - CONTENT_BOTTOM {
        doc.keep_together(whole);
    } else if let Some(first) = rows.first() {
        doc.keep_together(header_height + first.height);
    }
    if let Some(header) = &header {
        draw_row(doc, table.columns, header, true);
    } else {
        let top = doc.cursor();
        doc.rule(CONTENT_LEFT, CONTENT_RIGHT, top, HAIRLINE, palette::RULE);
    }
    for row in &rows {
        if doc.keep_together(row.height)
            && let Some(header) = &header
        {
            draw_row(doc, table.columns, header, true);
        }
        draw_row(doc, table.columns, row, false);
    }
}

fn lay_out(doc: &ReportDocument, columns: &[Column], cells: &[String]) -> LaidOutRow {
    let mut laid_out = Vec::with_capacity(columns.len());
    let mut lead = columns.first().map_or(styles::VALUE, |c| c.style);
    let mut height: f32 = 0.0;
    for (column, text) in columns.iter().zip(cells) {
        let lines = doc.wrap(&column.style, text, column.width - 2.0 * PAD_X);
        height = height.max(lines.len().max(1) as f32 * column.style.line_height);
        if column.style.size > lead.size {
            lead = column.style;
        }
        laid_out.push((lines, column.style));
    }
    LaidOutRow {
        cells: laid_out,
        height: height + 2.0 * PAD_Y,
        lead,
    }
}

fn draw_row(doc: &mut ReportDocument, columns: &[Column], row: &LaidOutRow, is_header: bool) {
    let top = doc.cursor();
    let bottom = top - row.height;
    if is_header {
        doc.fill_rect(
            CONTENT_LEFT,
            bottom,
            CONTENT_RIGHT - CONTENT_LEFT,
            row.height,
            palette::TINT,
        );
    }
    let first_baseline = doc.baseline_below(&row.lead, top - PAD_Y);
    let mut x = CONTENT_LEFT;
    for (column, (lines, style)) in columns.iter().zip(&row.cells) {
        let mut baseline = first_baseline;
        for line in lines {
            doc.draw_text(x + PAD_X, baseline, style, line);
            baseline -= style.line_height;
        }
        x += column.width;
    }
    let rule_colour = if is_header {
        palette::MUTED
    } else {
        palette::RULE
    };
    doc.rule(CONTENT_LEFT, CONTENT_RIGHT, bottom, HAIRLINE, rule_colour);
    doc.set_cursor(bottom);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::CONTENT_WIDTH;

    #[test]
    fn a_long_table_breaks_between_rows_and_repeats_its_header_on_every_page() {
        let mut doc = ReportDocument::new(1).expect("document");
        doc.start_page();
        let columns = [
            Column {
                width: CONTENT_WIDTH / 2.0,
                style: styles::VALUE,
            },
            Column {
                width: CONTENT_WIDTH / 2.0,
                style: styles::VALUE,
            },
        ];
        let rows: Vec<Vec<String>> = (1..=80)
            .map(|i| vec![format!("Credential {i}"), format!("{i} ECTS")])
            .collect();
        draw(
            &mut doc,
            &Table {
                columns: &columns,
                header: Some(vec!["Credential".to_owned(), "Credit".to_owned()]),
                rows,
                keep_whole: true,
            },
        );

        let pages = doc.lines_by_page();
        assert!(
            pages.len() >= 3,
            "80 rows need several pages, got {}",
            pages.len()
        );
        for (n, lines) in pages.iter().enumerate() {
            let first_two: Vec<&str> = lines.iter().take(2).map(|(_, t)| t.as_str()).collect();
            assert_eq!(
                first_two,
                ["Credential", "Credit"],
                "header first on page {}",
                n + 1
            );
            for (baseline, text) in lines {
                assert!(
                    *baseline > CONTENT_BOTTOM && *baseline < CONTENT_TOP,
                    "{text:?} at {baseline} is inside the text area on page {}",
                    n + 1
                );
            }
        }
        let all: Vec<&str> = pages.iter().flatten().map(|(_, t)| t.as_str()).collect();
        for i in 1..=80 {
            let cell = format!("Credential {i}");
            assert_eq!(
                all.iter().filter(|t| **t == cell).count(),
                1,
                "{cell} printed exactly once"
            );
        }
    }

    fn two_columns() -> [Column; 2] {
        [
            Column {
                width: CONTENT_WIDTH / 2.0,
                style: styles::CELL,
            },
            Column {
                width: CONTENT_WIDTH / 2.0,
                style: styles::CELL,
            },
        ]
    }

    #[test]
    fn a_short_table_near_the_foot_of_a_page_moves_to_the_next_page_whole() {
        let mut doc = ReportDocument::new(1).expect("document");
        doc.start_page();
        doc.set_cursor(crate::layout::CONTENT_BOTTOM + 40.0 * MM);
        let columns = two_columns();
        let rows: Vec<Vec<String>> = (1..=6)
            .map(|i| vec![format!("Area {i}"), format!("{i}")])
            .collect();
        draw(
            &mut doc,
            &Table {
                columns: &columns,
                header: Some(vec!["Area".to_owned(), "Score".to_owned()]),
                rows,
                keep_whole: true,
            },
        );
        let pages = doc.lines_by_page();
        assert_eq!(pages.len(), 2, "one page left behind, one with the table");
        assert!(
            pages[0].is_empty(),
            "nothing of the table on the first page"
        );
        assert_eq!(pages[1].len(), 14, "header and six rows together");
    }

    #[test]
    fn a_line_break_typed_in_a_cell_starts_a_new_line() {
        let mut doc = ReportDocument::new(1).expect("document");
        doc.start_page();
        let columns = two_columns();
        draw(
            &mut doc,
            &Table {
                columns: &columns,
                header: None,
                rows: vec![vec![
                    "Pilot budget".to_owned(),
                    "US$60,000 one-time\nUS$45,000 a year".to_owned(),
                ]],
                keep_whole: false,
            },
        );
        let lines = &doc.lines_by_page()[0];
        let texts: Vec<&str> = lines.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            ["Pilot budget", "US$60,000 one-time", "US$45,000 a year"]
        );
        assert!(
            lines[2].0 < lines[1].0,
            "the second part sits below the first"
        );
    }
}
