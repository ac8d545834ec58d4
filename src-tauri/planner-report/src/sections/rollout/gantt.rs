//! The rollout timeline as a Gantt chart: the academic terms along the top (grouped by
//! academic year, alternate years shaded), one bar per phase, and a diamond at each
//! credential's launch term with a line through the terms it is offered. Phases are shaded
//! light to dark in order, so the chart reads the same in greyscale.

use planner_core::rollout::{PhaseSpan, Term};

use crate::chart::{self, ChartLayout, Mark};
use crate::document::ReportDocument;
use crate::fonts::Face;
use crate::layout::{CONTENT_LEFT, CONTENT_RIGHT, MM, TextStyle, palette, styles};
use crate::plot::{TICK, TermColumns};
use crate::sections::rollout::plural;
use crate::wrap;

/// One credential's launch, as the chart marks it.
#[derive(Debug, Clone)]
pub(crate) struct Launch {
    pub(crate) title: String,
    /// Term index; at or past the term count it launches after the horizon.
    pub(crate) term: u32,
}

/// Above this many credentials the launches share one row, a diamond per launch term with the
/// number of credentials launching.
pub(crate) const MAX_LAUNCH_ROWS: usize = 12;
pub(crate) const LAUNCH_LEGEND: &str =
    "Launch term of a credential; the line after it marks the terms it is offered.";
pub(crate) const GROUPED_LEGEND: &str =
    "Launch terms, each with the number of credentials launching in it.";
pub(crate) const LAUNCHES_TITLE: &str = "Credential launches";
pub(crate) const AFTER_HORIZON: &str = "Launches after the plan's last term";

const LABEL_COLUMN: f32 = 53.0 * MM;
const LABEL_GAP: f32 = 3.0 * MM;
const PHASE_ROW: f32 = 10.5 * MM;
const PHASE_BAR: f32 = 4.6 * MM;
const LAUNCH_ROW: f32 = 6.0 * MM;
const DIAMOND: f32 = 1.6 * MM;
const OFFERED_LINE: f32 = 1.6;

const PHASE_NAME: TextStyle = TextStyle {
    face: Face::Bold,
    ..styles::CELL
};
const SPAN: TextStyle = styles::SMALL;
const TITLE: TextStyle = styles::CELL.with_size(7.5);
/// A credential's title takes at most this many lines beside its launch.
const TITLE_LINES: usize = 2;

/// Where every mark of the chart goes when its top edge is at `top`.
pub(crate) fn lay_out(
    doc: &ReportDocument,
    terms: &[Term],
    phases: &[PhaseSpan],
    launches: &[Launch],
    top: f32,
) -> ChartLayout {
    let plot_left = CONTENT_LEFT + LABEL_COLUMN;
    let plot_right = CONTENT_RIGHT;
    let columns = TermColumns::new(doc, terms, (plot_left, plot_right));
    let x_of = |term: usize| columns.x_of(term);
    let label_width = LABEL_COLUMN - LABEL_GAP;

    let mut background = Vec::new();
    let mut marks = Vec::new();
    let mut y = top;

    // The axis: academic years over the terms.
    let year_baseline = doc.baseline_below(&TICK, y);
    y -= TICK.line_height;
    let term_baseline = doc.baseline_below(&TICK, y);
    y -= TICK.line_height + 1.2 * MM;
    let axis_y = y;
    columns.years(doc, year_baseline, &mut marks);
    columns.term_names(doc, term_baseline, &mut marks);
    y -= 1.5 * MM;

    // One row per phase.
    for (i, phase) in phases.iter().enumerate() {
        let centre = y - PHASE_ROW / 2.0;
        let span = match (phase.first_term, phase.last_term) {
            (Some(first), Some(last)) => {
                let label = term_range(terms, first, last);
                if doc.text_width(&SPAN, &label) <= label_width {
                    label
                } else {
                    plural(phase.term_count as usize, "term", "terms")
                }
            }
            _ => "Not within the horizon".to_owned(),
        };
        let block = PHASE_NAME.line_height + SPAN.line_height;
        let name_top = centre + block / 2.0;
        let name = doc.baseline_below(&PHASE_NAME, name_top);
        marks.push(chart::text(
            doc,
            CONTENT_LEFT,
            name,
            PHASE_NAME,
            &phase.label,
        ));
        let span_baseline = doc.baseline_below(&SPAN, name_top - PHASE_NAME.line_height);
        marks.push(chart::text(doc, CONTENT_LEFT, span_baseline, SPAN, &span));

        if let (Some(first), Some(last)) = (phase.first_term, phase.last_term) {
            let (left, right) = (x_of(first as usize), x_of(last as usize + 1));
            let colour = palette::PHASES[i.min(3)];
            marks.push(Mark::Bar {
                x: left,
                y: centre - PHASE_BAR / 2.0,
                width: right - left,
                height: PHASE_BAR,
                colour,
            });
            let inside = plural(phase.term_count as usize, "term", "terms");
            let ink = if i >= 2 { palette::PAPER } else { palette::INK };
            let style = TICK.with_colour(ink);
            if doc.text_width(&style, &inside) + 2.0 * MM <= right - left {
                let baseline = chart::baseline_centred_on(doc, &style, centre);
                marks.push(chart::centred(
                    doc,
                    (left + right) / 2.0,
                    baseline,
                    style,
                    &inside,
                ));
            }
        }
        y -= PHASE_ROW;
    }

    // The launches.
    y -= 1.5 * MM;
    marks.push(Mark::hairline(
        (CONTENT_LEFT, y),
        (plot_right, y),
        palette::RULE,
    ));
    y -= 1.0 * MM;
    let heading_baseline = doc.baseline_below(&styles::LABEL, y);
    marks.push(chart::text(
        doc,
        CONTENT_LEFT,
        heading_baseline,
        styles::LABEL,
        LAUNCHES_TITLE,
    ));
    y -= styles::LABEL.line_height;
    let centre_of = |term: u32| columns.centre(term as usize);
    let inside = |term: u32| (term as usize) < terms.len();
    if launches.len() <= MAX_LAUNCH_ROWS {
        for launch in launches {
            let lines = title_lines(doc, &launch.title, label_width);
            let block = lines.len() as f32 * TITLE.line_height;
            let row = LAUNCH_ROW.max(block + 1.6 * MM);
            let centre = y - row / 2.0;
            let mut line_top = centre + block / 2.0;
            for line in &lines {
                let baseline = doc.baseline_below(&TITLE, line_top);
                marks.push(chart::text(doc, CONTENT_LEFT, baseline, TITLE, line));
                line_top -= TITLE.line_height;
            }
            if inside(launch.term) {
                let x = centre_of(launch.term);
                marks.push(Mark::Line {
                    from: (x, centre),
                    to: (plot_right, centre),
                    colour: palette::SECONDARY,
                    thickness: OFFERED_LINE,
                    dash: None,
                });
                marks.push(chart::diamond(x, centre, DIAMOND, palette::ACCENT));
            } else {
                let baseline = chart::baseline_centred_on(doc, &SPAN, centre);
                marks.push(chart::text(
                    doc,
                    plot_left + 1.0 * MM,
                    baseline,
                    SPAN,
                    AFTER_HORIZON,
                ));
            }
            y -= row;
        }
    } else {
        let row = 2.0 * LAUNCH_ROW;
        let centre = y - row / 2.0 - 1.0 * MM;
        let label = plural(launches.len(), "credential", "credentials");
        let baseline = chart::baseline_centred_on(doc, &TITLE, centre);
        marks.push(chart::text(doc, CONTENT_LEFT, baseline, TITLE, &label));
        let mut counts: Vec<(u32, usize)> = Vec::new();
        for launch in launches {
            match counts.iter_mut().find(|(t, _)| *t == launch.term) {
                Some((_, n)) => *n += 1,
                None => counts.push((launch.term, 1)),
            }
        }
        counts.sort_unstable();
        let later: usize = counts
            .iter()
            .filter(|(t, _)| !inside(*t))
            .map(|(_, n)| n)
            .sum();
        if let Some((first, _)) = counts.iter().find(|(t, _)| inside(*t)) {
            marks.push(Mark::Line {
                from: (centre_of(*first), centre),
                to: (plot_right, centre),
                colour: palette::SECONDARY,
                thickness: OFFERED_LINE,
                dash: None,
            });
        }
        for (term, n) in counts.iter().filter(|(t, _)| inside(*t)) {
            let x = centre_of(*term);
            marks.push(chart::diamond(x, centre, DIAMOND, palette::ACCENT));
            let baseline =
                doc.baseline_below(&TICK, centre + DIAMOND + TICK.line_height + 0.3 * MM);
            marks.push(chart::centred(
                doc,
                x,
                baseline,
                TICK.with_colour(palette::INK),
                &n.to_string(),
            ));
        }
        if later > 0 {
            let note = format!("{} after the horizon", plural(later, "launch", "launches"));
            let baseline = doc.baseline_below(&SPAN, centre - DIAMOND - 0.5 * MM);
            marks.push(chart::right_aligned(doc, plot_right, baseline, SPAN, &note));
        }
        y -= row + 2.0 * MM;
    }
    let rows_bottom = y;

    // Alternate academic years shaded under everything, the axis rule over the shading.
    columns.shade_alternate_years(rows_bottom, top, &mut background);
    background.push(Mark::hairline(
        (plot_left, axis_y),
        (plot_right, axis_y),
        palette::MUTED,
    ));
    background.push(Mark::hairline(
        (plot_left, rows_bottom),
        (plot_right, rows_bottom),
        palette::RULE,
    ));

    // The legend.
    y -= 2.5 * MM;
    let centre = y - SPAN.line_height / 2.0;
    marks.push(chart::diamond(
        plot_left + DIAMOND,
        centre,
        DIAMOND,
        palette::ACCENT,
    ));
    let legend_x = plot_left + 2.0 * DIAMOND + 1.5 * MM;
    let legend_width = plot_right - legend_x;
    let legend = if launches.len() <= MAX_LAUNCH_ROWS {
        LAUNCH_LEGEND
    } else {
        GROUPED_LEGEND
    };
    for line in doc.wrap(&SPAN, legend, legend_width) {
        let baseline = doc.baseline_below(&SPAN, y);
        marks.push(chart::text(doc, legend_x, baseline, SPAN, &line));
        y -= SPAN.line_height;
    }
    y = columns.key(doc, y, &mut marks);

    background.extend(marks);
    ChartLayout {
        marks: background,
        height: top - y,
    }
}

/// A title on at most [`TITLE_LINES`] lines, the last shortened with "…" if need be.
fn title_lines(doc: &ReportDocument, title: &str, width: f32) -> Vec<String> {
    let mut lines = doc.wrap(&TITLE, title, width);
    if lines.len() > TITLE_LINES {
        let rest = lines[TITLE_LINES - 1..].join(" ");
        lines.truncate(TITLE_LINES - 1);
        lines.push(wrap::truncate(&rest, width, |t| doc.text_width(&TITLE, t)));
    }
    lines
}

/// "Fall 2027 – Summer 2028", or the one term's label.
pub(crate) fn term_range(terms: &[Term], first: u32, last: u32) -> String {
    let label = |i: u32| {
        terms
            .get(i as usize)
            .map_or_else(|| format!("Term {}", i + 1), Term::label)
    };
    if first == last {
        label(first)
    } else {
        format!("{} – {}", label(first), label(last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{CONTENT_BOTTOM, CONTENT_TOP};
    use planner_core::rollout::RolloutResult;

    use super::super::sample_projection as sample;
    use crate::chart::test_page as document;

    fn launches(result: &RolloutResult, n: usize) -> Vec<Launch> {
        (0..n)
            .map(|i| Launch {
                title: format!("Credential number {i} with a long professional certificate title"),
                term: (i % result.terms.len()) as u32,
            })
            .collect()
    }

    fn assert_inside(layout: &ChartLayout, top: f32) {
        chart::assert_inside(layout, top);
        assert!(layout.height < CONTENT_TOP - CONTENT_BOTTOM, "fits a page");
    }

    #[test]
    fn every_phase_has_a_bar_over_its_terms_and_every_launch_a_diamond() {
        let doc = document();
        let result = sample();
        let launches: Vec<Launch> = result
            .uptake
            .credentials
            .iter()
            .zip(
                planner_core::sample_plan()
                    .rollout
                    .expect("rollout")
                    .credentials,
            )
            .map(|(u, c)| Launch {
                title: u.title.clone(),
                term: c.launch_term,
            })
            .collect();
        let layout = lay_out(&doc, &result.terms, &result.phases, &launches, CONTENT_TOP);
        assert_inside(&layout, CONTENT_TOP);

        let bars: Vec<(f32, f32)> = layout
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Bar {
                    x, width, colour, ..
                } if palette::PHASES.contains(colour) => Some((*x, *width)),
                _ => None,
            })
            .collect();
        assert_eq!(bars.len(), 4, "a bar per phase");
        let column = (CONTENT_RIGHT - CONTENT_LEFT - LABEL_COLUMN) / result.terms.len() as f32;
        for (bar, phase) in bars.iter().zip(&result.phases) {
            let terms = phase.term_count as f32;
            assert!(
                (bar.1 - terms * column).abs() < 0.01,
                "{phase:?} spans its terms"
            );
        }
        for pair in bars.windows(2) {
            assert!(
                (pair[0].0 + pair[0].1 - pair[1].0).abs() < 0.01,
                "phases follow on"
            );
        }
        let diamonds = layout
            .marks
            .iter()
            .filter(|m| matches!(m, Mark::Shape { colour, .. } if *colour == palette::ACCENT))
            .count();
        assert_eq!(
            diamonds,
            launches.len() + 1,
            "one per launch, one in the legend"
        );
        let texts = layout.texts();
        for phase in &result.phases {
            assert!(texts.contains(&phase.label.as_str()), "{texts:?}");
        }
        assert!(texts.contains(&"Fall 2027 – Summer 2028"), "{texts:?}");
        assert!(
            texts.contains(&"2027–28"),
            "academic years label the axis: {texts:?}"
        );
    }

    #[test]
    fn many_credentials_share_one_row_and_a_long_horizon_still_fits() {
        let doc = document();
        let result = sample();
        let many = launches(&result, 40);
        let layout = lay_out(&doc, &result.terms, &result.phases, &many, CONTENT_TOP);
        assert_inside(&layout, CONTENT_TOP);
        assert!(
            layout.texts().contains(&"40 credentials"),
            "{:?}",
            layout.texts()
        );

        // Ten years of quarters: forty narrow columns, labels shortened with a key.
        let mut terms = Vec::new();
        for year in 0..10 {
            for (n, name) in ["Autumn", "Winter", "Spring", "Summer"].iter().enumerate() {
                let mut term = result.terms[0].clone();
                term.index = (year * 4 + n) as u32;
                term.name = (*name).to_owned();
                term.academic_year = format!("{}–{:02}", 2027 + year, (28 + year) % 100);
                terms.push(term);
            }
        }
        let few = launches(&result, 3);
        let layout = lay_out(&doc, &terms, &result.phases, &few, CONTENT_TOP);
        assert_inside(&layout, CONTENT_TOP);
        let texts = layout.texts();
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("Terms: ") && t.contains("Autumn")),
            "a key to the short labels: {texts:?}"
        );
    }
}
