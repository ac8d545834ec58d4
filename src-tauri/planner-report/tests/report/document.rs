//! The document around the sections: its table of contents, its paper, and the sections a
//! dean chose to print.

use planner_core::report::{Paper, ReportChoices, ReportSection};
use planner_report::{ReportOptions, export};
use planner_test_support::{
    outline, page_links, pdf_info, pdf_text_page, position, squeeze, word_boxes,
};

use crate::{options, sample, section_page};

const LETTER_WIDTH_PT: f32 = 612.0;
const LETTER_HEIGHT_PT: f32 = 792.0;

fn options_with(paper: Paper, sections: &[ReportSection]) -> ReportOptions {
    ReportOptions {
        choices: ReportChoices {
            paper,
            sections: sections.to_vec(),
        },
        ..options()
    }
}

fn export_with(options: &ReportOptions) -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.pdf");
    let report = export(&sample(), options, &path).expect("report exported");
    (dir, path, report.bytes)
}

#[test]
fn the_contents_list_every_section_at_its_page_and_each_line_turns_there() {
    let (_dir, path, pdf) = export_with(&options());
    let contents = section_page(&path, "Contents");
    assert_eq!(contents, 2, "the contents follow the cover");
    let listed: Vec<(String, u32)> = outline(&pdf)
        .into_iter()
        .filter(|(title, _)| title != "Cover" && title != "Contents")
        .collect();
    assert!(listed.len() >= 8, "every section is listed: {listed:?}");

    let text = squeeze(&pdf_text_page(&path, contents));
    let mut after = 0;
    for (title, page) in &listed {
        let at = position(&text, &format!("{title} {page}"));
        assert!(
            at > after,
            "{title} is listed in the report's order:\n{text}"
        );
        after = at;
    }

    let links: Vec<_> = page_links(&pdf)
        .into_iter()
        .filter(|link| link.on == contents)
        .collect();
    let targets: Vec<u32> = links.iter().map(|link| link.to).collect();
    let pages: Vec<u32> = listed.iter().map(|(_, page)| *page).collect();
    assert_eq!(targets, pages, "one link per line, to the section's page");

    let words = word_boxes(&path);
    let height = page_height(&path);
    for ((title, _), link) in listed.iter().zip(&links) {
        let first_word = title.split_whitespace().next().expect("a title");
        let inside = words.iter().any(|w| {
            w.page == contents
                && w.text == first_word
                && height - w.y_max >= link.rect[1] - 0.5
                && height - w.y_min <= link.rect[3] + 0.5
                && w.x_min >= link.rect[0] - 0.5
        });
        assert!(inside, "the link {link:?} covers the line of {title:?}");
    }
}

/// The page height in points, as `pdfinfo` reports it ("595.276 x 841.89 pts (A4)").
fn page_height(path: &std::path::Path) -> f32 {
    let size = &pdf_info(path)["Page size"];
    size.split_whitespace()
        .nth(2)
        .and_then(|h| h.parse().ok())
        .unwrap_or_else(|| panic!("a page size in points: {size}"))
}

#[test]
fn on_letter_paper_every_word_stays_on_the_page_between_header_and_footer() {
    let (_dir, path, pdf) = export_with(&options_with(Paper::Letter, &ReportSection::ALL));
    let info = pdf_info(&path);
    assert!(
        info["Page size"].contains("612 x 792"),
        "US Letter pages: {}",
        info["Page size"]
    );
    let (_a4_dir, _a4_path, a4) = export_with(&options());
    let titles = |bytes: &[u8]| -> Vec<String> {
        outline(bytes).into_iter().map(|(title, _)| title).collect()
    };
    assert_eq!(titles(&pdf), titles(&a4), "the same sections as on A4");

    let pages: u32 = info["Pages"].parse().expect("a page count");
    let side = (LETTER_WIDTH_PT - 160.0 * 72.0 / 25.4) / 2.0;
    // From the top: the header rule, and the footer rule at the same distance from the bottom
    // edge as on A4.
    let header_rule = 19.0 * 72.0 / 25.4;
    let footer_rule = LETTER_HEIGHT_PT - 19.0 * 72.0 / 25.4;
    let words = word_boxes(&path);
    for word in &words {
        assert!(
            word.x_min >= side - 0.5 && word.x_max <= LETTER_WIDTH_PT - side + 0.5,
            "{:?} on page {} at {:.1}–{:.1} pt stays in the column",
            word.text,
            word.page,
            word.x_min,
            word.x_max
        );
        let running = word.y_max <= header_rule || word.y_min >= footer_rule;
        let body = word.y_min >= header_rule && word.y_max <= footer_rule;
        assert!(
            (running || body) && word.y_min >= 0.0 && word.y_max <= LETTER_HEIGHT_PT,
            "{:?} on page {} at {:.1}–{:.1} pt from the top crosses no rule and stays on the page",
            word.text,
            word.page,
            word.y_min,
            word.y_max
        );
    }
    for page in 2..=pages {
        let text = squeeze(&pdf_text_page(&path, page));
        position(&text, &format!("Page {page} of {pages}"));
    }
}

#[test]
fn only_the_sections_asked_for_print_in_the_reports_order() {
    let asked = [
        ReportSection::Budget,
        ReportSection::Profile,
        ReportSection::Contents,
    ];
    let (_dir, path, pdf) = export_with(&options_with(Paper::A4, &asked));
    let titles: Vec<String> = outline(&pdf).into_iter().map(|(title, _)| title).collect();
    assert_eq!(
        titles,
        ["Cover", "Contents", "Institution profile", "Budget"]
    );
    let contents = squeeze(&pdf_text_page(&path, 2));
    assert!(
        !contents.contains("Uptake projection"),
        "a section left out is not listed: {contents}"
    );
}
