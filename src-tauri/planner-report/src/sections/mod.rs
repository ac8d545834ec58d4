//! One module per section of the report, in the order they print. Each draws onto the
//! document from a fresh page and adds its own outline entry; [`draw`] says which module
//! draws each of the report's sections.

pub(crate) mod actions;
pub(crate) mod assessment;
mod changes;
pub(crate) mod contents;
pub(crate) mod cover;
mod health;
pub(crate) mod profile;
mod readiness_chart;
pub(crate) mod rollout;
mod sign_off;
mod sources;
mod summary;
pub(crate) mod workplan;

use chrono::NaiveDate;
use planner_core::assessment::AssessmentResult;
use planner_core::compare::ChangesSince;
use planner_core::health::HealthItem;
use planner_core::report::{ReportChoices, ReportSection};
use planner_core::workplan::Kpi;
use planner_core::{EngagementStatus, Plan, ReportedVersion, RolloutStatus, ScheduleStatus};

use crate::content::Block;
use crate::document::ReportDocument;
use crate::layout::{
    CONTENT_LEFT, CONTENT_RIGHT, CONTENT_WIDTH, HAIRLINE, MM, TextStyle, palette, styles,
};

/// What every section may print besides the plan itself.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ReportContext<'a> {
    pub(crate) plan: &'a Plan,
    /// The plan's scores as planner-core computed them; the report prints, never re-scores.
    pub(crate) assessment: &'a AssessmentResult,
    /// The rollout model's figures as planner-core computed them, or why there are none.
    pub(crate) projection: &'a RolloutStatus,
    /// The work plan scheduled on the rollout's calendar, or why it is not.
    pub(crate) schedule: &'a ScheduleStatus,
    /// The faculty hours term by term, or why there are none.
    pub(crate) engagement: &'a EngagementStatus,
    /// The KPIs with a target for each fiscal year of the plan.
    pub(crate) kpis: &'a [Kpi],
    pub(crate) generated_on: NaiveDate,
    /// Which version of the plan this is; every report is a draft until plan versions exist.
    pub(crate) version: &'a ReportedVersion,
    /// The paper and the sections asked for.
    pub(crate) choices: &'a ReportChoices,
    /// What the plan health check finds, most serious first.
    pub(crate) health: &'a [HealthItem],
    /// What changed since the version the reader reviewed, when the report is asked to say.
    pub(crate) changes: Option<&'a ChangesSince>,
}

/// Draws `section` of the report, filing its outline entries under it. The table of contents
/// is drawn once every other section has its pages (see `contents`).
pub(crate) fn draw(doc: &mut ReportDocument, context: &ReportContext<'_>, section: ReportSection) {
    doc.begin_section(section);
    match section {
        ReportSection::Profile => profile::draw(doc, context),
        ReportSection::Assessment => assessment::draw(doc, context),
        ReportSection::Actions => actions::draw(doc, context),
        ReportSection::Timeline
        | ReportSection::Portfolio
        | ReportSection::Uptake
        | ReportSection::Budget
        | ReportSection::Scenarios => rollout::draw(doc, context, section),
        ReportSection::WorkPlan => workplan::draw_work_plan(doc, context),
        ReportSection::Engagement => workplan::draw_engagement(doc, context),
        ReportSection::Risks => workplan::draw_risks(doc, context),
        ReportSection::Kpis => workplan::draw_kpis(doc, context),
        ReportSection::Summary => summary::draw(doc, context),
        ReportSection::Health => health::draw(doc, context.health),
        ReportSection::Sources => sources::draw(doc),
        ReportSection::SignOff => {
            sign_off::draw(doc, &context.version.describe(), &context.plan.review)
        }
        ReportSection::Changes => {
            if let Some(changes) = context.changes {
                changes::draw(doc, changes);
            }
        }
        // Drawn once every other section has its page, onto the pages kept for it.
        ReportSection::Contents => {}
    }
}

/// Shown where a value has not been given yet.
pub(crate) const NOT_SPECIFIED: &str = "Not specified";

/// A section opens on a new page, with an outline entry and its title over the thin accent
/// rule.
pub(crate) fn open_section(doc: &mut ReportDocument, title: &str) {
    doc.start_page();
    section_title(doc, title);
}

/// A section's outline entry, and its title over the thin accent rule, at the cursor.
pub(crate) fn section_title(doc: &mut ReportDocument, title: &str) {
    doc.bookmark(title);
    doc.record(Block::Section(title.to_owned()));
    doc.unrecorded(|doc| doc.paragraph(CONTENT_LEFT, CONTENT_WIDTH, &styles::HEADING, title));
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
    doc.record(Block::Heading(title.to_owned()));
    doc.unrecorded(|doc| doc.paragraph(CONTENT_LEFT, CONTENT_WIDTH, &style, title));
    doc.move_down(2.0 * MM);
}

/// A subheading, optionally a muted sentence under it, and the table they introduce, kept
/// together so the titles never end a page alone.
pub(crate) fn titled_table(
    doc: &mut ReportDocument,
    title: &str,
    intro: Option<&str>,
    table: &crate::table::Table<'_>,
) {
    let style = styles::BODY.with_colour(palette::MUTED);
    let intro_height = intro.map_or(0.0, |text| {
        doc.wrap(&style, text, CONTENT_WIDTH).len() as f32 * style.line_height + 3.0 * MM
    });
    subheading(
        doc,
        title,
        intro_height + crate::table::opening_height(doc, table),
    );
    if let Some(text) = intro {
        introduction(doc, text);
        doc.move_down(3.0 * MM);
    }
    crate::table::draw(doc, table);
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

const BULLET_INDENT: f32 = 4.0 * MM;

/// A paragraph with a hanging bullet.
pub(crate) fn bullet(doc: &mut ReportDocument, text: &str) {
    let style = styles::BODY;
    doc.keep_together(style.line_height);
    doc.record(Block::Bullet(text.to_owned()));
    let baseline = doc.baseline_below(&style, doc.cursor());
    doc.draw_text(
        CONTENT_LEFT,
        baseline,
        &style.with_colour(palette::MUTED),
        "•",
    );
    doc.unrecorded(|doc| {
        doc.paragraph(
            CONTENT_LEFT + BULLET_INDENT,
            CONTENT_WIDTH - BULLET_INDENT,
            &style,
            text,
        );
    });
    doc.move_down(1.0 * MM);
}

const FIGURE_PAD: f32 = 3.0 * MM;
const FIGURE_GAP: f32 = 4.0 * MM;

/// A band of headline figures across the page: a label over each value, every value on one
/// line and all in the same size (the largest that lets each fit its cell).
pub(crate) fn key_figures(doc: &mut ReportDocument, figures: &[(&str, String)]) {
    if figures.is_empty() {
        return;
    }
    doc.record(Block::Figures(
        figures
            .iter()
            .map(|(label, value)| ((*label).to_owned(), value.clone()))
            .collect(),
    ));
    let cell = (CONTENT_WIDTH - FIGURE_GAP * (figures.len() - 1) as f32) / figures.len() as f32;
    let label_style = styles::LABEL;
    let mut value_style = styles::FIGURE;
    let widest = figures
        .iter()
        .map(|(_, value)| doc.text_width(&value_style, value))
        .fold(0.0, f32::max);
    if widest > cell {
        value_style = value_style.with_size(value_style.size * cell / widest);
    }
    let labels: Vec<Vec<String>> = figures
        .iter()
        .map(|(label, _)| doc.wrap(&label_style, label, cell))
        .collect();
    let label_lines = labels.iter().map(Vec::len).max().unwrap_or(1);
    let height = 2.0 * FIGURE_PAD
        + label_lines as f32 * label_style.line_height
        + styles::FIGURE.line_height;
    doc.keep_together(height);
    let top = doc.cursor();
    doc.rule(CONTENT_LEFT, CONTENT_RIGHT, top, HAIRLINE, palette::RULE);
    let value_top = top - FIGURE_PAD - label_lines as f32 * label_style.line_height;
    let value_box = TextStyle {
        line_height: styles::FIGURE.line_height,
        ..value_style
    };
    for (i, ((_, value), label)) in figures.iter().zip(&labels).enumerate() {
        let x = CONTENT_LEFT + i as f32 * (cell + FIGURE_GAP);
        let mut line_top = top - FIGURE_PAD;
        for line in label {
            let baseline = doc.baseline_below(&label_style, line_top);
            doc.draw_text(x, baseline, &label_style, line);
            line_top -= label_style.line_height;
        }
        let baseline = doc.baseline_below(&value_box, value_top);
        doc.draw_text(x, baseline, &value_style, value);
    }
    let bottom = top - height;
    doc.rule(CONTENT_LEFT, CONTENT_RIGHT, bottom, HAIRLINE, palette::RULE);
    doc.set_cursor(bottom);
}

const NOTE_PAD: f32 = 4.0 * MM;
const NOTE_BAR: f32 = 1.0 * MM;

/// A tinted box with an accent bar on its left: a title and paragraphs set apart from the
/// flow, kept on one page.
pub(crate) fn note_box(doc: &mut ReportDocument, title: &str, paragraphs: &[(TextStyle, String)]) {
    doc.record(Block::Note {
        title: title.to_owned(),
        paragraphs: paragraphs.iter().map(|(_, text)| text.clone()).collect(),
    });
    let width = CONTENT_WIDTH - NOTE_BAR - 2.0 * NOTE_PAD;
    let title_style = styles::SUBHEADING.with_size(10.0);
    let paragraph_gap = 1.5 * MM;
    let mut blocks: Vec<(TextStyle, Vec<String>)> =
        vec![(title_style, doc.wrap(&title_style, title, width))];
    for (style, text) in paragraphs {
        blocks.push((*style, doc.wrap(style, text, width)));
    }
    let content: f32 = blocks
        .iter()
        .map(|(style, lines)| lines.len() as f32 * style.line_height)
        .sum::<f32>()
        + paragraph_gap * (blocks.len() - 1) as f32;
    let height = content + 2.0 * NOTE_PAD;
    doc.keep_together(height);
    let top = doc.cursor();
    doc.fill_rect(
        CONTENT_LEFT,
        top - height,
        CONTENT_WIDTH,
        height,
        palette::TINT,
    );
    doc.fill_rect(
        CONTENT_LEFT,
        top - height,
        NOTE_BAR,
        height,
        palette::ACCENT,
    );
    let x = CONTENT_LEFT + NOTE_BAR + NOTE_PAD;
    let mut line_top = top - NOTE_PAD;
    for (style, lines) in blocks {
        for line in lines {
            let baseline = doc.baseline_below(&style, line_top);
            doc.draw_text(x, baseline, &style, &line);
            line_top -= style.line_height;
        }
        line_top -= paragraph_gap;
    }
    doc.set_cursor(top - height);
}
