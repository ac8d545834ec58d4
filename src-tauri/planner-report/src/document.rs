//! A report being laid out: pages of drawing operations, a cursor that flows content down the
//! page and onto the next, and, once every page exists, the running header, the "Page N of M"
//! footer, the outline, the links between pages and the metadata.

use planner_core::report::{Paper, ReportSection};
use printpdf::{
    Actions, BorderArray, ColorArray, CurTransMat, Destination, HighlightingMode, Line,
    LineDashPattern, LinePoint, LinkAnnotation, Mm, Op, PaintMode, PdfDocument, PdfPage,
    PdfParseErrorSeverity, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rect, WindingOrder,
};

use crate::RenderedReport;
use crate::attachment;
use crate::content::{Block, Tone};
use crate::error::{Error, Result};
use crate::fonts::Fonts;
use crate::layout::{
    CONTENT_LEFT, CONTENT_TOP, Colour, HAIRLINE, HEADER_BASELINE, HEADER_RULE, PAGE_HEIGHT,
    PageFrame, TextStyle, palette, styles,
};
use crate::metadata::{self, DocumentInfo};
use crate::shape;
use crate::text::{self, text_ops};
use crate::wrap;

#[derive(Debug)]
struct PageDraft {
    /// The cover carries no running header or footer.
    running: bool,
    /// Turned sideways, for a chart that needs the width.
    landscape: bool,
    ops: Vec<Op>,
}

/// An outline (bookmark) entry.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OutlineEntry {
    pub(crate) title: String,
    /// 1-based.
    pub(crate) page: usize,
    /// The section it opens, when a section was being drawn.
    pub(crate) section: Option<ReportSection>,
}

/// A clickable area that turns to another page.
#[derive(Debug, Clone, Copy)]
struct PageLink {
    /// 0-based index of the page the area is on.
    on: usize,
    /// Lower-left corner, width and height, on the grid.
    area: (f32, f32, f32, f32),
    /// 1-based page it turns to.
    to: usize,
}

#[derive(Debug)]
pub(crate) struct ReportDocument {
    pdf: PdfDocument,
    fonts: Fonts,
    frame: PageFrame,
    /// The same paper turned sideways.
    landscape: PageFrame,
    pages: Vec<PageDraft>,
    /// Top of the next block on the current page.
    cursor: f32,
    /// Set while drawing onto an earlier page (see [`ReportDocument::on_page`]).
    revisiting: Option<usize>,
    /// The section being drawn, which outline entries are filed under.
    section: Option<ReportSection>,
    outline: Vec<OutlineEntry>,
    links: Vec<PageLink>,
    /// What the report says, block by block, for the HTML edition.
    content: Vec<Block>,
    /// Above zero while a block that recorded itself draws its parts.
    unrecorded_depth: u32,
}

impl ReportDocument {
    /// An A4 document; `seed` fingerprints the content, so that identical content gives
    /// identical bytes.
    #[cfg(test)]
    pub(crate) fn new(seed: u64) -> Result<Self> {
        Self::on_paper(seed, Paper::A4)
    }

    /// A document laid out on `paper`; `seed` fingerprints the content, so that identical
    /// content gives identical bytes.
    pub(crate) fn on_paper(seed: u64, paper: Paper) -> Result<Self> {
        let mut pdf = PdfDocument::new("");
        let fonts = Fonts::load_into(&mut pdf, seed)?;
        Ok(Self {
            pdf,
            fonts,
            frame: PageFrame::for_paper(paper),
            landscape: PageFrame::landscape(paper),
            pages: Vec::new(),
            cursor: CONTENT_TOP,
            revisiting: None,
            section: None,
            outline: Vec::new(),
            content: Vec::new(),
            unrecorded_depth: 0,
            links: Vec::new(),
        })
    }

    /// The frame of the page being drawn.
    fn page_frame(&self) -> PageFrame {
        let index = self.revisiting.or(self.pages.len().checked_sub(1));
        match index.map(|i| self.pages[i].landscape) {
            Some(true) => self.landscape,
            _ => self.frame,
        }
    }

    /// Where body text must stop above the footer, on the page being drawn.
    pub(crate) fn content_bottom(&self) -> f32 {
        self.page_frame().content_bottom()
    }

    /// The bottom and right edges of the text area on a page turned sideways.
    pub(crate) fn sideways_text_area(&self) -> (f32, f32) {
        (
            self.landscape.content_bottom(),
            self.landscape.content_right,
        )
    }

    /// The height a page offers body text, on this paper.
    pub(crate) fn content_height(&self) -> f32 {
        self.frame.content_height()
    }

    /// Files the outline entries added from now on under `section`.
    pub(crate) fn begin_section(&mut self, section: ReportSection) {
        self.section = Some(section);
    }

    /// The outline so far, in the order the entries were added.
    pub(crate) fn outline(&self) -> &[OutlineEntry] {
        &self.outline
    }

    /// The 1-based page where `section` starts, if it printed.
    pub(crate) fn page_of(&self, section: ReportSection) -> Option<usize> {
        self.outline
            .iter()
            .find(|entry| entry.section == Some(section))
            .map(|entry| entry.page)
    }

    /// The title of the outline entry that opens `section`, if it printed.
    pub(crate) fn title_of(&self, section: ReportSection) -> Option<&str> {
        self.outline
            .iter()
            .find(|entry| entry.section == Some(section))
            .map(|entry| entry.title.as_str())
    }

    /// The 1-based number of the page being drawn.
    pub(crate) fn page_number(&self) -> usize {
        self.revisiting.map_or(self.pages.len(), |index| index + 1)
    }

    /// Adds empty pages to draw on later with [`ReportDocument::on_page`]; returns the 1-based
    /// number of the first.
    pub(crate) fn reserve_pages(&mut self, count: usize) -> usize {
        let first = self.pages.len() + 1;
        for _ in 0..count {
            self.start_page();
        }
        first
    }

    /// Draws onto the earlier page `page` (1-based) from its top, then carries on where the
    /// document was. What `draw` lays out must fit that page.
    pub(crate) fn on_page(&mut self, page: usize, draw: impl FnOnce(&mut Self)) {
        let (cursor, revisiting) = (self.cursor, self.revisiting);
        self.revisiting = Some(page - 1);
        self.cursor = CONTENT_TOP;
        draw(self);
        self.revisiting = revisiting;
        self.cursor = cursor;
    }

    /// Makes the area with its lower-left corner at (`x`, `y`) on the page being drawn turn to
    /// page `to` (1-based) when clicked.
    pub(crate) fn link_to_page(
        &mut self,
        (x, y): (f32, f32),
        (width, height): (f32, f32),
        to: usize,
    ) {
        let on = self.page_number().saturating_sub(1);
        self.links.push(PageLink {
            on,
            area: (x, y, width, height),
            to,
        });
    }

    /// A page without running header and footer; the cursor starts at the top edge.
    pub(crate) fn start_cover_page(&mut self) {
        self.pages.push(PageDraft {
            running: false,
            landscape: false,
            ops: Vec::new(),
        });
        self.cursor = PAGE_HEIGHT;
    }

    pub(crate) fn start_page(&mut self) {
        self.pages.push(PageDraft {
            running: true,
            landscape: false,
            ops: Vec::new(),
        });
        self.cursor = CONTENT_TOP;
    }

    /// A page turned sideways, with its running header and footer across its width.
    pub(crate) fn start_landscape_page(&mut self) {
        self.pages.push(PageDraft {
            running: true,
            landscape: true,
            ops: Vec::new(),
        });
        self.cursor = CONTENT_TOP;
    }

    /// Adds an outline (bookmark) entry pointing at the current page.
    pub(crate) fn bookmark(&mut self, title: &str) {
        let page = self.page_number().max(1);
        self.outline.push(OutlineEntry {
            title: title.to_owned(),
            page,
            section: self.section,
        });
    }

    /// Adds `block` to what the report says, unless it is part of a block already recorded.
    pub(crate) fn record(&mut self, block: Block) {
        if self.unrecorded_depth == 0 {
            self.content.push(block);
        }
    }

    /// Draws the parts of a block that recorded itself as a whole, without recording them.
    pub(crate) fn unrecorded<T>(&mut self, draw: impl FnOnce(&mut Self) -> T) -> T {
        self.unrecorded_depth += 1;
        let drawn = draw(self);
        self.unrecorded_depth -= 1;
        drawn
    }

    /// What the report says, in reading order.
    pub(crate) fn content(&self) -> &[Block] {
        &self.content
    }

    pub(crate) fn cursor(&self) -> f32 {
        self.cursor
    }

    pub(crate) fn set_cursor(&mut self, y: f32) {
        self.cursor = y;
    }

    pub(crate) fn move_down(&mut self, by: f32) {
        self.cursor -= by;
    }

    /// Starts a new page unless `height` still fits above the footer; true if it did.
    pub(crate) fn keep_together(&mut self, height: f32) -> bool {
        let at_top = (self.cursor - CONTENT_TOP).abs() < 0.01;
        if self.pages.is_empty() || (self.cursor - height < self.content_bottom() && !at_top) {
            self.start_page();
            return true;
        }
        false
    }

    /// Lines of `text` no wider than `width`. A line break typed in the text starts a new line
    /// and a blank line stays blank, so a note prints with the paragraphs it was typed in.
    pub(crate) fn wrap(&self, style: &TextStyle, text: &str, width: f32) -> Vec<String> {
        let measure = |t: &str| text::width(&self.fonts, style, t);
        let mut lines = Vec::new();
        for typed_line in text.trim().lines() {
            let wrapped = wrap::wrap(typed_line, width, measure);
            if wrapped.is_empty() {
                lines.push(String::new());
            } else {
                lines.extend(wrapped);
            }
        }
        lines
    }

    /// The width of `text` set in `style`, in points.
    pub(crate) fn text_width(&self, style: &TextStyle, text: &str) -> f32 {
        text::width(&self.fonts, style, text)
    }

    /// The baseline of a line of `style` whose line box starts at `top`: the glyphs sit centred
    /// in the box, so rows and cells look balanced whatever the leading.
    pub(crate) fn baseline_below(&self, style: &TextStyle, top: f32) -> f32 {
        let face = self.fonts.face(style.face);
        let glyph_height = (face.ascent + face.descent) * style.size;
        top - (style.line_height - glyph_height) / 2.0 - face.ascent * style.size
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.start_page();
        }
        let index = self.revisiting.unwrap_or(self.pages.len() - 1);
        &mut self.pages[index].ops
    }

    /// One line of text with its baseline starting at (`x`, `baseline`). No wrapping.
    pub(crate) fn draw_text(&mut self, x: f32, baseline: f32, style: &TextStyle, text: &str) {
        if text.is_empty() {
            return;
        }
        let ops = text_ops(&self.fonts, x, baseline, style, text);
        self.ops().extend(ops);
    }

    /// [`Self::draw_text`] for a line wrapped from a paragraph whose direction is known (see
    /// [`text::line_ops`]); `None` takes it from the line itself.
    pub(crate) fn draw_line(
        &mut self,
        x: f32,
        baseline: f32,
        style: &TextStyle,
        line: &str,
        right_to_left: Option<bool>,
    ) {
        if line.is_empty() {
            return;
        }
        let ops = text::line_ops(&self.fonts, (x, baseline), style, line, right_to_left);
        self.ops().extend(ops);
    }

    /// Wrapped text in a column from `x`, `width` wide, starting at the cursor and flowing onto
    /// new pages as needed; the cursor ends below the last line. Text that reads from the
    /// right (Arabic, Hebrew) is set against the column's right edge.
    pub(crate) fn paragraph(&mut self, x: f32, width: f32, style: &TextStyle, text: &str) {
        self.record(Block::Text {
            text: text.trim().to_owned(),
            tone: Tone::of(style),
        });
        // Each typed paragraph has its own direction: an English note may quote an Arabic one.
        for typed in text.trim().lines() {
            let right_to_left = shape::is_right_to_left(typed);
            let mut lines = self.wrap(style, typed, width);
            if lines.is_empty() {
                lines.push(String::new());
            }
            for line in lines {
                self.keep_together(style.line_height);
                let baseline = self.baseline_below(style, self.cursor);
                let start = if right_to_left {
                    x + width - self.text_width(style, &line)
                } else {
                    x
                };
                self.draw_line(start, baseline, style, &line, Some(right_to_left));
                self.cursor -= style.line_height;
            }
        }
    }

    /// A horizontal rule from `x1` to `x2` at height `y`.
    pub(crate) fn rule(&mut self, x1: f32, x2: f32, y: f32, thickness: f32, colour: Colour) {
        self.line((x1, y), (x2, y), thickness, colour);
    }

    /// A straight line between two points.
    pub(crate) fn line(
        &mut self,
        from: (f32, f32),
        to: (f32, f32),
        thickness: f32,
        colour: Colour,
    ) {
        self.ops().extend(line_ops(from, to, thickness, colour));
    }

    /// A dashed straight line: `dash` long strokes with `gap` between them.
    pub(crate) fn dashed_line(
        &mut self,
        from: (f32, f32),
        to: (f32, f32),
        thickness: f32,
        colour: Colour,
        (dash, gap): (f32, f32),
    ) {
        let ops = self.ops();
        ops.push(Op::SaveGraphicsState);
        ops.push(Op::SetLineDashPattern {
            dash: LineDashPattern::new(0.0, &[dash, gap]),
        });
        ops.extend(line_ops(from, to, thickness, colour));
        ops.push(Op::RestoreGraphicsState);
    }

    /// A filled shape through `points` (closed back to the first).
    pub(crate) fn fill_polygon(&mut self, points: &[(f32, f32)], colour: Colour) {
        let polygon = Polygon {
            rings: vec![PolygonRing {
                points: points
                    .iter()
                    .map(|&(x, y)| LinePoint {
                        p: Point { x: Pt(x), y: Pt(y) },
                        bezier: false,
                    })
                    .collect(),
            }],
            mode: PaintMode::Fill,
            winding_order: WindingOrder::NonZero,
        };
        self.ops().extend([
            Op::SetFillColor {
                col: colour.to_pdf(),
            },
            Op::DrawPolygon { polygon },
        ]);
    }

    /// A filled rectangle with its lower-left corner at (`x`, `y`).
    pub(crate) fn fill_rect(&mut self, x: f32, y: f32, width: f32, height: f32, colour: Colour) {
        // printpdf's `Rect::from_xywh` leaves the paint mode unset, which draws nothing.
        let rectangle = Rect {
            mode: Some(PaintMode::Fill),
            winding_order: Some(WindingOrder::NonZero),
            ..Rect::from_xywh(Pt(x), Pt(y), Pt(width), Pt(height))
        };
        self.ops().extend([
            Op::SetFillColor {
                col: colour.to_pdf(),
            },
            Op::DrawRectangle { rectangle },
        ]);
    }

    /// Every line of text drawn so far, per page, with its baseline.
    #[cfg(test)]
    pub(crate) fn lines_by_page(&self) -> Vec<Vec<(f32, String)>> {
        self.pages
            .iter()
            .map(|page| {
                let mut baseline = 0.0;
                let mut lines = Vec::new();
                // Shaped text is read from its span, not from its glyphs.
                let mut in_span = false;
                for op in &page.ops {
                    if let Some(typed) = text::actual_text(op) {
                        in_span = true;
                        lines.push((baseline, typed));
                        continue;
                    }
                    match op {
                        Op::EndMarkedContent => in_span = false,
                        Op::SetTextCursor { pos } if in_span => {
                            if let Some(last) = lines.last_mut() {
                                last.0 = pos.y.0;
                            }
                        }
                        Op::SetTextCursor { pos } => baseline = pos.y.0,
                        Op::ShowText { .. } if in_span => {}
                        Op::ShowText { items } => {
                            for item in items {
                                if let printpdf::TextItem::Text(text) = item {
                                    lines.push((baseline, text.clone()));
                                }
                            }
                        }
                        _ => {}
                    }
                }
                lines
            })
            .collect()
    }

    /// Adds the running header and footer, the outline, the metadata and the attached
    /// `plan_file`, and serialises.
    pub(crate) fn finish(
        mut self,
        info: &DocumentInfo,
        plan_file: Option<&str>,
    ) -> Result<RenderedReport> {
        let total = self.pages.len();
        let mut pages = Vec::with_capacity(total);
        for (index, mut draft) in std::mem::take(&mut self.pages).into_iter().enumerate() {
            let frame = if draft.landscape {
                self.landscape
            } else {
                self.frame
            };
            if draft.running {
                draft
                    .ops
                    .extend(running_ops(&self.fonts, &frame, info, index + 1, total));
            }
            let mut ops = placed_on_paper(draft.ops, frame.shift);
            ops.extend(
                self.links
                    .iter()
                    .filter(|link| link.on == index && link.to <= total)
                    .map(|link| link_op(link, frame.shift)),
            );
            pages.push(PdfPage::new(
                Mm::from(Pt(frame.width)),
                Mm::from(Pt(frame.height)),
                ops,
            ));
        }

        // printpdf orders outline entries by (page, title), not by insertion.
        for entry in &self.outline {
            self.pdf.add_bookmark(&entry.title, entry.page);
        }
        metadata::describe(&mut self.pdf, info);
        self.fonts
            .register_used(&mut self.pdf, pages.iter().map(|page| page.ops.as_slice()))?;
        self.pdf.with_pages(pages);

        // Subsetting only happens with printpdf's `text_layout` feature; without it the whole
        // 700 KB font goes in, silently.
        let options = PdfSaveOptions {
            subset_fonts: true,
            ..PdfSaveOptions::default()
        };
        let mut warnings = Vec::new();
        let mut file = self.pdf.to_lopdf_document(&options, &mut warnings);
        if let Some(error) = warnings
            .iter()
            .find(|w| w.severity == PdfParseErrorSeverity::Error)
        {
            return Err(Error::Pdf {
                message: format!("page {}: {}", error.page, error.msg),
            });
        }
        metadata::correct(&mut file, info)?;
        crate::reading::outline::mark_sections(&mut file, &self.outline);
        if let Some(text) = plan_file {
            attachment::attach(&mut file, &info.title, text, info.created_on)?;
        }
        file.compress();
        let mut bytes = Vec::new();
        file.save_to(&mut bytes).map_err(|e| Error::Pdf {
            message: e.to_string(),
        })?;
        Ok(RenderedReport {
            bytes,
            pages: u32::try_from(total).unwrap_or(u32::MAX),
        })
    }
}

fn rule_ops(x1: f32, x2: f32, y: f32, thickness: f32, colour: Colour) -> [Op; 3] {
    line_ops((x1, y), (x2, y), thickness, colour)
}

fn line_ops(from: (f32, f32), to: (f32, f32), thickness: f32, colour: Colour) -> [Op; 3] {
    let point = |(x, y): (f32, f32)| LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    };
    [
        Op::SetOutlineColor {
            col: colour.to_pdf(),
        },
        Op::SetOutlineThickness { pt: Pt(thickness) },
        Op::DrawLine {
            line: Line {
                points: vec![point(from), point(to)],
                is_closed: false,
            },
        },
    ]
}

/// The grid's drawing moved onto the paper (nothing to move on A4).
fn placed_on_paper(ops: Vec<Op>, (dx, dy): (f32, f32)) -> Vec<Op> {
    if dx == 0.0 && dy == 0.0 {
        return ops;
    }
    let mut placed = Vec::with_capacity(ops.len() + 3);
    placed.push(Op::SaveGraphicsState);
    placed.push(Op::SetTransformationMatrix {
        matrix: CurTransMat::Translate(Pt(dx), Pt(dy)),
    });
    placed.extend(ops);
    placed.push(Op::RestoreGraphicsState);
    placed
}

/// A link annotation, without a visible border; annotations are placed on the paper
/// directly, outside the content's shift.
fn link_op(link: &PageLink, (dx, dy): (f32, f32)) -> Op {
    let (x, y, width, height) = link.area;
    let rect = Rect::from_xywh(Pt(x + dx), Pt(y + dy), Pt(width), Pt(height));
    Op::LinkAnnotation {
        link: LinkAnnotation::new(
            rect,
            Actions::go_to(Destination::Xyz {
                page: link.to,
                left: None,
                top: None,
                zoom: None,
            }),
            Some(BorderArray::Solid([0.0, 0.0, 0.0])),
            Some(ColorArray::Transparent),
            Some(HighlightingMode::Invert),
        ),
    }
}

/// The running header (truncated to one line, flush right when it reads from the right) and
/// the footer with "Page N of M".
fn running_ops(
    fonts: &Fonts,
    frame: &PageFrame,
    info: &DocumentInfo,
    page: usize,
    total: usize,
) -> Vec<Op> {
    let style = styles::RUNNING;
    let width = |t: &str| text::width(fonts, &style, t);
    let parts: Vec<&str> = info.running_header.iter().map(String::as_str).collect();
    let right = frame.content_right;
    let header = wrap::fit_parts(&parts, " · ", right - CONTENT_LEFT, width);
    let page_label = format!("Page {page} of {total}");
    let footer_room = right - CONTENT_LEFT - width(&page_label) - 12.0;
    let footer = wrap::truncate(&info.running_footer, footer_room, width);

    // Set as the body is: a header that reads from the right (an Arabic or Hebrew name) stands
    // against the right margin.
    let right_to_left = shape::is_right_to_left(&header);
    let header_x = if right_to_left {
        right - width(&header)
    } else {
        CONTENT_LEFT
    };
    let mut ops = text::line_ops(
        fonts,
        (header_x, HEADER_BASELINE),
        &style,
        &header,
        Some(right_to_left),
    );
    ops.extend(rule_ops(
        CONTENT_LEFT,
        right,
        HEADER_RULE,
        HAIRLINE,
        palette::RULE,
    ));
    ops.extend(rule_ops(
        CONTENT_LEFT,
        right,
        frame.footer_rule(),
        HAIRLINE,
        palette::RULE,
    ));
    ops.extend(text_ops(
        fonts,
        CONTENT_LEFT,
        frame.footer_baseline(),
        &style,
        &footer,
    ));
    let label_x = right - width(&page_label);
    ops.extend(text_ops(
        fonts,
        label_x,
        frame.footer_baseline(),
        &style,
        &page_label,
    ));
    ops
}
