//! Tables with wrapped cells that break between rows and repeat their header on each page.
//! Figures sit right-aligned on one line (set smaller rather than broken when a column is
//! too narrow); a totals row closes the table in bold; rows can be highlighted.

use crate::content::{Block, TableContent};
use crate::document::ReportDocument;
use crate::fonts::Face;
use crate::layout::{CONTENT_LEFT, CONTENT_RIGHT, HAIRLINE, MM, TextStyle, palette, styles};
use crate::shape;

const PAD_X: f32 = 2.0 * MM;
/// Side padding of a compact table, where many figure columns share the page.
const COMPACT_PAD_X: f32 = 1.1 * MM;
const PAD_Y: f32 = 2.6 * MM;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    /// Text: wraps within the column.
    Left,
    /// Figures: one line per typed line, right-aligned, set smaller if it would not fit.
    Right,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub(crate) width: f32,
    pub(crate) style: TextStyle,
    pub(crate) align: Align,
    /// Sets the typed lines after a cell's first in the muted colour: details under a name.
    pub(crate) muted_details: bool,
}

impl Column {
    pub(crate) const fn left(width: f32, style: TextStyle) -> Self {
        Self {
            width,
            style,
            align: Align::Left,
            muted_details: false,
        }
    }

    pub(crate) const fn right(width: f32, style: TextStyle) -> Self {
        Self {
            width,
            style,
            align: Align::Right,
            muted_details: false,
        }
    }

    /// Left-aligned text columns of the given widths (mm), and a last one taking the rest of the
    /// text width.
    pub(crate) fn left_filling(widths_mm: &[f32], style: TextStyle) -> Vec<Column> {
        let mut columns: Vec<Column> = widths_mm
            .iter()
            .map(|w| Column::left(w * crate::layout::MM, style))
            .collect();
        let used: f32 = columns.iter().map(|c| c.width).sum();
        columns.push(Column::left(crate::layout::CONTENT_WIDTH - used, style));
        columns
    }

    pub(crate) const fn with_muted_details(self) -> Self {
        Self {
            muted_details: true,
            ..self
        }
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Table<'a> {
    pub(crate) columns: &'a [Column],
    /// Column titles, repeated at the top of every page the table runs onto.
    pub(crate) header: Option<Vec<String>>,
    pub(crate) rows: Vec<Vec<String>>,
    /// A closing row in bold (totals), kept on the page with the last row.
    pub(crate) footer: Option<Vec<String>>,
    /// Indexes of rows drawn on a highlight, for what needs the reader's attention.
    pub(crate) highlighted: Vec<usize>,
    /// Moves the whole table to the next page rather than split it, when it fits on one.
    pub(crate) keep_whole: bool,
    /// Narrower cell padding, for tables of many figure columns.
    pub(crate) compact: bool,
}

impl Table<'_> {
    fn pad_x(&self) -> f32 {
        if self.compact { COMPACT_PAD_X } else { PAD_X }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowKind {
    Header,
    Body { highlighted: bool },
    Footer,
}

/// A typed line starting with this wraps with a hanging indent, as a bulleted list.
pub(crate) const BULLET: &str = "• ";

/// One line of a cell as it is set.
#[derive(Debug, Clone, PartialEq)]
struct CellLine {
    /// From the cell's left edge (continuation lines of a bulleted item).
    indent: f32,
    text: String,
    /// A detail line, set in the muted colour.
    muted: bool,
    /// The direction of the typed paragraph the line was wrapped from: a line of an Arabic
    /// note reads from the right even when it starts with a Latin word. `None` for figures.
    right_to_left: Option<bool>,
}

struct LaidOutRow {
    /// Per cell: its lines and the style they are set in.
    cells: Vec<(Vec<CellLine>, TextStyle)>,
    height: f32,
    /// The largest style sets the first baseline that every cell shares.
    lead: TextStyle,
    pad_x: f32,
}

/// Column titles from string literals.
pub(crate) fn titles(titles: &[&str]) -> Vec<String> {
    titles.iter().map(|t| (*t).to_owned()).collect()
}

/// A table measured for the page: every row laid out.
struct Prepared {
    header: Option<LaidOutRow>,
    rows: Vec<LaidOutRow>,
    footer: Option<(Vec<Column>, LaidOutRow)>,
    /// The height a page offers, on the report's paper.
    page_height: f32,
}

impl Prepared {
    fn new(doc: &ReportDocument, table: &Table<'_>) -> Self {
        let header = table.header.as_ref().map(|titles| {
            let size = header_size(doc, table.columns, titles, table.pad_x());
            let styled: Vec<Column> = table
                .columns
                .iter()
                .map(|c| Column {
                    style: styles::LABEL.with_size(size),
                    ..*c
                })
                .collect();
            // Titles wrap, whatever the column holds, and sit over their figures.
            lay_out(doc, &styled, titles, Cells::Titles, table.pad_x())
        });
        let rows: Vec<LaidOutRow> = table
            .rows
            .iter()
            .map(|cells| lay_out(doc, table.columns, cells, Cells::Content, table.pad_x()))
            .collect();
        let footer = table.footer.as_ref().map(|cells| {
            let bold: Vec<Column> = table
                .columns
                .iter()
                .map(|c| Column {
                    style: TextStyle {
                        face: Face::Bold,
                        ..c.style
                    },
                    ..*c
                })
                .collect();
            let row = lay_out(doc, &bold, cells, Cells::Content, table.pad_x());
            (bold, row)
        });
        Self {
            header,
            rows,
            footer,
            page_height: doc.content_height(),
        }
    }

    fn header_height(&self) -> f32 {
        self.header.as_ref().map_or(0.0, |h| h.height)
    }

    fn footer_height(&self) -> f32 {
        self.footer.as_ref().map_or(0.0, |(_, f)| f.height)
    }

    fn whole(&self) -> f32 {
        self.header_height()
            + self.rows.iter().map(|r| r.height).sum::<f32>()
            + self.footer_height()
    }

    /// What must fit under the cursor before the table starts: all of it when it is kept
    /// whole (and fits a page), otherwise its header and first row.
    fn opening(&self, keep_whole: bool) -> f32 {
        let whole = self.whole();
        if keep_whole && whole <= self.page_height {
            return whole;
        }
        match self.rows.first() {
            // A first row taller than a page is cut anyway: its first lines start here.
            Some(first) if first.height > self.page_height - self.header_height() => {
                self.header_height() + 2.0 * PAD_Y + 3.0 * first.lead.line_height
            }
            Some(first) => {
                let footer = if self.rows.len() == 1 {
                    self.footer_height()
                } else {
                    0.0
                };
                self.header_height() + first.height + footer
            }
            None => self.header_height(),
        }
    }
}

/// The height the table needs under a title that introduces it, so the title never ends a
/// page without it.
pub(crate) fn opening_height(doc: &ReportDocument, table: &Table<'_>) -> f32 {
    Prepared::new(doc, table).opening(table.keep_whole)
}

/// One size for every column title, at most the label size and never larger than the cells:
/// the largest at which no title has a word wider than its column, so no word is broken.
fn header_size(doc: &ReportDocument, columns: &[Column], titles: &[String], pad_x: f32) -> f32 {
    let mut size = columns
        .iter()
        .map(|c| c.style.size)
        .fold(styles::LABEL.size, f32::min);
    for (column, title) in columns.iter().zip(titles) {
        let room = column.width - 2.0 * pad_x;
        let style = styles::LABEL.with_size(size);
        let widest = title
            .split_whitespace()
            .map(|word| doc.text_width(&style, word))
            .fold(0.0, f32::max);
        if widest > room {
            size *= room / widest;
        }
    }
    // Below this a broken word reads better than a tiny one.
    size.max(MIN_HEADER_SIZE)
}

const MIN_HEADER_SIZE: f32 = 7.0;

/// Draws `table` from the cursor down, full content width; the cursor ends below it. A row
/// that does not fit under the cursor moves to the next page under the repeated header; a row
/// taller than a page is cut between lines and continues there, so no text is ever lost.
pub(crate) fn draw(doc: &mut ReportDocument, table: &Table<'_>) {
    doc.record(Block::Table(TableContent {
        header: table.header.clone(),
        rows: table.rows.clone(),
        footer: table.footer.clone(),
        highlighted: table.highlighted.clone(),
        figures: table
            .columns
            .iter()
            .map(|c| c.align == Align::Right)
            .collect(),
        muted_details: table.columns.iter().map(|c| c.muted_details).collect(),
    }));
    doc.unrecorded(|doc| draw_rows(doc, table));
}

fn draw_rows(doc: &mut ReportDocument, table: &Table<'_>) {
    let prepared = Prepared::new(doc, table);
    if !prepared.rows.is_empty() {
        doc.keep_together(prepared.opening(table.keep_whole));
    }
    let footer_height = prepared.footer_height();
    let header_height = prepared.header_height();
    let Prepared {
        header,
        rows,
        footer,
        page_height,
    } = prepared;
    let new_page = |doc: &mut ReportDocument| {
        doc.start_page();
        if let Some(header) = &header {
            draw_row(doc, table.columns, header, RowKind::Header);
        }
    };
    if let Some(header) = &header {
        draw_row(doc, table.columns, header, RowKind::Header);
    } else {
        let top = doc.cursor();
        doc.rule(CONTENT_LEFT, CONTENT_RIGHT, top, HAIRLINE, palette::RULE);
    }
    let page_room = page_height - header_height;
    let last = rows.len().saturating_sub(1);
    for (index, row) in rows.into_iter().enumerate() {
        let kind = RowKind::Body {
            highlighted: table.highlighted.contains(&index),
        };
        // The totals never open a page on their own.
        let with = if index == last { footer_height } else { 0.0 };
        let mut pending = row;
        loop {
            let available = doc.cursor() - doc.content_bottom();
            if pending.height + with <= available {
                break;
            }
            if pending.height + with <= page_room {
                new_page(doc);
                break;
            }
            match pending.split(table.columns, available) {
                Some((here, rest)) => {
                    draw_row(doc, table.columns, &here, kind);
                    pending = rest;
                    new_page(doc);
                }
                // Not one line fits even at the top of a page: nothing more to gain.
                None if available >= page_room => break,
                None => new_page(doc),
            }
        }
        draw_row(doc, table.columns, &pending, kind);
    }
    if let Some((columns, footer)) = &footer {
        if doc.cursor() - footer.height < doc.content_bottom() {
            new_page(doc);
        }
        draw_row(doc, columns, footer, RowKind::Footer);
    }
}

impl LaidOutRow {
    /// The row cut between lines: the lines of each cell that fit in `room`, and a row of the
    /// rest to continue on the next page. `None` when not one line fits, or all of it does.
    fn split(&self, columns: &[Column], room: f32) -> Option<(LaidOutRow, LaidOutRow)> {
        let inner = room - 2.0 * PAD_Y;
        let (mut here, mut rest) = (Vec::new(), Vec::new());
        let (mut here_height, mut rest_height) = (0.0_f32, 0.0_f32);
        for (column, (lines, style)) in columns.iter().zip(&self.cells) {
            let line_height = column.style.line_height;
            let fit = ((inner / line_height).floor().max(0.0) as usize).min(lines.len());
            let (top, bottom) = lines.split_at(fit);
            here_height = here_height.max(top.len() as f32 * line_height);
            rest_height = rest_height.max(bottom.len() as f32 * line_height);
            here.push((top.to_vec(), *style));
            rest.push((bottom.to_vec(), *style));
        }
        if here_height == 0.0 || rest_height == 0.0 {
            return None;
        }
        let part = |cells, height: f32| LaidOutRow {
            cells,
            height: height + 2.0 * PAD_Y,
            lead: self.lead,
            pad_x: self.pad_x,
        };
        Some((part(here, here_height), part(rest, rest_height)))
    }
}

/// Column titles wrap in every column; content wraps only in text columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cells {
    Titles,
    Content,
}

fn lay_out(
    doc: &ReportDocument,
    columns: &[Column],
    cells: &[String],
    kind: Cells,
    pad_x: f32,
) -> LaidOutRow {
    let mut laid_out = Vec::with_capacity(columns.len());
    let mut lead = columns.first().map_or(styles::VALUE, |c| c.style);
    let mut height: f32 = 0.0;
    for (column, text) in columns.iter().zip(cells) {
        let room = column.width - 2.0 * pad_x;
        let (lines, style) = match (column.align, kind) {
            (Align::Left, _) | (Align::Right, Cells::Titles) => {
                let mut lines = wrap_cell(doc, &column.style, text, room);
                if column.muted_details && kind == Cells::Content {
                    mute_details(&mut lines, text);
                }
                (lines, column.style)
            }
            (Align::Right, Cells::Content) => {
                let lines: Vec<CellLine> = text
                    .lines()
                    .map(|l| CellLine {
                        indent: 0.0,
                        text: l.trim().to_owned(),
                        muted: false,
                        right_to_left: None,
                    })
                    .collect();
                let widest = lines
                    .iter()
                    .map(|l| doc.text_width(&column.style, &l.text))
                    .fold(0.0, f32::max);
                let style = if widest > room {
                    // Smaller type, on the same baseline grid, rather than a broken figure.
                    TextStyle {
                        size: column.style.size * room / widest,
                        ..column.style
                    }
                } else {
                    column.style
                };
                (lines, style)
            }
        };
        height = height.max(lines.len().max(1) as f32 * column.style.line_height);
        if column.style.size > lead.size {
            lead = column.style;
        }
        laid_out.push((lines, style));
    }
    LaidOutRow {
        cells: laid_out,
        height: height + 2.0 * PAD_Y,
        lead,
        pad_x,
    }
}

/// A cell's text wrapped to `room`; a typed line starting with [`BULLET`] keeps its
/// continuation lines clear of the bullet.
fn wrap_cell(doc: &ReportDocument, style: &TextStyle, text: &str, room: f32) -> Vec<CellLine> {
    let mut lines = Vec::new();
    for typed in text.trim().lines() {
        let right_to_left = Some(shape::is_right_to_left(typed));
        let line = |indent: f32, text: String| CellLine {
            indent,
            text,
            muted: false,
            right_to_left,
        };
        match typed.trim_start().strip_prefix(BULLET) {
            Some(item) => {
                let indent = doc.text_width(style, BULLET);
                for (n, wrapped) in doc.wrap(style, item, room - indent).into_iter().enumerate() {
                    if n == 0 {
                        lines.push(line(0.0, format!("{BULLET}{wrapped}")));
                    } else {
                        lines.push(line(indent, wrapped));
                    }
                }
            }
            None => {
                let wrapped = doc.wrap(style, typed, room);
                if wrapped.is_empty() {
                    lines.push(line(0.0, String::new()));
                }
                lines.extend(wrapped.into_iter().map(|l| line(0.0, l)));
            }
        }
    }
    lines
}

/// Marks the lines wrapped from every typed line after the first as details.
fn mute_details(lines: &mut [CellLine], text: &str) {
    let first = text.trim().lines().next().unwrap_or_default();
    // The first typed line's words, in order: the lines that hold them are the name.
    let mut words = first.split_whitespace().count();
    for line in lines {
        if words > 0 {
            words = words.saturating_sub(line.text.split_whitespace().count());
        } else {
            line.muted = true;
        }
    }
}

fn draw_row(doc: &mut ReportDocument, columns: &[Column], row: &LaidOutRow, kind: RowKind) {
    let top = doc.cursor();
    let bottom = top - row.height;
    let fill = match kind {
        RowKind::Header => Some(palette::TINT),
        RowKind::Body { highlighted: true } => Some(palette::HIGHLIGHT),
        RowKind::Body { highlighted: false } | RowKind::Footer => None,
    };
    if let Some(colour) = fill {
        doc.fill_rect(
            CONTENT_LEFT,
            bottom,
            CONTENT_RIGHT - CONTENT_LEFT,
            row.height,
            colour,
        );
    }
    if kind == RowKind::Footer {
        doc.rule(CONTENT_LEFT, CONTENT_RIGHT, top, 0.9, palette::MUTED);
    }
    let first_baseline = doc.baseline_below(&row.lead, top - PAD_Y);
    let mut x = CONTENT_LEFT;
    for (column, (lines, style)) in columns.iter().zip(&row.cells) {
        let mut baseline = first_baseline;
        for line in lines {
            // A line that reads from the right (Arabic, Hebrew) starts at the cell's right edge.
            let right_to_left = line.right_to_left.unwrap_or(false);
            let flush_right = column.align == Align::Right || right_to_left;
            let line_x = if flush_right {
                x + column.width - row.pad_x - doc.text_width(style, &line.text)
            } else {
                x + row.pad_x + line.indent
            };
            let style = if line.muted {
                style.with_colour(palette::MUTED)
            } else {
                *style
            };
            doc.draw_line(line_x, baseline, &style, &line.text, line.right_to_left);
            baseline -= style.line_height;
        }
        x += column.width;
    }
    let rule_colour = match kind {
        RowKind::Header | RowKind::Footer => palette::MUTED,
        RowKind::Body { .. } => palette::RULE,
    };
    doc.rule(CONTENT_LEFT, CONTENT_RIGHT, bottom, HAIRLINE, rule_colour);
    doc.set_cursor(bottom);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{CONTENT_BOTTOM, CONTENT_TOP, CONTENT_WIDTH};

    #[test]
    fn a_long_table_breaks_between_rows_and_repeats_its_header_on_every_page() {
        let mut doc = ReportDocument::new(1).expect("document");
        doc.start_page();
        let columns = [
            Column::left(CONTENT_WIDTH / 2.0, styles::VALUE),
            Column::left(CONTENT_WIDTH / 2.0, styles::VALUE),
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
                ..Table::default()
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

    #[test]
    fn a_cell_taller_than_a_page_continues_on_the_next_under_the_header_with_every_word() {
        let mut doc = ReportDocument::new(1).expect("document");
        doc.start_page();
        // Half a page used: the row starts here rather than leaving a page blank but a header.
        doc.set_cursor((CONTENT_TOP + CONTENT_BOTTOM) / 2.0);
        let columns = [
            Column::left(40.0 * MM, styles::CELL),
            Column::left(CONTENT_WIDTH - 40.0 * MM, styles::CELL),
        ];
        // 5,000 characters: the longest text the validator accepts.
        let words: Vec<String> = (1..=1_000).map(|i| format!("w{i:03}")).collect();
        let long = words.join(" ");
        assert_eq!(
            long.chars().count(),
            5_000,
            "999 words of 4 characters, one of 5, and 999 spaces"
        );
        draw(
            &mut doc,
            &Table {
                columns: &columns,
                header: Some(vec!["Element".to_owned(), "What it says".to_owned()]),
                rows: vec![
                    vec!["Learning outcomes".to_owned(), long.clone()],
                    vec!["Assessment".to_owned(), "Project".to_owned()],
                ],
                ..Table::default()
            },
        );
        let pages = doc.lines_by_page();
        assert!(
            pages.len() >= 3,
            "the cell runs over pages: {}",
            pages.len()
        );
        assert_eq!(
            pages[0].first().map(|(_, t)| t.as_str()),
            Some("Element"),
            "the table starts on the half-used page"
        );
        assert!(
            pages[0].iter().any(|(_, t)| t.starts_with("w001")),
            "its first lines are on that page too"
        );
        for (n, lines) in pages.iter().enumerate().skip(1) {
            assert_eq!(
                lines.first().map(|(_, t)| t.as_str()),
                Some("Element"),
                "header repeated on page {}",
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
        let printed: Vec<String> = pages
            .iter()
            .flatten()
            .flat_map(|(_, t)| t.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
            .filter(|w| w.starts_with('w'))
            .collect();
        assert_eq!(printed, words, "every word once, in order");
        assert!(
            pages
                .last()
                .expect("pages")
                .iter()
                .any(|(_, t)| t == "Project"),
            "the next row follows the long one"
        );
    }

    fn two_columns() -> [Column; 2] {
        [
            Column::left(CONTENT_WIDTH / 2.0, styles::CELL),
            Column::left(CONTENT_WIDTH / 2.0, styles::CELL),
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
                ..Table::default()
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
                ..Table::default()
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

    #[test]
    fn figures_sit_right_aligned_on_one_line_and_the_totals_close_the_table() {
        let mut doc = ReportDocument::new(1).expect("document");
        doc.start_page();
        let narrow = 14.0 * MM;
        let columns = [
            Column::left(CONTENT_WIDTH - narrow, styles::CELL),
            Column::right(narrow, styles::CELL),
        ];
        draw(
            &mut doc,
            &Table {
                columns: &columns,
                header: Some(titles(&["Fiscal year", "Total cost"])),
                rows: vec![
                    vec!["FY2027".to_owned(), "805,600".to_owned()],
                    vec!["FY2028".to_owned(), "12,34,56,789".to_owned()],
                ],
                footer: Some(vec!["Total".to_owned(), "12,35,62,389".to_owned()]),
                highlighted: vec![1],
                ..Table::default()
            },
        );
        let lines = &doc.lines_by_page()[0];
        let texts: Vec<&str> = lines.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Fiscal year",
                "Total",
                "cost",
                "FY2027",
                "805,600",
                "FY2028",
                "12,34,56,789",
                "Total",
                "12,35,62,389"
            ],
            "a figure too wide for its column is set smaller, never broken"
        );
        let total = lines.last().expect("the totals row").0;
        assert!(
            lines.iter().all(|(baseline, _)| *baseline >= total),
            "the totals come last"
        );
    }

    #[test]
    fn a_bulleted_line_wraps_clear_of_its_bullet() {
        let mut doc = ReportDocument::new(1).expect("document");
        doc.start_page();
        let style = styles::CELL;
        let room = 40.0 * MM;
        let lines = wrap_cell(
            &doc,
            &style,
            "• The curriculum committee or senate has approved credit for the pilot",
            room,
        );
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines[0].text.starts_with(BULLET) && lines[0].indent == 0.0);
        let indent = doc.text_width(&style, BULLET);
        assert!(lines[1..].iter().all(|l| l.indent == indent), "{lines:?}");
    }
}
