use crate::content::Block;
use crate::document::ReportDocument;
use crate::layout::{
    CONTENT_LEFT, CONTENT_RIGHT, CONTENT_WIDTH, HAIRLINE, MM, PAGE_HEIGHT, palette, styles,
};
use crate::sections::{NOT_SPECIFIED, ReportContext};
use planner_core::format::long_date;

/// Above this many lines at full size, the institution's name is set smaller so the cover
/// still reads as one block.
const MAX_FULL_SIZE_NAME_LINES: usize = 3;

pub(crate) fn draw(doc: &mut ReportDocument, context: &ReportContext<'_>) {
    let plan = context.plan;
    let profile = &plan.profile;
    doc.start_cover_page();
    doc.bookmark("Cover");
    let details = [
        ("Version", context.version.describe()),
        ("Status", plan.review.status.label().to_owned()),
        ("Date", long_date(context.generated_on)),
        (
            "Country",
            profile.country_name().unwrap_or(NOT_SPECIFIED).to_owned(),
        ),
        ("Stage", profile.stage.label().to_owned()),
    ];
    doc.record(Block::Cover {
        kicker: KICKER.to_owned(),
        institution: profile.name.clone(),
        title: plan.title.clone(),
        details: details
            .iter()
            .map(|(label, value)| ((*label).to_owned(), value.clone()))
            .collect(),
        colophon: COLOPHON.to_owned(),
    });
    doc.unrecorded(|doc| draw_page(doc, KICKER, &profile.name, &plan.title, &details));
}

const KICKER: &str = "Micro-credential adoption plan";
pub(crate) const COLOPHON: &str = "Prepared with the Micro-credential Adoption Planner";

/// The cover's page: `kicker` over `name` in large type, `title` under it, then the details
/// label by label. Also the roll-up report's cover.
pub(crate) fn draw_page(
    doc: &mut ReportDocument,
    kicker: &str,
    name: &str,
    title: &str,
    details: &[(&str, String)],
) {
    // A short, heavy accent bar opens the page; everything hangs from the same left edge.
    let top = PAGE_HEIGHT - 62.0 * MM;
    doc.fill_rect(CONTENT_LEFT, top, 18.0 * MM, 1.6 * MM, palette::ACCENT);
    doc.set_cursor(top - 8.0 * MM);
    doc.paragraph(CONTENT_LEFT, CONTENT_WIDTH, &styles::COVER_KICKER, kicker);
    doc.move_down(4.0 * MM);

    let mut name_style = styles::COVER_INSTITUTION;
    if doc.wrap(&name_style, name, CONTENT_WIDTH).len() > MAX_FULL_SIZE_NAME_LINES {
        name_style = name_style.with_size(20.0);
    }
    doc.paragraph(CONTENT_LEFT, CONTENT_WIDTH, &name_style, name);
    doc.move_down(4.0 * MM);
    doc.paragraph(CONTENT_LEFT, CONTENT_WIDTH, &styles::COVER_TITLE, title);

    doc.move_down(12.0 * MM);
    let rule_y = doc.cursor();
    doc.rule(CONTENT_LEFT, CONTENT_RIGHT, rule_y, HAIRLINE, palette::RULE);
    doc.move_down(6.0 * MM);

    let label_width = 30.0 * MM;
    for (label, value) in details {
        let row_top = doc.cursor();
        let baseline = doc.baseline_below(&styles::VALUE, row_top);
        doc.draw_text(CONTENT_LEFT, baseline, &styles::LABEL, label);
        doc.paragraph(
            CONTENT_LEFT + label_width,
            CONTENT_WIDTH - label_width,
            &styles::VALUE,
            value,
        );
        doc.move_down(2.0 * MM);
    }

    let baseline = doc.content_bottom();
    doc.draw_text(CONTENT_LEFT, baseline, &styles::RUNNING, COLOPHON);
}
