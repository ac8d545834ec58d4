//! The uptake projection: the assumptions in a sentence, the totals, the chart per term, the
//! tables per term and per credential, and the calibration against the reference system.

use planner_core::format_count;
use planner_core::rollout::{Calibration, CalibrationVerdict, FAR_FACTOR, UptakeTotals};

use crate::chart;
use crate::document::ReportDocument;
use crate::layout::{CONTENT_LEFT, CONTENT_WIDTH, MM, palette, styles};
use crate::sections::rollout::{Rollout, uptake_chart};
use crate::sections::{introduction, key_figures, note_box, open_section, titled_table};
use crate::table::{self, Column, Table};
use planner_core::format::{count, decimal, one_decimal, percent};

pub(crate) const TITLE: &str = "Uptake projection";
pub(crate) const BY_TERM_TITLE: &str = "By term";
pub(crate) const BY_CREDENTIAL_TITLE: &str = "By credential";
pub(crate) const CALIBRATION_TITLE: &str = "Calibration against the reference system";
pub(crate) const ROUNDING_NOTE: &str =
    "Figures are rounded for display; totals are of the unrounded figures.";

pub(crate) fn draw(doc: &mut ReportDocument, rollout: &Rollout<'_>) {
    let result = rollout.result;
    let uptake = &result.uptake;
    open_section(doc, TITLE);
    introduction(doc, &assumptions(rollout));
    doc.move_down(5.0 * MM);
    let totals = &uptake.totals;
    key_figures(
        doc,
        &[
            ("Enrolments", count(totals.enrolments)),
            ("Completions", count(totals.completions)),
            ("Courses completed", count(totals.course_completions)),
            ("Credits awarded", count(totals.credits_awarded)),
        ],
    );
    key_figures(
        doc,
        &[("Learners, each student once", count(uptake.learners))],
    );
    doc.move_down(8.0 * MM);

    chart::draw(doc, |doc, top| {
        uptake_chart::lay_out(doc, &result.terms, &uptake.by_term, top)
    });
    doc.move_down(8.0 * MM);

    let label = 30.0 * MM;
    let phase = 22.0 * MM;
    let figure = (CONTENT_WIDTH - label - phase) / 4.0;
    let columns = [
        Column::left(label, styles::CELL),
        Column::left(phase, styles::CELL),
        Column::right(figure, styles::CELL),
        Column::right(figure, styles::CELL),
        Column::right(figure, styles::CELL),
        Column::right(figure, styles::CELL),
    ];
    let rows = result
        .terms
        .iter()
        .zip(&uptake.by_term)
        .map(|(term, figures)| {
            let mut row = vec![term.label(), term.phase.label().to_owned()];
            row.extend(figure_cells(figures));
            row
        })
        .collect();
    let mut footer = vec!["Total".to_owned(), String::new()];
    footer.extend(figure_cells(totals));
    titled_table(
        doc,
        BY_TERM_TITLE,
        None,
        &Table {
            columns: &columns,
            header: Some(table::titles(&[
                "Term",
                "Phase",
                "Enrolments",
                "Completions",
                "Courses completed",
                "Credits awarded",
            ])),
            rows,
            footer: Some(footer),
            ..Table::default()
        },
    );
    doc.move_down(2.0 * MM);
    doc.paragraph(CONTENT_LEFT, CONTENT_WIDTH, &styles::SMALL, ROUNDING_NOTE);

    if !uptake.credentials.is_empty() {
        doc.move_down(8.0 * MM);
        let title = 58.0 * MM;
        let courses = 16.0 * MM;
        let figure = (CONTENT_WIDTH - title - courses) / 4.0;
        let columns = [
            Column::left(title, styles::CELL),
            Column::right(courses, styles::CELL),
            Column::right(figure, styles::CELL),
            Column::right(figure, styles::CELL),
            Column::right(figure, styles::CELL),
            Column::right(figure, styles::CELL),
        ];
        let rows = uptake
            .credentials
            .iter()
            .map(|c| {
                vec![
                    c.title.clone(),
                    format_count(u64::from(c.course_count)),
                    count(c.could_enrol),
                    count(c.totals.enrolments),
                    count(c.totals.completions),
                    count(c.totals.credits_awarded),
                ]
            })
            .collect();
        titled_table(
            doc,
            BY_CREDENTIAL_TITLE,
            None,
            &Table {
                columns: &columns,
                header: Some(table::titles(&[
                    "Credential",
                    "Courses",
                    "Could enrol",
                    "Enrolments",
                    "Completions",
                    "Credits awarded",
                ])),
                rows,
                footer: Some(vec![
                    "Total".to_owned(),
                    String::new(),
                    String::new(),
                    count(totals.enrolments),
                    count(totals.completions),
                    count(totals.credits_awarded),
                ]),
                ..Table::default()
            },
        );
    }

    doc.move_down(8.0 * MM);
    match &result.calibration {
        Some(calibration) => note_box(
            doc,
            CALIBRATION_TITLE,
            &[
                (styles::BODY, calibration_note(calibration)),
                (
                    styles::SMALL,
                    format!("Caveats: {}", calibration.caveats.join(" ")),
                ),
                (
                    styles::SMALL.with_colour(palette::MUTED),
                    format!(
                        "“{}” ({})",
                        calibration.reference_quote.trim(),
                        calibration.source
                    ),
                ),
            ],
        ),
        None => introduction(
            doc,
            "No credential launches within the plan's terms, so there is nothing to compare with \
             the reference system.",
        ),
    }
}

fn figure_cells(figures: &UptakeTotals) -> [String; 4] {
    [
        count(figures.enrolments),
        count(figures.completions),
        count(figures.course_completions),
        count(figures.credits_awarded),
    ]
}

/// The plan's edges, one rule for every figure.
const EDGES: &str = "A term the plan's start or end cuts counts in proportion to its days inside \
     the plan, and every term's costs and benefits are split across fiscal years by its days in \
     each.";

/// The uptake assumptions, in a sentence a committee can check.
fn assumptions(rollout: &Rollout<'_>) -> String {
    let Some(inputs) = rollout.inputs else {
        return format!(
            "Enrolments, completions, courses completed and credits awarded, per term. {EDGES}"
        );
    };
    let u = &inputs.uptake;
    let terms = if (u.midpoint_terms - 1.0).abs() < 1e-9 {
        "term"
    } else {
        "terms"
    };
    let listed = inputs
        .credentials
        .iter()
        .all(|c| c.course_count_from_listing);
    let course_counts = if listed {
        "as the providers list them"
    } else {
        "illustrative where not taken from the provider's listing"
    };
    format!(
        "Learners are people: a credential's learners come from the students of its target \
         programs who have not taken it yet, those there at the start and those entering as \
         others graduate (from each program's average years to a degree). From its launch term, \
         a credential's uptake ramps along a logistic curve from {} of them a term toward {}, \
         rising fastest {} {terms} after launch. {} of those who enrol complete the credential \
         and all its courses (course counts {course_counts}); the others complete {} of its \
         courses. Each completer is awarded the credential's home credit. A student in two \
         credentials is one learner. {EDGES}",
        percent(u.pilot_rate_pct),
        percent(u.target_rate_pct),
        decimal(u.midpoint_terms),
        percent(u.completion_rate_pct),
        percent(u.non_completer_course_share_pct),
    )
}

/// How far the plan is from the reference, in a sentence.
pub(crate) fn calibration_verdict(c: &Calibration) -> String {
    match c.verdict {
        CalibrationVerdict::FarAbove => format!(
            "The plan is far above the reference, {} times its rate: check the uptake rates.",
            one_decimal(c.ratio_to_reference)
        ),
        CalibrationVerdict::FarBelow => format!(
            "The plan is far below the reference, {} times its rate: check the uptake rates.",
            one_decimal(c.ratio_to_reference)
        ),
        CalibrationVerdict::Comparable => format!(
            "The plan is within {} times the reference either way ({} times its rate).",
            one_decimal(FAR_FACTOR),
            one_decimal(c.ratio_to_reference)
        ),
    }
}

/// The reference and the plan over the same window, in the same unit, and how far apart.
pub(crate) fn calibration_note(c: &Calibration) -> String {
    let years = if c.period_years == 1 {
        "first academic year".to_owned()
    } else {
        format!("first {} academic years", c.period_years)
    };
    let partial = if c.period_complete {
        String::new()
    } else {
        " (the plan's horizon ends before that period does, so its figures cover only part of it)"
            .to_owned()
    };
    let verdict = format!(" {}", calibration_verdict(c));
    format!(
        "Reference: {}, a system of {} students, had over {} students enrolled in one or more \
         certificates and over {} courses completed in about its first academic year ({}). \
         Over its {years} from the first launch ({}){partial}, this plan projects {} students \
         in one or more credentials ({} enrolments) and {} courses completed for its {} \
         students: {} students per 1,000, against the reference's {}.{verdict}",
        c.reference_institution,
        format_count(u64::from(c.reference_students)),
        format_count(u64::from(c.reference_enrolled)),
        format_count(u64::from(c.reference_courses_completed)),
        c.source,
        c.period_label,
        count(c.projected_learners),
        count(c.projected_enrolments),
        count(c.projected_courses_completed),
        format_count(u64::from(c.students)),
        one_decimal(c.projected_learners_per_thousand),
        one_decimal(c.reference_enrolled_per_thousand),
    )
}
