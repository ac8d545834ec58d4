//! The risks: a 5×5 matrix of likelihood against impact with each risk placed by its number,
//! and the table of risks with their mitigation and owner.

use planner_core::workplan::{IMPACT_WORDS, LIKELIHOOD_WORDS, Risk, SEVERITY_BANDS, severity_band};

use crate::chart::{self, ChartLayout, Mark};
use crate::document::ReportDocument;
use crate::fonts::Face;
use crate::layout::{CONTENT_LEFT, CONTENT_WIDTH, Colour, MM, TextStyle, palette, styles};
use crate::plot::{LEGEND, TICK};
use crate::sections::rollout::plural;
use crate::sections::{introduction, open_section, titled_table};
use crate::table::{Column, Table, titles};

pub(crate) const TITLE: &str = "Risks";
pub(crate) const NO_RISKS: &str = "No risks are recorded yet. The planner proposes them from \
     the weakest areas of the assessment once it is scored.";
pub(crate) const TABLE_TITLE: &str = "Risks and their mitigation";

const LABEL_COLUMN: f32 = 30.0 * MM;
const CELL_WIDTH: f32 = 24.0 * MM;
const CELL_HEIGHT: f32 = 13.0 * MM;
const NUMBER: TextStyle = TextStyle {
    face: Face::Bold,
    ..styles::CELL
};
const CORNER: TextStyle = styles::SMALL.with_size(6.5);
/// The severity bands' shading, lightest for the lowest: they read in greyscale too.
const BAND_COLOURS: [Colour; 4] = [
    palette::TINT,
    Colour(0xfb, 0xf1, 0xde),
    palette::HIGHLIGHT,
    Colour(0xee, 0xc9, 0x93),
];

pub(crate) fn draw(doc: &mut ReportDocument, risks: &[Risk]) {
    open_section(doc, TITLE);
    if risks.is_empty() {
        introduction(doc, NO_RISKS);
        return;
    }
    let top_band = SEVERITY_BANDS[SEVERITY_BANDS.len() - 1];
    let worst = risks.iter().filter(|r| r.severity() >= top_band.0).count();
    introduction(
        doc,
        &format!(
            "{}, {} of them {} (likelihood × impact of {} or more). Each has a mitigation and \
             an owner who sees it through.",
            plural(risks.len(), "risk", "risks"),
            worst,
            top_band.1.to_lowercase(),
            top_band.0
        ),
    );
    doc.move_down(6.0 * MM);
    chart::draw(doc, |doc, top| matrix(doc, risks, top));
    doc.move_down(8.0 * MM);

    let columns = [
        Column::left(10.0 * MM, styles::CELL),
        Column::left(42.0 * MM, styles::CELL),
        Column::left(23.0 * MM, styles::CELL),
        Column::left(20.0 * MM, styles::CELL),
        Column::left(CONTENT_WIDTH - 123.0 * MM, styles::CELL),
        Column::left(28.0 * MM, styles::CELL),
    ];
    let rows = risks
        .iter()
        .enumerate()
        .map(|(i, risk)| {
            vec![
                (i + 1).to_string(),
                risk.title.clone(),
                format!("{} {}", risk.likelihood, risk.likelihood_words()),
                format!("{} {}", risk.impact, risk.impact_words()),
                risk.mitigation.clone(),
                risk.owner_role.clone(),
            ]
        })
        .collect();
    titled_table(
        doc,
        TABLE_TITLE,
        None,
        &Table {
            columns: &columns,
            header: Some(titles(&[
                "No.",
                "Risk",
                "Likelihood",
                "Impact",
                "Mitigation",
                "Owner",
            ])),
            rows,
            ..Table::default()
        },
    );
}

/// "4 Likely".
fn scale_label(value: u8, words: &[&str; 5]) -> String {
    format!("{value} {}", words[usize::from(value) - 1])
}

/// The grid, likelihood rising up the side and impact along the foot, each risk's number in
/// its cell; the note under it.
pub(crate) fn matrix(doc: &ReportDocument, risks: &[Risk], top: f32) -> ChartLayout {
    let mut marks = Vec::new();
    let grid_left = CONTENT_LEFT + LABEL_COLUMN;
    let head_baseline = doc.baseline_below(&styles::LABEL, top);
    marks.push(chart::text(
        doc,
        CONTENT_LEFT,
        head_baseline,
        styles::LABEL,
        "Likelihood",
    ));
    let grid_top = top - styles::LABEL.line_height - 1.0 * MM;
    for likelihood in 1..=5u8 {
        let row_top = grid_top - f32::from(5 - likelihood) * CELL_HEIGHT;
        let centre = row_top - CELL_HEIGHT / 2.0;
        let label = scale_label(likelihood, &LIKELIHOOD_WORDS);
        let baseline = chart::baseline_centred_on(doc, &TICK, centre);
        marks.push(chart::text(
            doc,
            CONTENT_LEFT,
            baseline,
            TICK.with_colour(palette::INK),
            &label,
        ));
        for impact in 1..=5u8 {
            let left = grid_left + f32::from(impact - 1) * CELL_WIDTH;
            cell(
                doc,
                risks,
                (likelihood, impact),
                (left, row_top),
                &mut marks,
            );
        }
    }
    let grid_bottom = grid_top - 5.0 * CELL_HEIGHT;
    let mut y = grid_bottom - 1.0 * MM;
    let impact_baseline = doc.baseline_below(&TICK, y);
    for impact in 1..=5u8 {
        let centre = grid_left + (f32::from(impact) - 0.5) * CELL_WIDTH;
        let label = scale_label(impact, &IMPACT_WORDS);
        let style = TICK.with_colour(palette::INK);
        marks.push(chart::centred(doc, centre, impact_baseline, style, &label));
    }
    y -= TICK.line_height;
    let head_baseline = doc.baseline_below(&styles::LABEL, y);
    let centre = grid_left + 2.5 * CELL_WIDTH;
    marks.push(chart::centred(
        doc,
        centre,
        head_baseline,
        styles::LABEL,
        "Impact",
    ));
    y -= styles::LABEL.line_height + 2.0 * MM;
    for line in doc.wrap(&LEGEND, &matrix_note(), CONTENT_WIDTH) {
        let baseline = doc.baseline_below(&LEGEND, y);
        marks.push(chart::text(doc, CONTENT_LEFT, baseline, LEGEND, &line));
        y -= LEGEND.line_height;
    }
    ChartLayout {
        marks,
        height: top - y,
    }
}

/// One cell: shaded by severity, the severity in its top-right corner, and the numbers of its
/// risks centred (or how many there are, when their numbers do not fit).
fn cell(
    doc: &ReportDocument,
    risks: &[Risk],
    (likelihood, impact): (u8, u8),
    (left, top): (f32, f32),
    marks: &mut Vec<Mark>,
) {
    let severity = likelihood * impact;
    let band = SEVERITY_BANDS
        .iter()
        .rposition(|(from, _)| severity >= *from)
        .unwrap_or(0);
    marks.push(Mark::Bar {
        x: left,
        y: top - CELL_HEIGHT,
        width: CELL_WIDTH,
        height: CELL_HEIGHT,
        colour: BAND_COLOURS[band],
    });
    let (right, bottom) = (left + CELL_WIDTH, top - CELL_HEIGHT);
    for (from, to) in [((left, top), (right, top)), ((right, top), (right, bottom))] {
        marks.push(Mark::Line {
            from,
            to,
            colour: palette::PAPER,
            thickness: 1.5,
            dash: None,
        });
    }
    let corner = doc.baseline_below(&CORNER, top - 0.4 * MM);
    let words = severity_band(severity);
    marks.push(chart::text(doc, left + 1.0 * MM, corner, CORNER, words));
    marks.push(chart::right_aligned(
        doc,
        right - 1.0 * MM,
        corner,
        CORNER,
        &severity.to_string(),
    ));

    let numbers: Vec<String> = risks
        .iter()
        .enumerate()
        .filter(|(_, r)| r.likelihood == likelihood && r.impact == impact)
        .map(|(i, _)| (i + 1).to_string())
        .collect();
    if numbers.is_empty() {
        return;
    }
    let room = CELL_WIDTH - 4.0 * MM;
    let mut lines = doc.wrap(&NUMBER, &numbers.join("  "), room);
    let fits = (CELL_HEIGHT - CORNER.line_height) / NUMBER.line_height;
    if lines.len() as f32 > fits.floor() {
        lines = vec![plural(numbers.len(), "risk", "risks")];
    }
    let block = lines.len() as f32 * NUMBER.line_height;
    let mut line_top = top - CORNER.line_height / 2.0 - (CELL_HEIGHT - block) / 2.0;
    for line in lines {
        let baseline = doc.baseline_below(&NUMBER, line_top);
        marks.push(chart::centred(
            doc,
            left + CELL_WIDTH / 2.0,
            baseline,
            NUMBER,
            &line,
        ));
        line_top -= NUMBER.line_height;
    }
}

/// "Each number is a risk …: Low 1–4, Medium 5–9, High 10–14, Very high 15–25."
fn matrix_note() -> String {
    let bands: Vec<String> = SEVERITY_BANDS
        .iter()
        .enumerate()
        .map(|(i, (from, name))| {
            let to = SEVERITY_BANDS.get(i + 1).map_or(25, |(next, _)| next - 1);
            format!("{name} {from}–{to}")
        })
        .collect();
    format!(
        "Each number is a risk in the table below, placed by its likelihood and impact. A \
         cell's corners give its band and its likelihood × impact, shaded darker as it rises: \
         {}.",
        bands.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{assert_inside, test_page};
    use crate::layout::CONTENT_TOP;

    fn risk(likelihood: u8, impact: u8) -> Risk {
        Risk {
            area: None,
            title: format!("Risk at {likelihood} × {impact}"),
            likelihood,
            impact,
            mitigation: "Mitigate".to_owned(),
            owner_role: "Provost".to_owned(),
        }
    }

    #[test]
    fn each_risk_is_placed_by_its_number_in_its_cell_and_every_cell_names_its_band() {
        let doc = test_page();
        let risks = [risk(4, 5), risk(4, 4), risk(3, 4), risk(4, 4)];
        let layout = matrix(&doc, &risks, CONTENT_TOP);
        assert_inside(&layout, CONTENT_TOP);
        let texts = layout.texts();
        assert!(texts.contains(&"1"), "{texts:?}");
        assert!(
            texts.contains(&"2 4"),
            "two risks share likely × major: {texts:?}"
        );
        assert!(texts.contains(&"3"), "{texts:?}");
        for (_, band) in SEVERITY_BANDS {
            assert!(texts.contains(&band), "{band} named in the cells");
        }
        for words in LIKELIHOOD_WORDS.iter().chain(&IMPACT_WORDS) {
            assert!(
                texts.iter().any(|t| t.ends_with(words)),
                "{words} on an axis"
            );
        }
    }

    #[test]
    fn a_crowded_cell_says_how_many_risks_it_holds() {
        let doc = test_page();
        let risks: Vec<Risk> = (0..40).map(|_| risk(5, 5)).collect();
        let layout = matrix(&doc, &risks, CONTENT_TOP);
        assert_inside(&layout, CONTENT_TOP);
        assert!(layout.texts().contains(&"40 risks"), "{:?}", layout.texts());
    }
}
