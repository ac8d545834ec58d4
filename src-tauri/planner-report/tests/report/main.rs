//! The report as a reader gets it: rendered, written to disk, and read back with poppler's
//! command-line tools (`pdftotext`, `pdfinfo`, `pdffonts`) the way a committee member's viewer
//! would. poppler-utils must be installed; without it these tests fail, never skip.

mod attachment;
mod changes;
mod document;
mod html;
mod long_text;
mod reading;
mod rollout;
mod round_trip;
mod scripts;
mod sections;
mod sign_off;
mod workplan;

use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use planner_core::{
    InstitutionProfile, Plan, PlanDetail, ReportedVersion, Stage, StoredPlan, sample_plan,
};
use planner_report::{ReportOptions, export, render};

use planner_test_support::{
    outline, pdf_fonts, pdf_info, pdf_text, pdf_text_page, squeeze, word_boxes,
};

const A4_WIDTH_PT: f32 = 595.276;
const A4_HEIGHT_PT: f32 = 841.89;
const MARGIN_PT: f32 = 25.0 * 72.0 / 25.4;
/// From the top of the page: the rules under the running header and over the footer, and
/// the text area between them.
const HEADER_RULE_PT: f32 = 19.0 * 72.0 / 25.4;
const FOOTER_RULE_PT: f32 = A4_HEIGHT_PT - 19.0 * 72.0 / 25.4;
const CONTENT_TOP_PT: f32 = 32.0 * 72.0 / 25.4;
const CONTENT_BOTTOM_PT: f32 = A4_HEIGHT_PT - 25.0 * 72.0 / 25.4;
/// The sample plan's report, rollout plan and work plan included.
const SAMPLE_PAGES: u32 = 30;

fn options() -> ReportOptions {
    ReportOptions::dated(NaiveDate::from_ymd_opt(2026, 11, 29).expect("valid date"))
}

/// The plan as the app and the CLI hand it over: stored, with its figures computed.
fn detail(plan: Plan) -> PlanDetail {
    StoredPlan {
        id: 7,
        plan,
        revision: 1,
        created_at: "2026-11-01T08:00:00Z".to_owned(),
        updated_at: "2026-11-28T17:30:00Z".to_owned(),
    }
    .detail()
}

fn sample() -> PlanDetail {
    detail(sample_plan())
}

fn plan_for(name: &str, country: &str) -> PlanDetail {
    detail(Plan::new(
        "Micro-credential pilot 2027".to_owned(),
        InstitutionProfile {
            country: Some(country.to_owned()),
            ..InstitutionProfile::new(name, 240_000, Stage::Exploring)
        },
    ))
}

/// The pages of the section the outline entry `title` opens, up to the next entry.
fn section_pages(pdf: &[u8], pages: u32, title: &str) -> RangeInclusive<u32> {
    let entries = outline(pdf);
    let at = entries
        .iter()
        .position(|(t, _)| t == title)
        .unwrap_or_else(|| panic!("an outline entry {title:?}: {entries:?}"));
    let first = entries[at].1;
    let last = entries.get(at + 1).map_or(pages, |(_, next)| next - 1);
    first..=last
}

/// [`section_pages`] of the report at `path`.
fn section_pages_in(path: &Path, title: &str) -> RangeInclusive<u32> {
    let pdf = std::fs::read(path).expect("report on disk");
    section_pages(&pdf, planner_test_support::page_count(path), title)
}

/// The first page of the section the outline entry `title` opens.
fn section_page(path: &Path, title: &str) -> u32 {
    *section_pages_in(path, title).start()
}

/// Exports into a fresh temp dir; the dir lives as long as the returned guard.
fn export_to_temp(plan: &PlanDetail) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.pdf");
    export(plan, &options(), &path).expect("report exported");
    (dir, path)
}

#[test]
fn names_in_any_supported_script_extract_exactly_as_typed() {
    let names = [
        ("Universidad Nacional Autónoma de México", "MX"),
        ("Łódź", "PL"),
        ("Московский университет", "RU"),
        ("Ελληνικό Ανοικτό Πανεπιστήμιο", "GR"),
    ];
    for (name, country) in names {
        let (_dir, path) = export_to_temp(&plan_for(name, country));
        let profile_page = pdf_text_page(&path, section_page(&path, "Institution profile"));
        assert!(
            profile_page.lines().any(|line| line.trim() == name),
            "the profile table shows {name:?} on a line of its own, exactly; page 2 reads:\n{profile_page}"
        );
        let whole = squeeze(&pdf_text(&path));
        assert!(
            whole.matches(name).count() >= 3,
            "{name:?} appears on the cover, in the running header and in the table; got:\n{whole}"
        );
        assert!(
            !whole.contains('\u{fffd}'),
            "no unmappable glyphs for {name:?}"
        );
    }
}

#[test]
fn the_cover_and_every_footer_name_the_version_the_report_shows() {
    let on = NaiveDate::from_ymd_opt(2027, 3, 3).expect("a date");
    for (version, cover_says, footer_says) in [
        (
            ReportedVersion::Saved {
                number: 2,
                label: "sent to committee".to_owned(),
                on,
            },
            "Version Version 2, “sent to committee”, saved 3 March 2027",
            "Micro-credential adoption plan · Version 2",
        ),
        (
            ReportedVersion::ChangedSince { number: 2, on },
            "Version Working copy, changed since version 2 (3 March 2027)",
            "Micro-credential adoption plan · Working copy",
        ),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("report.pdf");
        let options = ReportOptions {
            version,
            ..options()
        };
        export(&sample(), &options, &path).expect("exported");
        let cover = squeeze(&pdf_text_page(&path, 1));
        assert!(cover.contains(cover_says), "{cover_says:?} in:\n{cover}");
        let profile = squeeze(&pdf_text_page(
            &path,
            section_page(&path, "Institution profile"),
        ));
        assert!(
            profile.contains(footer_says) && !profile.contains(&format!("{footer_says},")),
            "{footer_says:?}, in short, in the footer:\n{profile}"
        );
    }
}

#[test]
fn the_sample_report_opens_with_a_cover_and_the_full_profile() {
    let plan = sample();
    let (_dir, path) = export_to_temp(&plan);

    let cover = squeeze(&pdf_text_page(&path, 1));
    for expected in [
        "Micro-credential adoption plan",
        "Lakeshore State University System",
        "Industry micro-credentials: system-wide expansion 2027–2031",
        "Version Working copy (no version saved yet)",
        "Status Draft",
        "Date 29 November 2026",
        "Country United States",
        "Stage Offering micro-credentials, expanding",
    ] {
        assert!(
            cover.contains(expected),
            "cover shows {expected:?}; it reads:\n{cover}"
        );
    }
    assert!(
        !cover.contains("Page 1"),
        "no page number on the cover: {cover}"
    );

    let profile_page = section_page(&path, "Institution profile");
    let profile = squeeze(&pdf_text_page(&path, profile_page));
    let page_label = format!("Page {profile_page} of {SAMPLE_PAGES}");
    for expected in [
        "Lakeshore State University System · Industry micro-credentials: system-wide expansion 2027–2031",
        "Institution profile",
        "Institution Lakeshore State University System",
        "Type University system (several campuses)",
        "Country United States",
        "Total enrolment 240,000 students",
        "Degree programs 1,150",
        "Faculty headcount 11,800",
        "Academic calendar Semesters: Fall 25 August, Spring 12 January, Summer 1 June",
        "Fiscal year Starts in September",
        "Currency USD — US Dollar",
        "Home credit system US semester credit hours (ACE recommendations)",
        "Stage Offering micro-credentials, expanding",
        page_label.as_str(),
    ] {
        assert!(
            profile.contains(expected),
            "profile page shows {expected:?}; it reads:\n{profile}"
        );
    }
}

#[test]
fn the_file_carries_its_metadata_and_the_date_it_was_generated() {
    let plan = sample();
    let (_dir, path) = export_to_temp(&plan);
    let info = pdf_info(&path);
    let field = |key: &str| {
        info.get(key)
            .unwrap_or_else(|| panic!("pdfinfo reports {key}; it printed {info:?}"))
            .as_str()
    };
    assert_eq!(field("Pages"), SAMPLE_PAGES.to_string());
    assert_eq!(field("Title"), plan.stored.plan.title);
    assert_eq!(
        field("Subject"),
        "Micro-credential adoption plan for Lakeshore State University System"
    );
    assert_eq!(field("Author"), "Lakeshore State University System");
    assert_eq!(field("Creator"), "Micro-credential Adoption Planner");
    assert!(
        field("CreationDate").starts_with("2026-11-29T00:00:00"),
        "created on the report's date, not 1970: {}",
        field("CreationDate")
    );
    assert!(
        field("Page size").contains("(A4)"),
        "A4 pages: {}",
        field("Page size")
    );
    assert!(
        !info.contains_key("PDF subtype"),
        "the file claims no PDF/X or PDF/A conformance it does not have: {info:?}"
    );
}

#[test]
fn fonts_are_embedded_as_subsets_so_the_file_stays_small() {
    let plan = plan_for("Ελληνικό Ανοικτό Πανεπιστήμιο", "GR");
    let (_dir, path) = export_to_temp(&plan);
    let fonts = pdf_fonts(&path);
    assert_eq!(fonts.len(), 2, "regular and bold, nothing else: {fonts:?}");
    for font in &fonts {
        assert!(font.name.contains("DejaVuSans"), "{font:?}");
        assert!(font.embedded, "embedded: {font:?}");
        assert!(font.subset, "subset, with a tag like ABCDEF+: {font:?}");
        assert!(font.unicode_map, "has a ToUnicode map: {font:?}");
    }
    let size = std::fs::metadata(&path).expect("report on disk").len();
    assert!(
        size < 80_000,
        "a five-page report with subset fonts is tens of KB, not the whole 700 KB font: {size} bytes"
    );
}

#[test]
fn a_200_character_name_wraps_inside_the_margins_without_losing_a_word() {
    let name = "The Extraordinarily Long-Named Consortium of Public Universities, Polytechnics, \
                Community Colleges and Lifelong Learning Institutes of the Northern and Western \
                Regions (Łódź and Kraków campus, Poland)";
    assert_eq!(name.chars().count(), 200, "as long as a name may be");
    let (_dir, path) = export_to_temp(&plan_for(name, "PL"));

    let right_margin = A4_WIDTH_PT - MARGIN_PT;
    let words = word_boxes(&path);
    assert!(!words.is_empty(), "pdftotext -bbox found words");
    for word in &words {
        assert!(
            word.x_min >= MARGIN_PT - 0.5 && word.x_max <= right_margin + 0.5,
            "{:?} at {:.1}–{:.1} pt stays between the margins ({MARGIN_PT:.1}–{right_margin:.1} pt)",
            word.text,
            word.x_min,
            word.x_max
        );
    }
    let whole = squeeze(&pdf_text(&path));
    assert!(
        whole.matches(name).count() >= 2,
        "every word of the name, in order, on the cover and in the table: {whole}"
    );
}

#[test]
fn the_outline_has_an_entry_per_section_and_opens_with_the_document() {
    let rendered = render(&sample(), &options()).expect("rendered");
    assert_eq!(rendered.pages, SAMPLE_PAGES);
    let outline = outline(&rendered.bytes);
    let expected = [
        ("Cover", 1),
        ("Contents", 2),
        ("Executive summary", 3),
        ("Institution profile", 4),
        ("Challenge assessment", 5),
        ("Adopted actions", 7),
        ("Rollout timeline", 8),
        ("Credential portfolio and credit mapping", 10),
        ("Uptake projection", 15),
        ("Budget", 18),
        ("Scenarios and uncertainty", 20),
        ("Work plan", 22),
        ("Faculty engagement", 24),
        ("Risks", 26),
        ("Key performance indicators", 27),
        ("Plan health check", 28),
        ("Sources", 29),
        ("Committee sign-off", 30),
    ]
    .map(|(title, page)| (title.to_owned(), page));
    assert_eq!(outline, expected, "outline entries with their pages");
}

#[test]
fn every_word_on_every_page_stays_inside_the_margins() {
    let mut partly_assessed = sample_plan();
    partly_assessed
        .assessment
        .responses
        .retain(|area, _| area.key() != "quality");
    // Ten years of terms, a flagged grant, a long credential title, rupees and a custom credit
    // rule: the widest the rollout pages get.
    let mut stretched = sample_plan();
    stretched.profile.currency = "INR".to_owned();
    stretched.profile.credit_system = planner_core::CreditSystem::Custom;
    stretched.profile.custom_hours_per_credit = Some(37.5);
    let rollout = stretched
        .rollout
        .as_mut()
        .expect("the sample has a rollout");
    rollout.horizon_years = 10;
    rollout.credentials[0].home_credit.amount = 9.0;
    rollout.credentials[2].title = "Universidad Nacional Autónoma de México — Certificado \
         Profesional de Análisis de Datos para la Administración Pública y Empresarial"
        .to_owned();
    let mut broken = sample_plan();
    broken.rollout.as_mut().expect("rollout").horizon_years = 0;
    let plans = [
        sample(),
        detail(partly_assessed),
        plan_for("Łódź", "PL"),
        detail(stretched),
        detail(broken),
    ];
    for plan in plans {
        let (_dir, path) = export_to_temp(&plan);
        let words = assert_every_word_inside_the_text_area(&path);
        assert!(words.iter().any(|w| w.page == 3), "words on the chart page");
        let last = words.iter().map(|w| w.page).max().unwrap_or_default();
        assert!(last >= 6, "words on the rollout pages too");
    }
}

/// Fails unless every word of the PDF at `path` lies between the margins and, after the
/// cover, in the text area or the running header and footer, on its page whether upright or
/// turned sideways; returns the words.
fn assert_every_word_inside_the_text_area(path: &Path) -> Vec<planner_test_support::WordBox> {
    let words = word_boxes(path);
    for word in &words {
        let right_margin = word.page_width - MARGIN_PT;
        assert!(
            word.x_min >= MARGIN_PT - 0.5 && word.x_max <= right_margin + 0.5,
            "{word:?} stays between the margins ({MARGIN_PT:.1}–{right_margin:.1} pt)"
        );
        let footer_rule = word.page_height - (A4_HEIGHT_PT - FOOTER_RULE_PT);
        let content_bottom = word.page_height - (A4_HEIGHT_PT - CONTENT_BOTTOM_PT);
        let running = word.y_max < HEADER_RULE_PT || word.y_min > footer_rule;
        if word.page > 1 && !running {
            assert!(
                word.y_min >= CONTENT_TOP_PT - 0.5 && word.y_max <= content_bottom + 0.5,
                "{word:?} sits in the text area, clear of the running header and footer"
            );
        }
    }
    words
}

#[test]
fn the_same_plan_on_the_same_date_gives_the_same_bytes() {
    let plan = sample();
    let first = render(&plan, &options()).expect("rendered");
    let second = render(&plan, &options()).expect("rendered again");
    assert!(
        first.bytes == second.bytes,
        "identical files, so two exports of an unchanged plan compare equal"
    );
}

#[test]
fn export_reports_what_it_wrote() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.pdf");
    let report = export(&sample(), &options(), &path).expect("exported");
    let on_disk = std::fs::read(&path).expect("file written");
    assert_eq!(
        on_disk, report.bytes,
        "the bytes returned are the bytes on disk"
    );
    assert!(on_disk.starts_with(b"%PDF-"), "a PDF file");
    assert_eq!(report.pages, SAMPLE_PAGES);
}

#[test]
fn exporting_into_a_missing_folder_names_the_destination_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("missing").join("plan.pdf");
    let err = export(&sample(), &options(), &path).expect_err("refused");
    let message = err.to_string();
    assert!(
        message.contains("Could not write the report to") && message.contains(&display(&path)),
        "{message}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("list").count(),
        0,
        "nothing created"
    );
}

fn display(path: &Path) -> String {
    path.display().to_string()
}
