//! The work plan's Gantt chart: one row per task, in the plan's order, with its name and owner
//! at the left and its bar (a diamond for a milestone) on a time axis of academic years and
//! terms, the rollout's phases as bands behind the rows. A chart that fits a page is kept on
//! one; a longer one runs over pages turned sideways, with the time axis and the column heads
//! repeated at the top of each; a row is never split, and a name wraps rather than being cut.
//! How the dependencies are drawn is in `gantt_links`.

use std::ops::Range;

use chrono::{Days, NaiveDate};
use planner_core::rollout::{PhaseSpan, Term};

use crate::chart::{self, ChartLayout, Mark};
use crate::content::Block;
use crate::document::ReportDocument;
use crate::fonts::Face;
use crate::layout::{CONTENT_LEFT, CONTENT_TOP, CONTENT_WIDTH, MM, TextStyle, palette, styles};
use crate::plot::{LEGEND, LegendEntry, TICK, legend_line};

use super::gantt_links::{
    self, CRITICAL_THICKNESS, FarEnd, GanttLink, OTHER_COLOUR, OTHER_THICKNESS, PageRows, RowPlace,
};

/// One task as the chart draws it.
#[derive(Debug, Clone)]
pub(crate) struct GanttRow {
    pub(crate) title: String,
    pub(crate) owner: String,
    pub(crate) start: NaiveDate,
    /// Where its bar ends: the day after its last working day (its start, for a milestone).
    pub(crate) end: NaiveDate,
    /// Where its slack ends: the day after the latest it can finish without moving the plan.
    pub(crate) slack_end: NaiveDate,
    pub(crate) milestone: bool,
    pub(crate) critical: bool,
    /// The phase whose gate it finishes after, if it does.
    pub(crate) late_for: Option<String>,
}

/// Everything the chart needs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Gantt<'a> {
    pub(crate) rows: &'a [GanttRow],
    /// What waits for what, drawn as arrows.
    pub(crate) links: &'a [GanttLink],
    pub(crate) terms: &'a [Term],
    pub(crate) phases: &'a [PhaseSpan],
    /// Its columns across the page.
    pub(crate) columns: Columns,
}

/// The chart's columns: the tasks' names, their owners, and the plot up to `right`. On an
/// upright page the plot has half the text area; a long chart goes on pages turned sideways,
/// where each column is wider, owners fit on a line and the plot has most of the room.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Columns {
    task: f32,
    owner: f32,
    right: f32,
}

impl Columns {
    pub(crate) const UPRIGHT: Columns = Columns {
        task: 48.0 * MM,
        owner: 32.0 * MM,
        right: crate::layout::CONTENT_RIGHT,
    };

    /// The columns of a page turned sideways, whose text area ends at `right`.
    pub(crate) fn sideways(right: f32) -> Self {
        Self {
            task: 62.0 * MM,
            owner: 50.0 * MM,
            right,
        }
    }

    fn owner_left(&self) -> f32 {
        CONTENT_LEFT + self.task
    }

    fn plot_left(&self) -> f32 {
        CONTENT_LEFT + self.task + self.owner
    }
}

pub(crate) const TASK_HEAD: &str = "Task";
pub(crate) const OWNER_HEAD: &str = "Owner";
pub(crate) const CRITICAL_LEGEND: &str = "Critical task, name in bold: no slack";
pub(crate) const OTHER_LEGEND: &str = "Other task, dashed to the latest it can finish";
pub(crate) const MILESTONE_LEGEND: &str = "Milestone";
pub(crate) const LATE_LEGEND: &str = "Finishes after its phase’s gate";
pub(crate) const LINK_LEGEND: &str = "Waits for the task the arrow comes from";
pub(crate) const CRITICAL_LINK_LEGEND: &str = "Bold arrow: the wait sets the plan’s finish";

const GAP: f32 = 2.0 * MM;
const ROW_PAD: f32 = 0.7 * MM;
const BAR: f32 = 2.4 * MM;
const DIAMOND: f32 = 1.5 * MM;
/// A one-week task on a ten-year axis is still a visible stroke.
const MIN_BAR: f32 = 1.2;
const PHASE_STRIP: f32 = 3.8 * MM;
/// Term names under the academic years: a size smaller, as a summer term is narrow.
const TERM: TextStyle = TICK.with_size(6.5);

/// Set tight, so a long plan takes as few pages as it can while names stay whole.
const TITLE: TextStyle = TextStyle {
    line_height: 7.5 * 1.25,
    ..styles::CELL.with_size(7.5)
};
const CRITICAL_TITLE: TextStyle = TextStyle {
    face: Face::Bold,
    ..TITLE
};
const OWNER: TextStyle = TextStyle {
    line_height: 7.0 * 1.25,
    ..styles::SMALL.with_size(7.0)
};
const LATE: TextStyle = TextStyle {
    face: Face::Bold,
    ..styles::SMALL.with_size(7.0)
};

/// Dates along the plot, left to right.
#[derive(Debug, Clone, Copy)]
struct TimeScale {
    from: NaiveDate,
    days: f32,
    columns: Columns,
    /// The plot's edges.
    left: f32,
    right: f32,
}

impl TimeScale {
    fn x(&self, date: NaiveDate) -> f32 {
        let days = (date - self.from).num_days() as f32;
        self.left + (self.right - self.left) * (days / self.days).clamp(0.0, 1.0)
    }
}

fn day_after(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(1)).unwrap_or(date)
}

impl Gantt<'_> {
    /// From the earliest of the first term and the first task to the latest of the last term
    /// and the end of any task or its slack.
    fn scale(&self) -> TimeScale {
        let starts = self.terms.first().map(|t| t.start);
        let ends = self.terms.last().map(|t| day_after(t.end));
        let from = self.rows.iter().map(|r| r.start).chain(starts).min();
        let to = self
            .rows
            .iter()
            .map(|r| r.slack_end.max(r.end))
            .chain(ends)
            .max();
        match (from, to) {
            (Some(from), Some(to)) => TimeScale {
                from,
                days: (to - from).num_days().max(1) as f32,
                columns: self.columns,
                left: self.columns.plot_left(),
                right: self.columns.right,
            },
            _ => TimeScale {
                from: NaiveDate::MIN,
                days: 1.0,
                columns: self.columns,
                left: self.columns.plot_left(),
                right: self.columns.right,
            },
        }
    }
}

/// A row's lines and height, measured once.
struct Measured {
    title: Vec<String>,
    owner: Vec<String>,
    late: Option<String>,
    height: f32,
}

fn measure(doc: &ReportDocument, row: &GanttRow, columns: Columns) -> Measured {
    let style = if row.critical { CRITICAL_TITLE } else { TITLE };
    let title = doc.wrap(&style, &row.title, columns.task - GAP);
    let owner = doc.wrap(&OWNER, &row.owner, columns.owner - GAP);
    let late = row
        .late_for
        .as_ref()
        .map(|phase| format!("Ends after the {phase} gate"));
    let late_lines = late.as_ref().map_or(0, |text| {
        doc.wrap(&LATE, text, columns.task - GAP).len().max(1)
    });
    let left = title.len() as f32 * style.line_height + late_lines as f32 * LATE.line_height;
    let right = owner.len() as f32 * OWNER.line_height;
    Measured {
        title,
        owner,
        late,
        height: left.max(right).max(BAR + DIAMOND) + 2.0 * ROW_PAD,
    }
}

/// Which rows each page holds, as ranges: a row is never split, and the last one keeps the
/// legend. The first page's rows start under its header at `first_top`, every other page's
/// at the top of the text area; each stops above `bottom`.
fn paginate(
    gantt: &Gantt<'_>,
    measured: &[Measured],
    (header_height, legend_height): (f32, f32),
    first_top: f32,
    bottom: f32,
) -> Vec<Range<usize>> {
    let mut breaks = vec![0];
    let mut y = first_top - header_height;
    let mut rows_top = y;
    let last = measured.len().saturating_sub(1);
    for (i, size) in measured.iter().enumerate() {
        let need = size.height + if i == last { legend_height } else { 0.0 };
        if y - need < bottom && y < rows_top {
            breaks.push(i);
            rows_top = CONTENT_TOP - header_height;
            y = rows_top;
        }
        y -= size.height;
    }
    breaks.push(gantt.rows.len());
    breaks.windows(2).map(|pair| pair[0]..pair[1]).collect()
}

/// For each row, the number of the page (from 0) `pages` puts it on.
fn page_of_rows(pages: &[Range<usize>]) -> Vec<usize> {
    pages
        .iter()
        .enumerate()
        .flat_map(|(n, rows)| rows.clone().map(move |_| n))
        .collect()
}

/// Lays the chart out over as many pages as it needs, each stopping above `bottom`: the first
/// page's marks from `first_top`, every other page's from the top of the text area. Each page
/// has its header. The first is page `first_page` of the report, which an arrow to a task on
/// another page names.
pub(crate) fn lay_out(
    doc: &ReportDocument,
    gantt: &Gantt<'_>,
    (first_top, bottom): (f32, f32),
    first_page: usize,
) -> Vec<ChartLayout> {
    let (measured, pages) = measure_and_paginate(doc, gantt, (first_top, bottom));
    let page_of = page_of_rows(&pages);
    let far = FarEnd::Page { first: first_page };
    pages
        .iter()
        .enumerate()
        .map(|(n, rows)| {
            let top = if n == 0 { first_top } else { CONTENT_TOP };
            let page = PageRows {
                shown: rows.clone(),
                page_of: &page_of,
                far,
            };
            lay_out_page(doc, gantt, &measured, &page, top)
        })
        .collect()
}

/// Every row measured, and the rows each page of the PDF holds when the chart starts at
/// `first_top` and runs to `bottom` (the next pages from the top of their content).
fn measure_and_paginate(
    doc: &ReportDocument,
    gantt: &Gantt<'_>,
    (first_top, bottom): (f32, f32),
) -> (Vec<Measured>, Vec<Range<usize>>) {
    let measured: Vec<Measured> = gantt
        .rows
        .iter()
        .map(|r| measure(doc, r, gantt.columns))
        .collect();
    let heights = (
        header(doc, gantt, gantt.scale(), 0.0).1,
        legend(doc, gantt, 0.0).1,
    );
    let pages = paginate(gantt, &measured, heights, first_top, bottom);
    (measured, pages)
}

/// The whole chart as one page without end, for the HTML edition: an arrow is drawn whole
/// where the PDF (laid out from `first_top` above `bottom`) draws it whole, and otherwise
/// names the tasks at its far end.
fn lay_out_whole(
    doc: &ReportDocument,
    gantt: &Gantt<'_>,
    (first_top, bottom): (f32, f32),
) -> ChartLayout {
    let (measured, pages) = measure_and_paginate(doc, gantt, (first_top, bottom));
    let page = PageRows {
        shown: 0..gantt.rows.len(),
        page_of: &page_of_rows(&pages),
        far: FarEnd::Title(gantt.rows),
    };
    lay_out_page(doc, gantt, &measured, &page, 0.0)
}

/// One page of the chart from `top`: its header, the rows `page` shows, their arrows and, on
/// the last, the legend.
fn lay_out_page(
    doc: &ReportDocument,
    gantt: &Gantt<'_>,
    measured: &[Measured],
    page: &PageRows<'_>,
    top: f32,
) -> ChartLayout {
    let scale = gantt.scale();
    let places = places(gantt, measured, scale);
    let (mut marks, header_height) = header(doc, gantt, scale, top);
    let rows_top = top - header_height;
    let mut background = Vec::new();
    let mut y = rows_top;
    let span = page.shown.clone();
    for (row, size) in gantt.rows[span.clone()].iter().zip(&measured[span]) {
        draw_row(doc, row, size, scale, y, &mut background, &mut marks);
        y -= size.height;
    }
    background.extend(bands(gantt, scale, y, rows_top));
    let from = places.get(page.shown.start).map_or(0.0, |p| p.top);
    background.extend(gantt_links::page_marks(
        doc,
        gantt.links,
        &places,
        page,
        (from, rows_top),
        (scale.left, scale.right),
    ));
    background.append(&mut marks);
    let mut height = top - y;
    if page.shown.end == gantt.rows.len() {
        background.extend(legend(doc, gantt, y).0);
        height += legend(doc, gantt, y).1;
    }
    ChartLayout {
        marks: background,
        height,
    }
}

/// Each row's place on the whole chart, for the arrows.
fn places(gantt: &Gantt<'_>, measured: &[Measured], scale: TimeScale) -> Vec<RowPlace> {
    let mut top = 0.0;
    gantt
        .rows
        .iter()
        .zip(measured)
        .map(|(row, size)| {
            let (start, end) = bar_ends(row, scale);
            let slack_end = scale.x(row.slack_end);
            let place = RowPlace {
                top,
                height: size.height,
                start: if row.milestone {
                    start - DIAMOND
                } else {
                    start
                },
                end,
                reach: if row.milestone { DIAMOND } else { BAR / 2.0 },
                mark_end: if row.milestone { end + DIAMOND } else { end },
                right: if row.milestone { end + DIAMOND } else { end }.max(slack_end),
            };
            top += size.height;
            place
        })
        .collect()
}

/// Where a row's bar starts and ends across the plot; a milestone's diamond is centred on both.
fn bar_ends(row: &GanttRow, scale: TimeScale) -> (f32, f32) {
    let start = scale.x(row.start);
    if row.milestone {
        let x = start.clamp(scale.left + DIAMOND, scale.right - DIAMOND);
        return (x, x);
    }
    let end = scale.x(row.end).max(start + MIN_BAR).min(scale.right);
    (start.min(end - MIN_BAR), end)
}

/// Draws the chart from the cursor, or from the top of the next page when it does not fit
/// below it; the cursor ends below it. A chart longer than a page goes on pages turned
/// sideways, where its time axis has twice the room, and what follows it starts on an upright
/// page. What the report says records it whole, as one chart on a page without end.
pub(crate) fn draw(doc: &mut ReportDocument, gantt: &Gantt<'_>) {
    let sideways = lay_out(doc, gantt, (CONTENT_TOP, doc.content_bottom()), 1).len() > 1;
    let gantt = if sideways {
        let (bottom, right) = doc.sideways_text_area();
        let wide = Gantt {
            columns: Columns::sideways(right),
            ..*gantt
        };
        let pages = lay_out(doc, &wide, (CONTENT_TOP, bottom), 1).len();
        let note = |first: usize| {
            format!(
                "The Gantt chart follows on pages {first} to {}, turned sideways to give its \
                 time axis the width of the paper.",
                first + pages - 1
            )
        };
        let lines = doc.wrap(&styles::BODY, &note(0), CONTENT_WIDTH).len();
        doc.keep_together(lines as f32 * styles::BODY.line_height);
        let first = doc.page_number() + 1;
        doc.unrecorded(|doc| {
            doc.paragraph(CONTENT_LEFT, CONTENT_WIDTH, &styles::BODY, &note(first));
        });
        doc.start_landscape_page();
        wide
    } else {
        // It fits a page: never split, it starts on the next page when it must.
        let whole = lay_out(doc, gantt, (0.0, f32::NEG_INFINITY), 1);
        doc.keep_together(whole.iter().map(|page| page.height).sum());
        *gantt
    };
    let area = (doc.cursor(), doc.content_bottom());
    let chart = lay_out_whole(doc, &gantt, area);
    doc.record(Block::Chart {
        marks: chart.marks,
        top: 0.0,
        height: chart.height,
    });
    let pages = lay_out(doc, &gantt, area, doc.page_number());
    doc.unrecorded(|doc| {
        for (n, page) in pages.into_iter().enumerate() {
            if n > 0 && sideways {
                doc.start_landscape_page();
            } else if n > 0 {
                doc.start_page();
            }
            let top = doc.cursor();
            chart::draw_marks(doc, page.marks);
            doc.set_cursor(top - page.height);
        }
        if sideways {
            doc.start_page();
        }
    });
}

/// The academic years, the terms and the phases over the plot, and the column heads at the
/// left; returns the marks and the header's height.
fn header(doc: &ReportDocument, gantt: &Gantt<'_>, scale: TimeScale, top: f32) -> (Vec<Mark>, f32) {
    let mut marks = Vec::new();
    let labels = term_labels(doc, gantt.terms, scale);
    let with_terms = labels.iter().any(|l| !l.is_empty());
    let axis_text = TICK.line_height + if with_terms { TERM.line_height } else { 0.0 };
    // The column heads and the axis text share their bottom line.
    let block = axis_text.max(styles::LABEL.line_height);
    let mut y = top - (block - axis_text);
    let year_baseline = doc.baseline_below(&TICK, y);
    for (from, to, label) in academic_years(gantt.terms) {
        let (left, right) = (scale.x(from), scale.x(to));
        let label = year_label(doc, &label, right - left - 1.0 * MM);
        if !label.is_empty() {
            let style = TICK.with_colour(palette::INK);
            let centre = (left + right) / 2.0;
            marks.push(chart::centred(doc, centre, year_baseline, style, &label));
        }
    }
    y -= TICK.line_height;
    if with_terms {
        let term_baseline = doc.baseline_below(&TERM, y);
        for (term, label) in gantt.terms.iter().zip(labels) {
            let centre = (scale.x(term.start) + scale.x(day_after(term.end))) / 2.0;
            marks.push(chart::centred(doc, centre, term_baseline, TERM, &label));
        }
        y -= TERM.line_height;
    }
    for (x, head) in [
        (CONTENT_LEFT, TASK_HEAD),
        (scale.columns.owner_left(), OWNER_HEAD),
    ] {
        let baseline = doc.baseline_below(&styles::LABEL, y + styles::LABEL.line_height);
        marks.push(chart::text(doc, x, baseline, styles::LABEL, head));
    }
    y -= 0.8 * MM;

    for (i, phase) in gantt.phases.iter().enumerate() {
        let (Some(start), Some(end)) = (phase.start, phase.end) else {
            continue;
        };
        let (left, right) = (scale.x(start), scale.x(day_after(end)));
        marks.push(Mark::Bar {
            x: left,
            y: y - PHASE_STRIP,
            width: right - left,
            height: PHASE_STRIP,
            colour: palette::PHASES[i.min(3)],
        });
        let ink = if i >= 2 { palette::PAPER } else { palette::INK };
        let style = TICK.with_colour(ink);
        let label = phase_label(doc, &phase.label, right - left - 1.0 * MM);
        if !label.is_empty() {
            let baseline = chart::baseline_centred_on(doc, &style, y - PHASE_STRIP / 2.0);
            marks.push(chart::centred(
                doc,
                (left + right) / 2.0,
                baseline,
                style,
                &label,
            ));
        }
    }
    y -= PHASE_STRIP + 0.8 * MM;
    marks.push(Mark::hairline(
        (CONTENT_LEFT, y),
        (scale.right, y),
        palette::MUTED,
    ));
    (marks, top - y)
}

/// The first of `forms` that fits `room`, or nothing.
fn first_fitting(doc: &ReportDocument, forms: &[String], room: f32) -> String {
    forms
        .iter()
        .find(|form| doc.text_width(&TICK, form) <= room)
        .cloned()
        .unwrap_or_default()
}

/// "2027–28", else "27–28", else the year it starts, "2027".
fn year_label(doc: &ReportDocument, label: &str, room: f32) -> String {
    let forms = [
        label.to_owned(),
        label.chars().skip(2).collect(),
        label.chars().take(4).collect(),
    ];
    first_fitting(doc, &forms, room)
}

/// "Prepare", else "Pre.".
fn phase_label(doc: &ReportDocument, label: &str, room: f32) -> String {
    let short: String = label.chars().take(3).collect();
    first_fitting(doc, &[label.to_owned(), format!("{short}.")], room)
}

/// Each academic year's first day and the day after its last.
fn academic_years(terms: &[Term]) -> Vec<(NaiveDate, NaiveDate, String)> {
    let mut years: Vec<(NaiveDate, NaiveDate, String)> = Vec::new();
    for term in terms {
        match years.last_mut() {
            Some((_, end, label)) if *label == term.academic_year => *end = day_after(term.end),
            _ => years.push((term.start, day_after(term.end), term.academic_year.clone())),
        }
    }
    years
}

/// The terms' names, shortened (with a key under the chart) when the narrowest term cannot
/// hold them.
fn term_labels(doc: &ReportDocument, terms: &[Term], scale: TimeScale) -> Vec<String> {
    chart::term_axis(doc, terms, narrowest_term(terms, scale), &TERM).labels
}

fn narrowest_term(terms: &[Term], scale: TimeScale) -> f32 {
    terms
        .iter()
        .map(|t| scale.x(day_after(t.end)) - scale.x(t.start))
        .fold(f32::MAX, f32::min)
}

/// Every other phase tinted behind the rows from `bottom` to `top`, and a hairline at each
/// term's start.
fn bands(gantt: &Gantt<'_>, scale: TimeScale, bottom: f32, top: f32) -> Vec<Mark> {
    let mut marks = Vec::new();
    for (i, phase) in gantt.phases.iter().enumerate() {
        if let (1 | 3, Some(start), Some(end)) = (i, phase.start, phase.end) {
            let (left, right) = (scale.x(start), scale.x(day_after(end)));
            marks.push(Mark::Bar {
                x: left,
                y: bottom,
                width: right - left,
                height: top - bottom,
                colour: palette::TINT,
            });
        }
    }
    for term in gantt.terms {
        let x = scale.x(term.start);
        marks.push(Mark::hairline((x, bottom), (x, top), palette::RULE));
    }
    marks
}

fn draw_row(
    doc: &ReportDocument,
    row: &GanttRow,
    size: &Measured,
    scale: TimeScale,
    top: f32,
    background: &mut Vec<Mark>,
    marks: &mut Vec<Mark>,
) {
    let bottom = top - size.height;
    if row.late_for.is_some() {
        background.push(Mark::Bar {
            x: CONTENT_LEFT,
            y: bottom,
            width: scale.right - CONTENT_LEFT,
            height: size.height,
            colour: palette::HIGHLIGHT,
        });
    }
    let title_style = if row.critical { CRITICAL_TITLE } else { TITLE };
    let mut line_top = top - ROW_PAD;
    for line in &size.title {
        let baseline = doc.baseline_below(&title_style, line_top);
        marks.push(chart::text(doc, CONTENT_LEFT, baseline, title_style, line));
        line_top -= title_style.line_height;
    }
    if let Some(late) = &size.late {
        for line in doc.wrap(&LATE, late, scale.columns.task - GAP) {
            let baseline = doc.baseline_below(&LATE, line_top);
            marks.push(chart::text(doc, CONTENT_LEFT, baseline, LATE, &line));
            line_top -= LATE.line_height;
        }
    }
    let mut line_top = top - ROW_PAD;
    for line in &size.owner {
        let baseline = doc.baseline_below(&OWNER, line_top);
        let x = scale.columns.owner_left();
        marks.push(chart::text(doc, x, baseline, OWNER, line));
        line_top -= OWNER.line_height;
    }

    let centre = top - size.height / 2.0;
    let (start, end) = bar_ends(row, scale);
    let slack_end = scale.x(row.slack_end);
    if slack_end > end + 0.5 {
        marks.push(Mark::Line {
            from: (end, centre),
            to: (slack_end, centre),
            colour: palette::MUTED,
            thickness: 0.7,
            dash: Some((1.5, 1.2)),
        });
        marks.push(Mark::hairline(
            (slack_end, centre - BAR / 3.0),
            (slack_end, centre + BAR / 3.0),
            palette::MUTED,
        ));
    }
    let colour = if row.critical {
        palette::ACCENT
    } else {
        palette::SECONDARY
    };
    if row.milestone {
        marks.push(chart::diamond(start, centre, DIAMOND, colour));
    } else {
        marks.push(Mark::Bar {
            x: start,
            y: centre - BAR / 2.0,
            width: end - start,
            height: BAR,
            colour,
        });
    }
    background.push(Mark::hairline(
        (CONTENT_LEFT, bottom),
        (scale.right, bottom),
        palette::RULE,
    ));
}

/// The key to the marks, and the key to shortened term names; marks from `top`.
fn legend(doc: &ReportDocument, gantt: &Gantt<'_>, top: f32) -> (Vec<Mark>, f32) {
    let mut marks = Vec::new();
    let line = LEGEND.line_height + 1.0 * MM;
    let mut y = top - 2.5 * MM;
    let bar = |colour| Mark::Bar {
        x: 0.0,
        y: y - line / 2.0 - BAR / 2.0,
        width: 5.0 * MM,
        height: BAR,
        colour,
    };
    let critical = LegendEntry {
        width: 5.0 * MM,
        key: vec![bar(palette::ACCENT)],
        label: CRITICAL_LEGEND,
    };
    let other = LegendEntry {
        width: 9.0 * MM,
        key: vec![
            bar(palette::SECONDARY),
            Mark::Line {
                from: (5.0 * MM, y - line / 2.0),
                to: (9.0 * MM, y - line / 2.0),
                colour: palette::MUTED,
                thickness: 0.7,
                dash: Some((1.5, 1.2)),
            },
        ],
        label: OTHER_LEGEND,
    };
    legend_line(
        doc,
        CONTENT_LEFT,
        y - line / 2.0,
        vec![critical, other],
        &mut marks,
    );
    y -= line;
    if !gantt.links.is_empty() {
        let arrow = |thickness: f32, colour| {
            let centre = y - line / 2.0;
            vec![
                Mark::Line {
                    from: (0.0, centre),
                    to: (6.0 * MM, centre),
                    colour,
                    thickness,
                    dash: None,
                },
                gantt_links::head(6.0 * MM, centre, colour),
            ]
        };
        let entries = vec![
            LegendEntry {
                width: 6.0 * MM,
                key: arrow(OTHER_THICKNESS, OTHER_COLOUR),
                label: LINK_LEGEND,
            },
            LegendEntry {
                width: 6.0 * MM,
                key: arrow(CRITICAL_THICKNESS, palette::ACCENT),
                label: CRITICAL_LINK_LEGEND,
            },
        ];
        legend_line(doc, CONTENT_LEFT, y - line / 2.0, entries, &mut marks);
        y -= line;
    }
    let milestone = LegendEntry {
        width: 2.0 * DIAMOND,
        key: vec![chart::diamond(
            DIAMOND,
            y - line / 2.0,
            DIAMOND,
            palette::ACCENT,
        )],
        label: MILESTONE_LEGEND,
    };
    let late = LegendEntry {
        width: 5.0 * MM,
        key: vec![Mark::Bar {
            x: 0.0,
            y: y - line + 0.5 * MM,
            width: 5.0 * MM,
            height: line - 1.0 * MM,
            colour: palette::HIGHLIGHT,
        }],
        label: LATE_LEGEND,
    };
    let mut second = Vec::new();
    if gantt.rows.iter().any(|r| r.milestone) {
        second.push(milestone);
    }
    if gantt.rows.iter().any(|r| r.late_for.is_some()) {
        second.push(late);
    }
    if !second.is_empty() {
        legend_line(doc, CONTENT_LEFT, y - line / 2.0, second, &mut marks);
        y -= line;
    }
    let scale = gantt.scale();
    let axis = chart::term_axis(doc, gantt.terms, narrowest_term(gantt.terms, scale), &TERM);
    if let Some(key) = axis.key {
        let text = format!("Terms: {key}.");
        for line in doc.wrap(&LEGEND, &text, gantt.columns.right - CONTENT_LEFT) {
            let baseline = doc.baseline_below(&LEGEND, y);
            marks.push(chart::text(doc, CONTENT_LEFT, baseline, LEGEND, &line));
            y -= LEGEND.line_height;
        }
    }
    (marks, top - y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{assert_inside, test_page};
    use crate::layout::{CONTENT_BOTTOM, CONTENT_RIGHT};
    use crate::sections::workplan::sample::SampleWorkPlan;
    use crate::sections::workplan::schedule::{gantt_links, gantt_rows, scheduled};
    use planner_core::workplan::{Dependency, Task, TaskKind, WorkPlan};
    use std::collections::HashMap;

    fn rows(sample: &SampleWorkPlan) -> Vec<GanttRow> {
        let figures = sample.figures();
        gantt_rows(&figures, &scheduled(&figures))
    }

    fn links(sample: &SampleWorkPlan) -> Vec<GanttLink> {
        let figures = sample.figures();
        gantt_links(&figures, &scheduled(&figures))
    }

    fn chart<'a>(
        sample: &'a SampleWorkPlan,
        rows: &'a [GanttRow],
        links: &'a [GanttLink],
    ) -> Gantt<'a> {
        Gantt {
            rows,
            links,
            terms: &sample.rollout().terms,
            phases: &sample.rollout().phases,
            columns: Columns::UPRIGHT,
        }
    }

    fn pages(sample: &SampleWorkPlan, rows: &[GanttRow]) -> Vec<ChartLayout> {
        let doc = test_page();
        let links = links(sample);
        let gantt = chart(sample, rows, &links);
        lay_out(&doc, &gantt, (CONTENT_TOP, CONTENT_BOTTOM), FIRST_PAGE)
    }

    /// Every page's marks inside the text area, from the top of the page down.
    fn assert_on_the_page(pages: &[ChartLayout]) {
        for page in pages {
            assert_inside(page, CONTENT_TOP);
            assert!(
                CONTENT_TOP - page.height >= CONTENT_BOTTOM - 0.01,
                "above the footer"
            );
        }
    }

    /// The texts of every page, joined: names wrapped over lines read as typed.
    fn joined(page: &ChartLayout) -> String {
        page.texts().join(" ")
    }

    fn count(marks: &[Mark], wanted: impl Fn(&Mark) -> bool) -> usize {
        marks.iter().filter(|m| wanted(m)).count()
    }

    fn is_diamond(mark: &Mark) -> bool {
        matches!(mark, Mark::Shape { points, .. } if points.len() == 4)
    }

    fn is_arrowhead(mark: &Mark) -> bool {
        matches!(mark, Mark::Shape { points, .. } if points.len() == 3)
    }

    fn is_critical_arrow_line(mark: &Mark) -> bool {
        matches!(mark, Mark::Line { colour, thickness, .. }
            if *colour == palette::ACCENT && *thickness == CRITICAL_THICKNESS)
    }

    #[test]
    fn each_dependency_is_an_arrow_under_the_bars_critical_ones_bold_and_a_wait_in_words() {
        let sample = SampleWorkPlan::new();
        let rows = rows(&sample);
        let links = links(&sample);
        let critical = links.iter().filter(|l| l.critical).count();
        assert!(critical >= 5, "the sample's critical chain: {links:?}");
        assert!(links.iter().any(|l| !l.critical), "and waits with slack");
        let pages = pages(&sample, &rows);
        let marks = &pages[0].marks;
        assert_eq!(
            count(marks, is_arrowhead),
            links.len() + 2,
            "a head per dependency, two in the legend"
        );
        let bold_heads = count(
            marks,
            |m| matches!(m, Mark::Shape { points, colour } if points.len() == 3 && *colour == palette::ACCENT),
        );
        assert_eq!(
            bold_heads,
            critical + 1,
            "critical heads dark, one in the legend"
        );
        assert!(
            count(marks, is_critical_arrow_line) >= 2 * critical,
            "each critical arrow an elbow of bold lines"
        );
        let first_bar = marks
            .iter()
            .position(|m| matches!(m, Mark::Bar { height, .. } if *height == BAR))
            .expect("a bar");
        assert_eq!(
            count(&marks[..first_bar], is_arrowhead),
            links.len(),
            "every arrow comes before the first bar, so the bars cover them"
        );
        let text = joined(&pages[0]);
        assert!(
            text.contains("6 weeks later"),
            "the pilot's summer wait: {text}"
        );
        for legend in [LINK_LEGEND, CRITICAL_LINK_LEGEND] {
            assert!(text.contains(legend), "the legend says {legend:?}");
        }
    }

    /// The page the tests' charts start on.
    const FIRST_PAGE: usize = 20;

    /// For each title, the page of the report it prints on.
    fn page_of_titles(pages: &[ChartLayout]) -> HashMap<String, usize> {
        pages
            .iter()
            .enumerate()
            .flat_map(|(n, page)| {
                page.texts()
                    .into_iter()
                    .map(move |t| (t.to_owned(), FIRST_PAGE + n))
            })
            .collect()
    }

    #[test]
    fn an_arrow_to_a_task_on_another_page_is_a_short_arrow_naming_that_page() {
        let sample = long_plan(500, |i| format!("Custom task number {i}"));
        let rows = rows(&sample);
        let links = links(&sample);
        let pages = pages(&sample, &rows);
        assert_on_the_page(&pages);
        let page_of = page_of_titles(&pages);
        let page = |row: usize| page_of[&rows[row].title];
        // The sample's own tasks, whose names wrap, are all on the first page.
        let added = |row: usize| page_of.contains_key(&rows[row].title);
        let crossing: Vec<&GanttLink> = links
            .iter()
            .filter(|l| added(l.from) && added(l.to) && page(l.from) != page(l.to))
            .collect();
        assert!(crossing.len() >= 5, "chains of ten run over page breaks");
        assert!(crossing.iter().any(|l| l.lag_weeks > 0), "some with a lag");
        for link in crossing {
            let (from, to) = (page(link.from), page(link.to));
            let on = |n: usize| pages[n - FIRST_PAGE].texts();
            let waits = match link.lag_weeks {
                0 => format!("from p. {from}"),
                lag => format!("from p. {from} ({})", gantt_links::weeks_later(lag)),
            };
            assert!(
                on(to).contains(&waits.as_str()),
                "{:?} on page {to} says it waits for a task on page {from}: {waits:?}",
                rows[link.to].title
            );
            assert!(
                on(from).contains(&format!("to p. {to}").as_str()),
                "{:?} on page {from} says a task on page {to} waits for it",
                rows[link.from].title
            );
        }
        let heads: usize = pages.iter().map(|p| count(&p.marks, is_arrowhead)).sum();
        let whole = links
            .iter()
            .filter(|l| !added(l.from) || !added(l.to) || page(l.from) == page(l.to))
            .count();
        assert!(
            heads > whole + 2,
            "a head per arrow on a page, per short arrow and two in the legend"
        );
    }

    /// The arrows' lines: solid, in an arrow's colour and weight.
    fn arrow_lines(marks: &[Mark]) -> Vec<&Mark> {
        marks
            .iter()
            .filter(|m| {
                matches!(m, Mark::Line { dash: None, colour, thickness, .. }
                    if (*colour == palette::ACCENT && *thickness == CRITICAL_THICKNESS)
                        || (*colour == OTHER_COLOUR && *thickness == OTHER_THICKNESS))
            })
            .collect()
    }

    #[test]
    fn on_the_large_plan_arrows_stay_on_their_page_and_labels_never_touch_a_bar_or_each_other() {
        let sample = SampleWorkPlan::of(planner_core::sample::large_plan());
        let rows = rows(&sample);
        let links = links(&sample);
        let pages = pages(&sample, &rows);
        assert!(pages.len() > 5, "500 tasks run over pages");
        assert_on_the_page(&pages);
        let gantt = chart(&sample, &rows, &links);
        let header = header(&test_page(), &gantt, gantt.scale(), 0.0).1;
        let top = CONTENT_TOP - header;
        let mut longest = 0.0_f32;
        for (n, page) in pages.iter().enumerate().take(pages.len() - 1) {
            let bottom = CONTENT_TOP - page.height;
            for mark in arrow_lines(&page.marks) {
                let (l, r, b, t) = mark.extent();
                assert!(
                    l >= Columns::UPRIGHT.plot_left() - 0.01 && r <= CONTENT_RIGHT + 0.01,
                    "{mark:?} across the plot, page {}",
                    n + 1
                );
                assert!(
                    b >= bottom - 0.01 && t <= top + 0.01,
                    "{mark:?} among the rows, page {}",
                    n + 1
                );
                longest = longest.max(t - b);
            }
            let labels: Vec<&Mark> = page
                .marks
                .iter()
                .filter(|m| matches!(m, Mark::Text { style, .. } if style.size == 5.5))
                .collect();
            let bars: Vec<&Mark> = page
                .marks
                .iter()
                .filter(|m| {
                    matches!(m, Mark::Bar { height, .. } if *height == BAR) || is_diamond(m)
                })
                .collect();
            let overlap = |a: &Mark, b: &Mark| {
                let (al, ar, ab, at) = a.extent();
                let (bl, br, bb, bt) = b.extent();
                al < br - 0.01 && bl < ar - 0.01 && ab < bt - 0.01 && bb < at - 0.01
            };
            for (i, label) in labels.iter().enumerate() {
                for other in labels[i + 1..].iter().chain(&bars) {
                    assert!(
                        !overlap(label, other),
                        "{label:?} clear of {other:?}, page {}",
                        n + 1
                    );
                }
            }
        }
        assert!(
            longest < CONTENT_TOP - CONTENT_BOTTOM,
            "no arrow runs down a whole page: {longest}"
        );
        let texts: Vec<&str> = pages.iter().flat_map(ChartLayout::texts).collect();
        assert!(
            texts.iter().any(|t| t.starts_with("from p. ")),
            "waits on other pages are named"
        );
    }

    #[test]
    fn a_chart_that_fits_a_page_is_not_split_but_starts_on_the_next_one() {
        let sample = SampleWorkPlan::new();
        let rows = rows(&sample);
        let links = links(&sample);
        let mut doc = test_page();
        doc.move_down(150.0 * MM);
        draw(&mut doc, &chart(&sample, &rows, &links));
        let pages = doc.lines_by_page();
        assert_eq!(pages.len(), 2, "the chart takes the next page");
        assert!(pages[0].is_empty(), "and leaves the first: {:?}", pages[0]);
        let texts: Vec<&str> = pages[1].iter().map(|(_, t)| t.as_str()).collect();
        let text = texts.join(" ");
        for task in &sample.work_plan().tasks {
            assert!(text.contains(&task.title), "{:?} on it", task.title);
        }
        assert!(!text.contains("from p."), "no arrow runs to another page");
    }

    #[test]
    fn every_task_has_its_row_milestones_are_diamonds_and_critical_tasks_are_dark_and_bold() {
        let sample = SampleWorkPlan::new();
        let rows = rows(&sample);
        let pages = pages(&sample, &rows);
        assert_eq!(pages.len(), 1, "the sample's few tasks fit one page");
        assert_on_the_page(&pages);
        let marks = &pages[0].marks;
        let text = joined(&pages[0]);
        for task in &sample.work_plan().tasks {
            assert!(text.contains(&task.title), "{:?} in {text}", task.title);
            assert!(
                text.contains(&task.owner_role),
                "{:?} in {text}",
                task.owner_role
            );
        }
        let milestones = rows.iter().filter(|r| r.milestone).count();
        assert!(milestones > 0, "the sample has phase gates");
        let diamonds = count(marks, is_diamond);
        assert_eq!(
            diamonds,
            milestones + 1,
            "one per milestone, one in the legend"
        );
        let critical_bars = rows.iter().filter(|r| r.critical && !r.milestone).count();
        let dark_bars = count(
            marks,
            |m| matches!(m, Mark::Bar { colour, height, .. } if *colour == palette::ACCENT && *height == BAR),
        );
        assert_eq!(
            dark_bars,
            critical_bars + 1,
            "one per critical task, one in the legend"
        );
        let bold: Vec<&str> = marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { style, text, .. } if *style == CRITICAL_TITLE => Some(text.as_str()),
                _ => None,
            })
            .collect();
        let critical = rows.iter().filter(|r| r.critical).count();
        assert!(
            bold.len() >= critical,
            "each critical name in bold: {bold:?}"
        );
        for legend in [CRITICAL_LEGEND, OTHER_LEGEND, MILESTONE_LEGEND] {
            assert!(text.contains(legend), "the legend says {legend:?}");
        }
        assert!(!text.contains(LATE_LEGEND), "no late task, no key for one");
        for year in ["2026–27", "2027–28", "2030–31"] {
            assert!(text.contains(year), "the time axis names {year}: {text}");
        }
    }

    #[test]
    fn a_task_ending_after_its_gate_is_flagged_in_words_and_on_a_highlight() {
        let sample = SampleWorkPlan::with(|plan| {
            let first = plan
                .tasks
                .iter_mut()
                .find(|t| !t.kind.is_milestone())
                .expect("a task");
            first.duration_weeks = 150;
        });
        let rows = rows(&sample);
        let late = rows
            .iter()
            .find(|r| r.late_for.is_some())
            .expect("the long task is late");
        let pages = pages(&sample, &rows);
        assert_on_the_page(&pages);
        let text = joined(&pages[0]);
        let phase = late.late_for.as_deref().expect("its phase");
        assert!(
            text.contains(&format!("Ends after the {phase} gate")),
            "{text}"
        );
        assert!(text.contains(LATE_LEGEND), "{text}");
        let highlights = count(
            &pages[0].marks,
            |m| matches!(m, Mark::Bar { colour, .. } if *colour == palette::HIGHLIGHT),
        );
        let late_rows = rows.iter().filter(|r| r.late_for.is_some()).count();
        assert_eq!(
            highlights,
            late_rows + 1,
            "each late row, and the legend's key"
        );
    }

    /// The sample plus `n` tasks in chains of ten, each of which waits on the one before (a
    /// task at an odd place a week after it).
    fn long_plan(n: usize, title: impl Fn(usize) -> String) -> SampleWorkPlan {
        let milestone = |i: usize| i % 25 == 24;
        SampleWorkPlan::with(|plan: &mut WorkPlan| {
            for i in 0..n {
                plan.tasks.push(Task {
                    id: format!("extra-{i}"),
                    title: title(i),
                    owner_role: "Director of teaching and learning".to_owned(),
                    duration_weeks: if milestone(i) { 0 } else { 1 + (i % 7) as i32 },
                    pinned_term: None,
                    phase: None,
                    kind: if milestone(i) {
                        TaskKind::Milestone
                    } else {
                        TaskKind::Custom
                    },
                });
                if i % 10 != 0 {
                    let before = format!("extra-{}", i - 1);
                    let lag = (i % 2) as i32;
                    plan.dependencies
                        .push(Dependency::new(&before, &format!("extra-{i}"), lag));
                }
            }
        })
    }

    #[test]
    fn a_long_plan_runs_over_pages_with_the_header_on_each_and_every_task_once() {
        let sample = long_plan(500, |i| format!("Custom task number {i}"));
        let rows = rows(&sample);
        let pages = pages(&sample, &rows);
        assert!(
            pages.len() >= 5,
            "500 rows need several pages: {}",
            pages.len()
        );
        assert!(
            pages.len() <= 20,
            "but not one per handful of rows: {}",
            pages.len()
        );
        assert_on_the_page(&pages);
        for (n, page) in pages.iter().enumerate() {
            let texts = page.texts();
            for head in [TASK_HEAD, OWNER_HEAD, "2026–27", "Prepare"] {
                assert!(texts.contains(&head), "{head:?} heads page {}", n + 1);
            }
        }
        let all: Vec<&str> = pages.iter().flat_map(ChartLayout::texts).collect();
        for i in 0..500 {
            let title = format!("Custom task number {i}");
            let times = all.iter().filter(|t| **t == title).count();
            assert_eq!(times, 1, "{title} printed once");
        }
    }

    #[test]
    fn on_a_ten_year_horizon_every_year_and_phase_keeps_a_label_in_a_shorter_form() {
        let mut plan = planner_core::sample_plan();
        plan.rollout.as_mut().expect("a rollout").horizon_years = 10;
        let sample = SampleWorkPlan::of(plan);
        let rows = rows(&sample);
        let pages = pages(&sample, &rows);
        assert_on_the_page(&pages);
        let texts = pages[0].texts();
        let years: Vec<&str> = texts
            .iter()
            .copied()
            .filter(|t| t.starts_with("20"))
            .collect();
        let academic = academic_years(&sample.rollout().terms);
        // The plan's last days may fall in a sliver of a year too narrow to name.
        assert!(
            years.len() + 1 >= academic.len(),
            "a label per academic year: {years:?} for {academic:?}"
        );
        for ((_, _, full), label) in academic.iter().zip(&years) {
            assert!(full.starts_with(label), "{label:?} stands for {full:?}");
        }
        for phase in &sample.rollout().phases {
            let short = format!("{}.", &phase.label[..3]);
            assert!(
                texts.contains(&phase.label.as_str()) || texts.contains(&short.as_str()),
                "{:?} named in the phase strip: {texts:?}",
                phase.label
            );
        }
    }

    #[test]
    fn the_html_edition_gets_the_whole_chart_once_whatever_the_pages() {
        let sample = long_plan(120, |i| format!("Custom task number {i}"));
        let rows = rows(&sample);
        let mut doc = test_page();
        let links = links(&sample);
        let gantt = Gantt {
            rows: &rows,
            links: &links,
            terms: &sample.rollout().terms,
            phases: &sample.rollout().phases,
            columns: Columns::UPRIGHT,
        };
        draw(&mut doc, &gantt);
        assert!(doc.lines_by_page().len() > 2, "the PDF runs over pages");
        let charts: Vec<&Vec<Mark>> = doc
            .content()
            .iter()
            .filter_map(|block| match block {
                Block::Chart { marks, .. } => Some(marks),
                _ => None,
            })
            .collect();
        assert_eq!(charts.len(), 1, "one chart, with no page breaks");
        assert_eq!(doc.content().len(), 1, "and nothing else recorded");
        let texts: Vec<&str> = charts[0]
            .iter()
            .filter_map(|m| match m {
                Mark::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            texts.iter().filter(|t| **t == TASK_HEAD).count(),
            1,
            "its header once"
        );
        for i in 0..120 {
            let title = format!("Custom task number {i}");
            assert!(texts.contains(&title.as_str()), "{title} in it");
        }
    }

    #[test]
    fn a_long_name_wraps_in_its_column_with_every_word() {
        let long = |i: usize| {
            format!(
                "Task {i}: agree with the registrar, the deans of every faculty and the \
                 curriculum committee how credit from industry certificates is recorded on \
                 transcripts and in the student information system"
            )
        };
        let sample = long_plan(40, long);
        let rows = rows(&sample);
        let pages = pages(&sample, &rows);
        assert_on_the_page(&pages);
        let words: Vec<String> = pages
            .iter()
            .flat_map(ChartLayout::texts)
            .flat_map(|t| t.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
            .collect();
        let expected: Vec<String> = long(7).split_whitespace().map(str::to_owned).collect();
        let at = words
            .iter()
            .position(|w| w == "7:")
            .expect("task 7's name is printed");
        assert_eq!(
            words[at - 1..at - 1 + expected.len()],
            expected[..],
            "every word, in order"
        );
        for page in &pages {
            for mark in &page.marks {
                if let Mark::Text {
                    x, width, style, ..
                } = mark
                    && (*style == TITLE || *style == CRITICAL_TITLE)
                {
                    assert!(
                        x + width <= CONTENT_LEFT + Columns::UPRIGHT.task,
                        "{mark:?} in its column"
                    );
                }
            }
        }
    }
}
