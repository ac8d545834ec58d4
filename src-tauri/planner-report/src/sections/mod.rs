//! One module per section of the report, in the order they print. Each draws onto the
//! document from a fresh page and adds its own outline entry.

pub(crate) mod actions;
pub(crate) mod assessment;
pub(crate) mod cover;
pub(crate) mod profile;
mod readiness_chart;

use chrono::NaiveDate;
use planner_core::Plan;
use planner_core::assessment::AssessmentResult;

use crate::document::ReportDocument;
use crate::layout::{CONTENT_LEFT, CONTENT_RIGHT, CONTENT_WIDTH, MM, palette, styles};

/// What every section may print besides the plan itself.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ReportContext<'a> {
    pub(crate) plan: &'a Plan,
    /// The plan's scores as planner-core computed them; the report prints, never re-scores.
    pub(crate) assessment: &'a AssessmentResult,
    pub(crate) generated_on: NaiveDate,
    /// Which version of the plan this is; every report is a draft until plan versions exist.
    pub(crate) version: &'a str,
}

/// Shown where a value has not been given yet.
pub(crate) const NOT_SPECIFIED: &str = "Not specified";

/// A section title with the thin accent rule under it.
pub(crate) fn section_heading(doc: &mut ReportDocument, title: &str) {
    doc.paragraph(CONTENT_LEFT, CONTENT_WIDTH, &styles::HEADING, title);
    doc.move_down(2.0 * MM);
    let y = doc.cursor();
    doc.rule(CONTENT_LEFT, CONTENT_RIGHT, y, 1.0, palette::ACCENT);
    doc.move_down(6.0 * MM);
}

/// A title within a section, kept on the page with at least `following` points of what it
/// introduces.
pub(crate) fn subheading(doc: &mut ReportDocument, title: &str, following: f32) {
    let style = styles::SUBHEADING;
    doc.keep_together(style.line_height + 2.0 * MM + following);
    doc.paragraph(CONTENT_LEFT, CONTENT_WIDTH, &style, title);
    doc.move_down(2.0 * MM);
}

/// The muted sentence under a heading that says what the section shows.
pub(crate) fn introduction(doc: &mut ReportDocument, text: &str) {
    doc.paragraph(
        CONTENT_LEFT,
        CONTENT_WIDTH,
        &styles::BODY.with_colour(palette::MUTED),
        text,
    );
}
