//! The plan health check: what would weaken the plan in a committee's eyes, most serious
//! first, as planner-core's rules find it. Each item names the section where it is fixed and
//! links to that section's page (in the HTML edition, to the section itself).

use planner_core::health::{FixPlace, HealthItem};
use planner_core::report::ReportSection;

use crate::content::Block;
use crate::document::ReportDocument;
use crate::layout::{CONTENT_LEFT, CONTENT_WIDTH, MM, palette, styles};
use crate::sections::{introduction, open_section};

pub(crate) const TITLE: &str = "Plan health check";
pub(crate) const ALL_CLEAR: &str = "The health check finds nothing that would weaken the plan \
     in a committee's eyes: every task and risk has an owner, credit grants are supported by \
     learning hours, and the figures hang together.";

const SEVERITY_WIDTH: f32 = 36.0 * MM;
const ITEM_GAP: f32 = 3.0 * MM;

/// The report section where the thing an item names is fixed.
pub(crate) fn section_of(place: FixPlace) -> ReportSection {
    match place {
        FixPlace::Assessment => ReportSection::Assessment,
        FixPlace::Phases => ReportSection::Timeline,
        FixPlace::Credentials | FixPlace::CreditMapping => ReportSection::Portfolio,
        FixPlace::Uptake => ReportSection::Uptake,
        FixPlace::Budget => ReportSection::Budget,
        FixPlace::Scenarios => ReportSection::Scenarios,
        FixPlace::Engagement => ReportSection::Engagement,
        FixPlace::WorkPlan => ReportSection::WorkPlan,
        FixPlace::Risks => ReportSection::Risks,
    }
}

pub(crate) fn draw(doc: &mut ReportDocument, items: &[HealthItem]) {
    open_section(doc, TITLE);
    if items.is_empty() {
        introduction(doc, ALL_CLEAR);
        return;
    }
    introduction(
        doc,
        "What would weaken the plan in a committee's eyes, most serious first. Each item names \
         the section where it is shown; in the planner, the same item opens the place to fix \
         it.",
    );
    doc.move_down(5.0 * MM);
    for item in items {
        draw_item(doc, item);
    }
}

/// The severity in the margin column, the sentence beside it, and under it the section and
/// page it refers to, as a link.
fn draw_item(doc: &mut ReportDocument, item: &HealthItem) {
    let text_x = CONTENT_LEFT + SEVERITY_WIDTH;
    let text_width = CONTENT_WIDTH - SEVERITY_WIDTH;
    let body = styles::BODY;
    let see = styles::SMALL.with_colour(palette::ACCENT);
    let section = section_of(item.place);
    let page = doc.page_of(section);
    let reference = match page {
        Some(page) => format!("See {}, page {page}", section.label()),
        None => format!("{} is not in this report", section.label()),
    };
    let lines = doc.wrap(&body, &item.message, text_width).len();
    doc.keep_together(lines as f32 * body.line_height + see.line_height + ITEM_GAP);
    let top = doc.cursor();
    let label = styles::LABEL;
    let baseline = doc.baseline_below(&body, top);
    doc.draw_text(CONTENT_LEFT, baseline, &label, item.severity.label());
    doc.paragraph(text_x, text_width, &body, &item.message);
    match doc.title_of(section).map(str::to_owned) {
        Some(target) => {
            doc.record(Block::SeeSection {
                label: format!("See {}", section.label()),
                target,
            });
            doc.unrecorded(|doc| doc.paragraph(text_x, text_width, &see, &reference));
        }
        None => doc.paragraph(text_x, text_width, &see, &reference),
    }
    if let Some(page) = page {
        let height = see.line_height;
        let width = doc.text_width(&see, &reference);
        let y = doc.cursor();
        doc.link_to_page((text_x, y), (width, height), page);
    }
    doc.move_down(ITEM_GAP);
}
