//! The Gantt chart's dependency arrows: each an elbow that drops from the end of the task
//! waited for (below its slack line) and runs right into the start of the task that waits,
//! drawn under the bars. Routed once on the whole chart as if it were one long page, then cut
//! at each page's edges, so an arrow to a task on a later page leaves the bottom of one page
//! and enters the top of the next.

use crate::chart::Mark;
use crate::document::ReportDocument;
use crate::layout::{Colour, MM, TextStyle, palette};
use crate::plot::TICK;

/// A dependency between two rows of the chart, by their place in its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GanttLink {
    pub(crate) from: usize,
    pub(crate) to: usize,
    pub(crate) lag_weeks: i32,
    /// The wait sets the end of the plan: drawn bold, as critical tasks are.
    pub(crate) critical: bool,
}

/// How far an arrow runs before it turns back into a task that starts before the one it waits
/// for ends (a milestone on the next day).
const STUB: f32 = 1.2 * MM;
const HEAD_LENGTH: f32 = 1.3 * MM;
const HEAD_HALF: f32 = 0.6 * MM;
pub(crate) const CRITICAL_THICKNESS: f32 = 1.1;
pub(crate) const OTHER_THICKNESS: f32 = 0.45;
const LAG: TextStyle = TICK.with_size(5.5);

/// Where a row is on the whole chart: its top, down from the chart's first row, and height;
/// where its mark starts and ends across the plot, and how far above and below its centre
/// the mark reaches.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowPlace {
    pub(crate) top: f32,
    pub(crate) height: f32,
    pub(crate) start: f32,
    pub(crate) end: f32,
    pub(crate) reach: f32,
}

impl RowPlace {
    fn centre(&self) -> f32 {
        self.top + self.height / 2.0
    }
}

/// One arrow as a path of points (x across the page, y down from the chart's first row).
struct Route {
    points: Vec<(f32, f32)>,
    link: GanttLink,
}

fn route(link: GanttLink, rows: &[RowPlace]) -> Route {
    let (from, to) = (rows[link.from], rows[link.to]);
    let down = link.to > link.from;
    let x0 = from.end;
    let y0 = from.centre() + if down { from.reach } else { -from.reach };
    let (x1, y1) = (to.start, to.centre());
    let points = if x1 - x0 >= STUB + HEAD_LENGTH {
        vec![(x0, y0), (x0, y1), (x1, y1)]
    } else {
        let edge = if down { to.top } else { to.top + to.height };
        let back = x1 - STUB - HEAD_LENGTH;
        vec![(x0, y0), (x0, edge), (back, edge), (back, y1), (x1, y1)]
    };
    Route { points, link }
}

/// The arrows' marks on one page: the part of the chart from `from` to `to` (down from its
/// first row), whose first row's top is at `rows_top` on the page; the plot starts at
/// `plot_left`.
pub(crate) fn page_marks(
    doc: &ReportDocument,
    links: &[GanttLink],
    rows: &[RowPlace],
    (from, to): (f32, f32),
    (rows_top, plot_left): (f32, f32),
) -> Vec<Mark> {
    let page_y = |y: f32| rows_top - (y - from);
    let within = |y: f32| y >= from - 0.01 && y <= to + 0.01;
    let mut marks = Vec::new();
    // Critical arrows last, over the others.
    let mut ordered: Vec<&GanttLink> = links.iter().filter(|l| !l.critical).collect();
    ordered.extend(links.iter().filter(|l| l.critical));
    for link in ordered {
        let Route { points, link } = route(*link, rows);
        let (colour, thickness) = if link.critical {
            (palette::ACCENT, CRITICAL_THICKNESS)
        } else {
            (palette::MUTED, OTHER_THICKNESS)
        };
        for pair in points.windows(2) {
            let ((xa, ya), (xb, yb)) = (pair[0], pair[1]);
            let (low, high) = (ya.min(yb).max(from), ya.max(yb).min(to));
            let cut = if ya == yb { within(ya) } else { low < high };
            if !cut {
                continue;
            }
            let clip = |y: f32| y.clamp(from, to);
            marks.push(Mark::Line {
                from: (xa, page_y(clip(ya))),
                to: (xb, page_y(clip(yb))),
                colour,
                thickness,
                dash: None,
            });
        }
        let (x1, y1) = points[points.len() - 1];
        if within(y1) {
            marks.push(head(x1, page_y(y1), colour));
            if link.lag_weeks > 0 {
                let text = weeks_later(link.lag_weeks);
                let width = doc.text_width(&LAG, &text);
                // Before the arrowhead when the plot has room, else after the task's bar.
                let before = x1 - HEAD_LENGTH - 0.6 * MM - width;
                let x = if before >= plot_left {
                    before
                } else {
                    rows[link.to].end + 0.8 * MM
                };
                marks.push(crate::chart::text(
                    doc,
                    x,
                    page_y(y1) + 0.7 * MM,
                    LAG,
                    &text,
                ));
            }
        }
    }
    marks
}

/// An arrowhead pointing right, its tip at (`x`, `y`).
pub(crate) fn head(x: f32, y: f32, colour: Colour) -> Mark {
    Mark::Shape {
        points: vec![
            (x, y),
            (x - HEAD_LENGTH, y + HEAD_HALF),
            (x - HEAD_LENGTH, y - HEAD_HALF),
        ],
        colour,
    }
}

/// "1 week later", "6 weeks later".
pub(crate) fn weeks_later(weeks: i32) -> String {
    if weeks == 1 {
        "1 week later".to_owned()
    } else {
        format!("{weeks} weeks later")
    }
}
