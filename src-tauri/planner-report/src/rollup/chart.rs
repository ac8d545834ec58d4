//! Enrolments by fiscal year, a bar per year stacked by campus: enrolments add up across
//! campuses whatever their currency or credit, so this chart always has its total. Campuses
//! beyond the palette share one last shade, named "Other campuses".

use planner_core::format::count;
use planner_core::rollup::Rollup;

use crate::chart::{self, ChartLayout, Mark};
use crate::document::ReportDocument;
use crate::layout::{CONTENT_LEFT, CONTENT_RIGHT, Colour, MM, palette};
use crate::plot::{LEGEND, LegendEntry, TICK, ValueAxis, legend_line};

const PLOT_HEIGHT: f32 = 56.0 * MM;
const SWATCH: f32 = 3.0 * MM;
/// Dark to light, so neighbouring campuses stay apart in greyscale print too.
const SHADES: [Colour; 6] = [
    palette::PHASES[3],
    palette::SECONDARY,
    palette::PHASES[2],
    palette::BENCHMARK,
    palette::PHASES[1],
    palette::PHASES[0],
];
pub(crate) const OTHERS: &str = "Other campuses";

pub(crate) fn draw(doc: &mut ReportDocument, rollup: &Rollup) {
    chart::draw(doc, |doc, top| lay_out(doc, rollup, top));
}

/// The shade of the `i`th campus, and the legend's name for it.
fn shade(i: usize) -> Colour {
    SHADES[i.min(SHADES.len() - 1)]
}

pub(crate) fn lay_out(doc: &ReportDocument, rollup: &Rollup, top: f32) -> ChartLayout {
    let mut background = Vec::new();
    let mut marks = Vec::new();

    // The legend, wrapped onto as many lines as the campuses need.
    let mut names: Vec<&str> = rollup
        .campuses
        .iter()
        .take(SHADES.len() - 1)
        .map(|c| c.institution.as_str())
        .collect();
    if rollup.campuses.len() >= SHADES.len() {
        names.push(OTHERS);
    }
    let mut centre = top - LEGEND.line_height / 2.0;
    let mut x = CONTENT_LEFT;
    for (i, name) in names.iter().enumerate() {
        let width = SWATCH + 1.5 * MM + doc.text_width(&LEGEND, name) + 6.0 * MM;
        if x > CONTENT_LEFT && x + width > CONTENT_RIGHT {
            x = CONTENT_LEFT;
            centre -= LEGEND.line_height;
        }
        let entry = LegendEntry {
            width: SWATCH,
            key: vec![Mark::Bar {
                x: 0.0,
                y: centre - SWATCH / 2.0,
                width: SWATCH,
                height: SWATCH,
                colour: shade(i),
            }],
            label: name,
        };
        x = legend_line(doc, x, centre, vec![entry], &mut marks);
    }
    let plot_top = centre - LEGEND.line_height / 2.0 - 4.0 * MM;

    let high = rollup
        .years
        .iter()
        .map(|y| y.total.enrolments)
        .fold(0.0, f64::max);
    let values = ValueAxis::new(doc, (0.0, high), count, plot_top, PLOT_HEIGHT);
    values.draw(doc, CONTENT_RIGHT, &mut background, &mut marks);
    let (plot_left, plot_bottom) = (values.plot_left, values.bottom);

    let n = rollup.years.len().max(1);
    let column = (CONTENT_RIGHT - plot_left) / n as f32;
    let bar = column * 0.6;
    for (i, year) in rollup.years.iter().enumerate() {
        let x = plot_left + column * i as f32 + (column - bar) / 2.0;
        let mut below = 0.0;
        for (c, at) in year.campuses.iter().enumerate() {
            let Some(figures) = &at.figures else { continue };
            let (from, to) = (values.y_of(below), values.y_of(below + figures.enrolments));
            below += figures.enrolments;
            if to > from {
                marks.push(Mark::Bar {
                    x,
                    y: from,
                    width: bar,
                    height: to - from,
                    colour: shade(c),
                });
            }
        }
    }

    // Fiscal years along the bottom; every other one when they crowd.
    let widest = rollup
        .years
        .iter()
        .map(|y| doc.text_width(&TICK, &y.label))
        .fold(0.0, f32::max);
    let every = if widest + 1.0 * MM <= column { 1 } else { 2 };
    let baseline = doc.baseline_below(&TICK, plot_bottom - 1.2 * MM);
    for (i, year) in rollup.years.iter().enumerate() {
        if i % every == 0 {
            let centre = plot_left + column * (i as f32 + 0.5);
            marks.push(chart::centred(doc, centre, baseline, TICK, &year.label));
        }
    }
    let bottom = plot_bottom - 1.2 * MM - TICK.line_height;

    background.extend(marks);
    ChartLayout {
        marks: background,
        height: top - bottom,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::CONTENT_TOP;
    use planner_core::rollup::roll_up;
    use planner_core::{StoredPlan, sample_plan};

    #[test]
    fn each_campus_has_a_bar_in_each_year_it_enrols_in_and_a_legend_swatch() {
        let mut later = sample_plan();
        later.profile.name = "Harbour Campus".to_owned();
        if let Some(rollout) = later.rollout.as_mut() {
            rollout.start_date = chrono::NaiveDate::from_ymd_opt(2027, 9, 1).expect("a date");
        }
        let plans: Vec<_> = [sample_plan(), later]
            .into_iter()
            .enumerate()
            .map(|(i, plan)| {
                StoredPlan {
                    id: i as i64 + 1,
                    plan,
                    revision: 1,
                    created_at: String::new(),
                    updated_at: String::new(),
                }
                .detail()
            })
            .collect();
        let rollup = roll_up(&plans).expect("two plans roll up");
        let doc = chart::test_page();
        let layout = lay_out(&doc, &rollup, CONTENT_TOP);
        chart::assert_inside(&layout, CONTENT_TOP);
        for (c, campus) in rollup.campuses.iter().enumerate() {
            let enrolling = rollup
                .years
                .iter()
                .filter(|y| y.campuses[c].figures.is_some_and(|f| f.enrolments > 0.0))
                .count();
            let bars = layout
                .marks
                .iter()
                .filter(|m| matches!(m, Mark::Bar { colour, .. } if *colour == shade(c)))
                .count();
            assert_eq!(
                bars,
                enrolling + 1,
                "{}: a bar per year with enrolments, and its legend swatch",
                campus.institution
            );
        }
        let texts = layout.texts();
        assert!(
            texts.contains(&"Harbour Campus") && texts.contains(&"FY2032"),
            "{texts:?}"
        );
    }
}
