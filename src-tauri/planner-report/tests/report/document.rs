//! The document around the sections: its table of contents, its paper, and the sections a
//! dean chose to print.

use planner_core::format::{Money, count, one_decimal};
use planner_core::health::{FixPlace, check_plan};
use planner_core::report::{Paper, ReportChoices, ReportSection};
use planner_core::{RolloutStatus, sample_plan};
use planner_report::{ReportOptions, export};
use planner_test_support::{
    outline, page_links, pages_text, pdf_info, pdf_text_page, position, squeeze, word_boxes,
};

use crate::{options, sample, section_page, section_pages_in};

const LETTER_WIDTH_PT: f32 = 612.0;
const LETTER_HEIGHT_PT: f32 = 792.0;

fn options_with(paper: Paper, sections: &[ReportSection]) -> ReportOptions {
    ReportOptions {
        choices: ReportChoices {
            paper,
            sections: sections.to_vec(),
            changes_since: None,
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

#[test]
fn the_executive_summary_gives_the_headline_figures_with_their_ranges() {
    let plan = sample();
    let (_dir, path, _pdf) = export_with(&options());
    let pages = section_pages_in(&path, "Executive summary");
    assert_eq!(pages.start(), pages.end(), "one page");
    let text = pages_text(&path, pages);
    let RolloutStatus::Projected { result } = &plan.projection else {
        panic!("the sample projects");
    };
    let money = Money::new(&result.currency);
    let totals = &result.uptake.totals;
    let bands = result
        .uncertainty
        .as_ref()
        .expect("the sample draws ranges");
    let budget = &result.budget;
    // A draw that never pays back within the sample's five years counts as latest: not by
    // its last fiscal year, FY2031.
    let payback = bands.payback_year;
    let year = |index: Option<u32>| {
        index.map_or("not by FY2031".to_owned(), |i| {
            result.fiscal_years[i as usize].label.clone()
        })
    };
    position(&text, "stage: Offering micro-credentials, expanding.");
    for (label, expected, range) in [
        (
            "Enrolments",
            count(totals.enrolments),
            format!(
                "{} – {}",
                count(bands.enrolments.p10),
                count(bands.enrolments.p90)
            ),
        ),
        (
            "Completions",
            count(totals.completions),
            format!(
                "{} – {}",
                count(bands.completions.p10),
                count(bands.completions.p90)
            ),
        ),
        (
            "Credits awarded",
            count(totals.credits_awarded),
            format!(
                "{} – {}",
                count(bands.credits_awarded.p10),
                count(bands.credits_awarded.p90)
            ),
        ),
        (
            "Net cost (cost less benefit)",
            money.format(budget.total_cost - budget.total_benefit),
            format!(
                "{} – {}",
                money.format(bands.net_cost.p10),
                money.format(bands.net_cost.p90)
            ),
        ),
        (
            "Payback year",
            budget.payback_year.clone().expect("the sample pays back"),
            format!("{} – {}", year(payback.p10), year(payback.p90)),
        ),
    ] {
        position(&text, &format!("{label} {expected} {range}"));
    }
    // Each range says what moves it.
    position(&text, "Enrolments move with the target uptake rate alone");
    position(
        &text,
        "net cost and the payback year with all four uncertain inputs",
    );
    let ranking = &plan.assessment_result.ranking;
    let mut after = position(&text, "Top three challenges");
    for key in &ranking[..3] {
        let area = plan
            .assessment_result
            .areas
            .iter()
            .find(|a| a.area == *key)
            .expect("a ranked area");
        let score = area.score.expect("a ranked area has a score");
        let at = position(&text, &format!("{}: {score} out of 100", area.title));
        assert!(at > after, "weakest first: {}\n{text}", area.title);
        after = at;
    }
    let calibration = result.calibration.as_ref().expect("the sample calibrates");
    position(
        &text,
        &format!(
            "against {} at {}",
            one_decimal(calibration.reference_enrolled_per_thousand),
            calibration.reference_institution
        ),
    );
}

#[test]
fn the_health_check_lists_each_item_with_the_page_of_its_section_and_links_there() {
    let mut stored = sample_plan();
    stored.risks[0].owner_role = String::new();
    let plan = crate::detail(stored);
    let items = check_plan(&plan);
    assert!(items.len() >= 2, "an ownerless risk and more: {items:?}");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.pdf");
    let pdf = export(&plan, &options(), &path).expect("exported").bytes;
    let health = section_pages_in(&path, "Plan health check");
    let text = pages_text(&path, health.clone());
    let links: Vec<u32> = page_links(&pdf)
        .into_iter()
        .filter(|link| health.contains(&link.on))
        .map(|link| link.to)
        .collect();
    let mut expected_links = Vec::new();
    for item in &items {
        position(&text, &squeeze(&item.message));
        let (title, page) = match item.place {
            FixPlace::Risks => ("Risks", section_page(&path, "Risks")),
            FixPlace::Uptake => (
                "Uptake projection",
                section_page(&path, "Uptake projection"),
            ),
            // The sample's spring term needs more faculty hours than its engaged faculty give.
            FixPlace::Engagement => (
                "Faculty engagement",
                section_page(&path, "Faculty engagement"),
            ),
            other => panic!("the sample with an ownerless risk has no {other:?} item"),
        };
        position(&text, &format!("See {title}, page {page}"));
        expected_links.push(page);
    }
    assert_eq!(
        links, expected_links,
        "each item links to its section's page"
    );
}

#[test]
fn sources_and_sign_off_close_the_report() {
    let (_dir, path, pdf) = export_with(&options());
    let titles: Vec<String> = outline(&pdf).into_iter().map(|(title, _)| title).collect();
    assert_eq!(
        titles[titles.len() - 3..],
        ["Plan health check", "Sources", "Committee sign-off"]
    );
    let sources = pages_text(&path, section_pages_in(&path, "Sources"));
    for cited in [
        "Coursera Micro-Credentials Impact Report 2024",
        "ECTS Users' Guide (2015) — one credit is 25 to 30 hours",
        "34 CFR 600.2",
        "about 45 hours of learning",
        "one credit is 30 notional hours",
        "one credit is 10 notional hours; 2 credits equal one ECTS credit",
        "(2022/C 243/02)",
    ] {
        position(&sources, cited);
    }
    let sign_off = pages_text(&path, section_pages_in(&path, "Committee sign-off"));
    let mut after = 0;
    for expected in [
        "version: Working copy (no version saved yet); status: Draft",
        "Approved",
        "Approved with changes",
        "Not approved",
        "Name Role Decision Date Signature",
        "Conditions",
    ] {
        let at = position(&sign_off, expected);
        assert!(at >= after, "{expected:?} in order:\n{sign_off}");
        after = at;
    }
    assert!(
        !sign_off.contains("Open comments"),
        "no comment recorded, no list of them:\n{sign_off}"
    );
}
