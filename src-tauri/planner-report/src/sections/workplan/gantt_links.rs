//! The Gantt chart's dependency arrows, drawn under the bars. An arrow whose two tasks share a
//! page is drawn whole: an elbow that drops from the end of the task waited for (below its
//! slack line) and runs right into the start of the task that waits. An arrow between tasks on
//! different pages is not run across the pages, where hundreds of them would stack into dark
//! bands: the task that waits gets a short arrow into its start saying where the tasks it
//! waits for are, with any lag ("from p. 38 (2 weeks later), 41"), and the task waited for a
//! short arrow out of its end saying where the tasks waiting for it are ("to p. 47"). Arrows
//! with slack are thin and light, critical ones bold; a label ("2 weeks later") is set only
//! where it has room in its row, clear of the bars and of the other labels.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use crate::chart::Mark;
use crate::document::ReportDocument;
use crate::layout::{Colour, MM, TextStyle, palette};
use crate::plot::TICK;

use super::gantt::GanttRow;

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
/// The length of the short arrow into or out of a task whose partner is on another page.
const CROSSING: f32 = 3.0 * MM;
const HEAD_LENGTH: f32 = 1.3 * MM;
const HEAD_HALF: f32 = 0.6 * MM;
/// Between a label and what it stands beside.
const LABEL_GAP: f32 = 0.6 * MM;
/// Between a label and the next one along its row, so each reads as its own.
const BETWEEN_LABELS: f32 = 2.5 * MM;
pub(crate) const CRITICAL_THICKNESS: f32 = 1.1;
pub(crate) const OTHER_THICKNESS: f32 = 0.35;
/// Light enough that many waits with slack stay a faint web behind the bars.
pub(crate) const OTHER_COLOUR: Colour = palette::BENCHMARK;
const LAG: TextStyle = TICK.with_size(5.5);
const CROSSING_LABEL: TextStyle = TICK.with_size(5.5).with_colour(palette::INK);

/// Where a row is on the whole chart: its top, down from the chart's first row, and height;
/// where its bar or diamond starts and where arrows leave it across the plot (a diamond's
/// centre), how far above and below its centre it reaches, where it ends, and how far right
/// any of its marks (a slack line) reaches.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowPlace {
    pub(crate) top: f32,
    pub(crate) height: f32,
    pub(crate) start: f32,
    pub(crate) end: f32,
    pub(crate) reach: f32,
    pub(crate) mark_end: f32,
    pub(crate) right: f32,
}

impl RowPlace {
    fn centre(&self) -> f32 {
        self.top + self.height / 2.0
    }
}

/// How the far end of an arrow between pages is named.
#[derive(Debug, Clone, Copy)]
pub(crate) enum FarEnd<'a> {
    /// By its page in the PDF: the chart's first page is page `first`.
    Page { first: usize },
    /// By its task's name, where a page number means nothing (the HTML edition).
    Title(&'a [GanttRow]),
}

impl FarEnd<'_> {
    /// "from p. 38 (2 weeks later), 41", "to “Work package 12”": the far rows, each with the
    /// lag of the wait (none is given for the rows that wait).
    fn label(&self, towards: &str, rows: &BTreeSet<(usize, i32)>, page_of: &[usize]) -> String {
        let with_lag = |name: String, lag: i32| {
            if lag > 0 {
                format!("{name} ({})", weeks_later(lag))
            } else {
                name
            }
        };
        match self {
            FarEnd::Page { first } => {
                // Each page once, with the waits of its rows: two tasks on page 40, one waited
                // for at once and one with two weeks' lag, read "p. 40 (at once, 2 weeks later)"
                // (not "p. 40, 40 (2 weeks later)").
                let mut lags: BTreeMap<usize, BTreeSet<i32>> = BTreeMap::new();
                for &(r, lag) in rows {
                    lags.entry(first + page_of[r]).or_default().insert(lag);
                }
                let pages: Vec<String> = lags
                    .into_iter()
                    .map(|(page, lags)| {
                        let later: Vec<String> = lags
                            .iter()
                            .filter(|&&lag| lag > 0)
                            .map(|&lag| weeks_later(lag))
                            .collect();
                        match (later.is_empty(), lags.contains(&0)) {
                            (true, _) => page.to_string(),
                            (false, false) => format!("{page} ({})", later.join(", ")),
                            (false, true) => format!("{page} (at once, {})", later.join(", ")),
                        }
                    })
                    .collect();
                format!("{towards} p. {}", pages.join(", "))
            }
            FarEnd::Title(titles) => {
                let names: Vec<String> = rows
                    .iter()
                    .map(|&(r, lag)| with_lag(format!("“{}”", titles[r].title.trim()), lag))
                    .collect();
                format!("{towards} {}", names.join(", "))
            }
        }
    }
}

/// The rows one page shows and how arrows leaving them are drawn.
pub(crate) struct PageRows<'a> {
    /// The rows on this page.
    pub(crate) shown: Range<usize>,
    /// For every row of the chart, the page it prints on: arrows between rows of different
    /// pages are drawn as labelled stubs.
    pub(crate) page_of: &'a [usize],
    pub(crate) far: FarEnd<'a>,
}

/// One arrow as a path of points (x across the page, y down from the chart's first row), right
/// of `plot_left`.
fn route(link: GanttLink, rows: &[RowPlace], plot_left: f32) -> Vec<(f32, f32)> {
    let (from, to) = (rows[link.from], rows[link.to]);
    let down = link.to > link.from;
    let x0 = from.end;
    let y0 = from.centre() + if down { from.reach } else { -from.reach };
    let (x1, y1) = (to.start, to.centre());
    if x1 - x0 >= STUB + HEAD_LENGTH {
        vec![(x0, y0), (x0, y1), (x1, y1)]
    } else {
        let edge = if down { to.top } else { to.top + to.height };
        let back = (x1 - STUB - HEAD_LENGTH).max(plot_left);
        vec![(x0, y0), (x0, edge), (back, edge), (back, y1), (x1, y1)]
    }
}

fn pen(critical: bool) -> (Colour, f32) {
    if critical {
        (palette::ACCENT, CRITICAL_THICKNESS)
    } else {
        (OTHER_COLOUR, OTHER_THICKNESS)
    }
}

/// What is already drawn across each row, left to right, so a label goes only where it has
/// room. A label sits above the line through the row's centre, so it may stand over a slack
/// line, never over a bar.
struct RowSpace<'a> {
    rows: &'a [RowPlace],
    taken: HashMap<usize, Vec<(f32, f32)>>,
    plot: (f32, f32),
}

impl RowSpace<'_> {
    fn taken(&mut self, row: usize) -> &mut Vec<(f32, f32)> {
        let place = self.rows[row];
        self.taken
            .entry(row)
            .or_insert_with(|| vec![(place.start, place.mark_end)])
    }

    fn free(&mut self, row: usize, (left, right): (f32, f32)) -> bool {
        let (plot_left, plot_right) = self.plot;
        left >= plot_left
            && right <= plot_right
            && self
                .taken(row)
                .iter()
                .all(|&(a, b)| right <= a || left >= b)
    }

    /// Takes the first of `spans` that is free in `row`, and returns its left edge.
    fn claim(&mut self, row: usize, spans: &[(f32, f32)]) -> Option<f32> {
        let span = spans.iter().copied().find(|&span| self.free(row, span))?;
        self.taken(row).push(span);
        Some(span.0)
    }

    /// Takes the first room `width` wide in `row` from `x` rightwards, and returns its left
    /// edge.
    fn claim_right_of(&mut self, row: usize, x: f32, width: f32) -> Option<f32> {
        let mut taken = self.taken(row).clone();
        taken.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut left = x.max(self.plot.0);
        for (a, b) in taken {
            if left + width <= a {
                break;
            }
            if b > left {
                left = b + BETWEEN_LABELS;
            }
        }
        self.claim(row, &[(left, left + width)])
    }
}

/// The arrows' marks on one page: the part of the chart from `from` to `to` (down from its
/// first row), whose first row's top is at `rows_top` on the page; the plot runs from
/// `plot.0` to `plot.1` across it.
pub(crate) fn page_marks(
    doc: &ReportDocument,
    links: &[GanttLink],
    rows: &[RowPlace],
    page: &PageRows<'_>,
    (from, rows_top): (f32, f32),
    plot: (f32, f32),
) -> Vec<Mark> {
    let page_y = |y: f32| rows_top - (y - from);
    let shown = |row: usize| page.shown.contains(&row);
    let same_page = |link: &GanttLink| page.page_of[link.from] == page.page_of[link.to];
    let mut space = RowSpace {
        rows,
        taken: HashMap::new(),
        plot,
    };
    let mut lines = Vec::new();
    let mut labels = Vec::new();

    // Into a row and out of it, the rows on other pages (with the lag of each wait into the
    // row), and whether any of those waits is critical.
    type Ends = HashMap<usize, (BTreeSet<(usize, i32)>, bool)>;
    let mut incoming: Ends = HashMap::new();
    let mut outgoing: Ends = HashMap::new();
    for link in links.iter().filter(|l| !same_page(l)) {
        for (row, other, ends) in [
            (link.to, (link.from, link.lag_weeks), &mut incoming),
            (link.from, (link.to, 0), &mut outgoing),
        ] {
            if shown(row) {
                let (others, critical) = ends.entry(row).or_default();
                others.insert(other);
                *critical |= link.critical;
            }
        }
    }
    let sorted = |ends: Ends| {
        let mut ends: Vec<_> = ends.into_iter().collect();
        ends.sort_by_key(|(row, (_, critical))| (!critical, *row));
        ends
    };
    let (incoming, outgoing) = (sorted(incoming), sorted(outgoing));

    for (row, (others, critical)) in &incoming {
        let place = rows[*row];
        let (colour, thickness) = pen(*critical);
        let y = page_y(place.centre());
        let tip = place.start;
        let tail = (tip - CROSSING).max(plot.0);
        if tip - tail >= HEAD_LENGTH {
            lines.push(line((tail, y), (tip, y), colour, thickness));
            labels.push(head(tip, y, colour));
        }
        let text = page.far.label("from", others, page.page_of);
        let width = doc.text_width(&CROSSING_LABEL, &text);
        let before = tail - LABEL_GAP - width;
        let placed = space
            .claim(*row, &[(before, tail)])
            .or_else(|| space.claim_right_of(*row, place.mark_end + LABEL_GAP, width));
        if let Some(x) = placed {
            labels.push(label(doc, x, y, CROSSING_LABEL, &text));
        }
    }
    for (row, (others, critical)) in &outgoing {
        let place = rows[*row];
        let (colour, thickness) = pen(*critical);
        let y = page_y(place.centre());
        let tail = place.right + LABEL_GAP;
        let tip = tail + CROSSING;
        let text = page.far.label("to", others, page.page_of);
        let width = doc.text_width(&CROSSING_LABEL, &text);
        let with_arrow = (tail, tip + LABEL_GAP + width);
        if space.claim(*row, &[with_arrow]).is_some() {
            lines.push(line((tail, y), (tip, y), colour, thickness));
            labels.push(head(tip, y, colour));
            labels.push(label(doc, tip + LABEL_GAP, y, CROSSING_LABEL, &text));
        } else {
            // Over its slack line, else before its start.
            let before = place.start - LABEL_GAP - width;
            let placed = space
                .claim_right_of(*row, place.mark_end + LABEL_GAP, width)
                .or_else(|| space.claim(*row, &[(before, place.start)]));
            if let Some(x) = placed {
                labels.push(label(doc, x, y, CROSSING_LABEL, &text));
            }
        }
    }

    // Critical arrows last, over the others.
    let mut whole: Vec<&GanttLink> = links
        .iter()
        .filter(|l| same_page(l) && shown(l.to) && shown(l.from))
        .collect();
    whole.sort_by_key(|l| l.critical);
    for link in whole {
        let points = route(*link, rows, plot.0);
        let (colour, thickness) = pen(link.critical);
        for pair in points.windows(2) {
            let ((xa, ya), (xb, yb)) = (pair[0], pair[1]);
            lines.push(line((xa, page_y(ya)), (xb, page_y(yb)), colour, thickness));
        }
        let (x1, y1) = points[points.len() - 1];
        let y = page_y(y1);
        labels.push(head(x1, y, colour));
        if link.lag_weeks > 0 {
            let text = weeks_later(link.lag_weeks);
            let width = doc.text_width(&LAG, &text);
            let before = x1 - HEAD_LENGTH - LABEL_GAP - width;
            let after = rows[link.to].mark_end + LABEL_GAP;
            let placed = space
                .claim(link.to, &[(before, x1 - HEAD_LENGTH)])
                .or_else(|| space.claim_right_of(link.to, after, width));
            if let Some(x) = placed {
                labels.push(label(doc, x, y, LAG, &text));
            }
        }
    }
    lines.append(&mut labels);
    lines
}

fn line(from: (f32, f32), to: (f32, f32), colour: Colour, thickness: f32) -> Mark {
    Mark::Line {
        from,
        to,
        colour,
        thickness,
        dash: None,
    }
}

/// `text` just above the line through a row's centre at `y`, from `x`.
fn label(doc: &ReportDocument, x: f32, y: f32, style: TextStyle, text: &str) -> Mark {
    crate::chart::text(doc, x, y + 0.7 * MM, style, text)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stub_names_each_far_page_once_with_the_waits_of_its_tasks() {
        let far = FarEnd::Page { first: 38 };
        // Rows 0 and 1 print on the chart's first page (p. 38), rows 2 and 3 on its fourth.
        let page_of = [0, 0, 3, 3];
        let rows = |r: &[(usize, i32)]| r.iter().copied().collect::<BTreeSet<_>>();
        assert_eq!(
            far.label("from", &rows(&[(0, 2), (2, 0)]), &page_of),
            "from p. 38 (2 weeks later), 41"
        );
        assert_eq!(
            far.label("from", &rows(&[(0, 0), (1, 2)]), &page_of),
            "from p. 38 (at once, 2 weeks later)"
        );
        assert_eq!(
            far.label("to", &rows(&[(2, 0), (3, 0)]), &page_of),
            "to p. 41"
        );
        assert_eq!(
            far.label("from", &rows(&[(2, 1), (3, 3)]), &page_of),
            "from p. 41 (1 week later, 3 weeks later)"
        );
    }
}
