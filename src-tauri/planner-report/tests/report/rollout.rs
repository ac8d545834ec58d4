//! The rollout plan read back from the PDF: every figure is `RolloutResult`'s, formatted as the
//! report formats it (checked here with formatting written independently of the report's).

use std::path::Path;

use planner_core::rollout::RolloutResult;
use planner_core::{PlanDetail, RolloutStatus, format_count, sample_plan};
use planner_report::{ReportOptions, render};

use planner_test_support::{outline, pages_text, pdf_text, pdf_text_page_raw, position, squeeze};

use crate::{detail, export_to_temp, options, plan_for, sample, section_pages};

const TIMELINE: &str = "Rollout timeline";
const PORTFOLIO: &str = "Credential portfolio and credit mapping";
const UPTAKE: &str = "Uptake projection";
const BUDGET: &str = "Budget";
const SCENARIOS: &str = "Scenarios and uncertainty";
const MINUS: char = '\u{2212}';

fn result(plan: &PlanDetail) -> &RolloutResult {
    match &plan.projection {
        RolloutStatus::Projected { result } => result,
        other => panic!("the plan has a projection: {other:?}"),
    }
}

fn result_mut(plan: &mut PlanDetail) -> &mut RolloutResult {
    match &mut plan.projection {
        RolloutStatus::Projected { result } => result,
        other => panic!("the plan has a projection: {other:?}"),
    }
}

/// 38977.9 → "38,978".
fn count(x: f64) -> String {
    format_count(x.round() as u64)
}

/// -125410.0 → "−US$125,410".
fn usd(x: f64) -> String {
    let rounded = x.round();
    let sign = if rounded < 0.0 {
        MINUS.to_string()
    } else {
        String::new()
    };
    format!("{sign}US${}", format_count(rounded.abs() as u64))
}

/// A table row as the PDF's text reads: the label, then each cell, one space apart.
fn row(label: &str, cells: impl IntoIterator<Item = String>) -> String {
    std::iter::once(label.to_owned())
        .chain(cells)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The section's pages in drawing order, as one line.
fn section_text(path: &Path, pdf: &[u8], pages: u32, title: &str) -> String {
    pages_text(path, section_pages(pdf, pages, title))
}

/// Renders and exports `plan`, returning the temp dir guard, the path and the bytes.
fn rendered(plan: &PlanDetail) -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>, u32) {
    let (dir, path) = export_to_temp(plan);
    let bytes = std::fs::read(&path).expect("report on disk");
    let pages = render(plan, &options()).expect("rendered").pages;
    (dir, path, bytes, pages)
}

/// The sample with figures planner-core would never compute for it: the report must print
/// these, so it cannot be computing its own.
fn sample_with_planted_figures() -> PlanDetail {
    let mut plan = sample();
    let result = result_mut(&mut plan);
    result.uptake.totals.enrolments = 12_345.4;
    result.uptake.totals.completions = 6_789.6;
    result.uptake.by_term[4].enrolments = 4_321.0;
    result.budget.total_cost = 1_234_567.0;
    result.budget.totals.licences = 3_333_333.0;
    result.budget.net_benefit = -98_765.4;
    result.budget.payback_year = Some("FY2099".to_owned());
    result.budget.cost_per_enrolment = Some(987.0);
    if let Some(calibration) = &mut result.calibration {
        calibration.projected_learners = 9_876.0;
        calibration.projected_courses_completed = 54_321.0;
    }
    result.scenarios[0].enrolments = 11_111.0;
    if let Some(bands) = &mut result.uncertainty {
        bands.enrolments.p10 = 22_222.0;
        bands.seed = 77;
    }
    plan
}

#[test]
fn the_sample_has_every_rollout_section_in_the_outline_each_on_a_new_page() {
    let plan = sample();
    let report = render(&plan, &options()).expect("rendered");
    let entries = outline(&report.bytes);
    let titles: Vec<&str> = entries.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Cover",
            "Contents",
            "Executive summary",
            "Institution profile",
            "Challenge assessment",
            "Adopted actions",
            TIMELINE,
            PORTFOLIO,
            UPTAKE,
            BUDGET,
            SCENARIOS,
            "Work plan",
            "Faculty engagement",
            "Risks",
            "Key performance indicators",
            "Plan health check",
            "Sources",
            "Committee sign-off"
        ]
    );
    let pages: Vec<u32> = entries.iter().map(|(_, p)| *p).collect();
    assert!(
        pages.windows(2).all(|w| w[0] < w[1]),
        "each section starts on a page of its own: {entries:?}"
    );
    assert!(*pages.last().expect("entries") <= report.pages);
}

#[test]
fn every_printed_figure_is_the_results_as_the_report_formats_it() {
    for plan in [sample(), sample_with_planted_figures()] {
        let r = result(&plan);
        let (_dir, path, pdf, pages) = rendered(&plan);

        let uptake = section_text(&path, &pdf, pages, UPTAKE);
        position(
            &uptake,
            "A term the plan's start or end cuts counts in proportion to its days inside the \
             plan, and every term's costs and benefits are split across fiscal years by its \
             days in each.",
        );
        let t = &r.uptake.totals;
        position(
            &uptake,
            &format!(
                "Enrolments {} Completions {} Courses completed {} Credits awarded {}",
                count(t.enrolments),
                count(t.completions),
                count(t.course_completions),
                count(t.credits_awarded)
            ),
        );
        let fifth = &r.uptake.by_term[4];
        position(
            &uptake,
            &row(
                &r.terms[4].label(),
                [
                    "Pilot".to_owned(),
                    count(fifth.enrolments),
                    count(fifth.completions),
                ],
            ),
        );
        position(
            &uptake,
            &row(
                "Total",
                [
                    t.enrolments,
                    t.completions,
                    t.course_completions,
                    t.credits_awarded,
                ]
                .map(count),
            ),
        );

        let budget = section_text(&path, &pdf, pages, BUDGET);
        let b = &r.budget;
        position(&budget, &format!("Total cost {}", usd(b.total_cost)));
        position(&budget, &format!("Net benefit {}", usd(b.net_benefit)));
        position(
            &budget,
            &format!(
                "Cost per enrolment {}",
                usd(b.cost_per_enrolment.expect("the sample enrols"))
            ),
        );
        let payback = b.payback_year.as_deref().expect("the sample pays back");
        position(&budget, &format!("Payback year {payback}"));
        let first = &b.years[0];
        let bare = |x: f64| usd(x).replace("US$", "");
        position(
            &budget,
            &row(
                &first.label,
                [first.licences, first.curriculum_mapping].map(bare),
            ),
        );
        position(
            &budget,
            &row(
                "Total",
                [
                    b.totals.licences,
                    b.totals.curriculum_mapping,
                    b.totals.faculty_development,
                ]
                .map(bare),
            ),
        );
        position(
            &budget,
            &row(
                &first.label,
                [
                    first.retention_benefit,
                    first.additional_enrolment_benefit,
                    first.grants,
                    first.benefit,
                    first.net_benefit,
                    first.cumulative_net_benefit,
                ]
                .map(bare),
            ),
        );

        let scenarios = section_text(&path, &pdf, pages, SCENARIOS);
        let enrolments = r.scenarios.iter().map(|s| count(s.enrolments));
        position(&scenarios, &row("Enrolments", enrolments));
        let paybacks = r.scenarios.iter().map(|s| {
            s.payback_year
                .clone()
                .unwrap_or("Not within the horizon".to_owned())
        });
        position(&scenarios, &row("Payback year", paybacks));
        let bands = r.uncertainty.as_ref().expect("the sample draws");
        position(
            &scenarios,
            &row(
                "Enrolments",
                [
                    bands.enrolments.p10,
                    bands.enrolments.p50,
                    bands.enrolments.p90,
                ]
                .map(count),
            ),
        );
        position(
            &scenarios,
            &row(
                "Net cost (cost less benefit)",
                [bands.net_cost.p10, bands.net_cost.p50, bands.net_cost.p90].map(usd),
            ),
        );
        position(
            &scenarios,
            &format!(
                "From {} draws of a seeded Monte Carlo simulation (seed {})",
                format_count(u64::from(bands.draws)),
                bands.seed
            ),
        );
    }
}

#[test]
fn the_calibration_note_quotes_the_reference_and_the_plans_own_figures() {
    for plan in [sample(), sample_with_planted_figures()] {
        let c = result(&plan)
            .calibration
            .as_ref()
            .expect("the sample launches");
        let (_dir, path, pdf, pages) = rendered(&plan);
        let uptake = section_text(&path, &pdf, pages, UPTAKE);
        position(
            &uptake,
            "Reference: The University of Texas System, a system of 240,000 students, had over \
             10,000 students enrolled in one or more certificates and over 25,000 courses \
             completed in about its first academic year (Coursera Micro-Credentials Impact Report \
             2024).",
        );
        position(
            &uptake,
            &format!(
                "this plan projects {} students in one or more credentials ({} enrolments) and {} \
                 courses completed",
                count(c.projected_learners),
                count(c.projected_enrolments),
                count(c.projected_courses_completed)
            ),
        );
        position(&uptake, "Caveats: The reference counts students");
        position(&uptake, &format!("({})", c.period_label));
        position(&uptake, &squeeze(&c.reference_quote));
    }
}

#[test]
fn phases_credentials_and_their_credit_appear_by_name() {
    let plan = sample();
    let r = result(&plan);
    let (_dir, path, pdf, pages) = rendered(&plan);
    let timeline = section_text(&path, &pdf, pages, TIMELINE);
    for phase in &r.phases {
        position(&timeline, &phase.label);
        for criterion in &phase.gate_criteria {
            position(&timeline, &format!("• {criterion}"));
        }
    }
    position(&timeline, "Starts 1 September 2026");
    position(&timeline, "Ends 31 August 2031");
    // Fall 2026 (begun 25 August, a week before the plan) to Fall 2031 (a week inside it).
    position(&timeline, "Horizon 5 years · 16 terms");
    // The last phase ends with the plan, not with Fall 2031 on 11 January 2032.
    position(&timeline, "25 August 2030 – 31 August 2031");
    assert!(
        !timeline.contains("2032"),
        "nothing runs past the plan: {timeline}"
    );

    let portfolio = section_text(&path, &pdf, pages, PORTFOLIO);
    let inputs = plan
        .stored
        .plan
        .rollout
        .as_ref()
        .expect("the sample has a rollout");
    for credential in &inputs.credentials {
        let at = position(&portfolio, &credential.title);
        let launch = r.terms[credential.launch_term as usize].label();
        assert!(
            portfolio[at..].contains(&launch),
            "{} launches in {launch}",
            credential.title
        );
    }
    // Google Cybersecurity: 170 h → ECTS 5.7–6.8, 3.8 US semester hours, NSQF 5.7, 17 CATS;
    // the sample's recommendations are marked illustrative, and the mapping says what that means.
    position(
        &portfolio,
        "Google Cybersecurity Professional Certificate ACE: 3 semester hours ECTS: 5 NSQF: \
         level 5, 5 credits (illustrative) 5.7–6.8 3.8 5.7 17 3 As elective credit",
    );
    position(
        &portfolio,
        "Recommendations marked illustrative are placeholders, not the bodies' published figures",
    );
    position(
        &portfolio,
        "is a convention between the frameworks, not an hours conversion",
    );
    position(
        &portfolio,
        "No grant exceeds what its learning hours support under the home convention",
    );
    let text = squeeze(&pdf_text(&path));
    assert!(!text.contains('\u{fffd}'), "no unmappable glyphs");
    position(&portfolio, "Credential Learning hours Launch");
    let budget = section_text(&path, &pdf, pages, BUDGET);
    position(
        &budget,
        "Fiscal year Licences Curriculum mapping Faculty development Staff Marketing \
         Technology Total cost",
    );
}

#[test]
fn a_grant_the_hours_cannot_support_is_highlighted_and_explained_in_rusts_words() {
    let mut plan = sample_plan();
    let rollout = plan.rollout.as_mut().expect("the sample has a rollout");
    rollout.credentials[0].home_credit.amount = 5.0;
    let plan = detail(plan);
    let conversion = &result(&plan).credits[0];
    assert_eq!(conversion.flags.len(), 2, "{:?}", conversion.flags);
    let (_dir, path, pdf, pages) = rendered(&plan);
    let portfolio = section_text(&path, &pdf, pages, PORTFOLIO);
    position(&portfolio, "⚠ 5 As elective credit");
    let title = "Google IT Support Professional Certificate";
    for flag in &conversion.flags {
        position(&portfolio, &format!("⚠ {title}: {}.", flag.message));
    }
    assert!(!portfolio.contains("No grant exceeds"), "{portfolio}");
}

#[test]
fn choices_print_in_the_same_words_as_the_window_shows() {
    use planner_core::rollout::{AssessmentType, GrantMethod, Participation};
    let mut plan = sample_plan();
    let rollout = plan.rollout.as_mut().expect("the sample has a rollout");
    let credential = &mut rollout.credentials[0];
    credential.standard_elements.participation = Participation::Hybrid;
    credential.standard_elements.assessment_type = AssessmentType::Mixed;
    credential.standard_elements.learning_outcomes = "Configure networks.".to_owned();
    credential.home_credit.method = GrantMethod::CourseSubstitution;
    let plan = detail(plan);
    let (_dir, path, pdf, pages) = rendered(&plan);
    let portfolio = section_text(&path, &pdf, pages, PORTFOLIO);
    // The window's words, which the UI takes from the generated labels.ts.
    for words in [
        "Hybrid (online and in person)",
        "Assessment: Mixed (several of these)",
        "In place of a program course",
    ] {
        position(&portfolio, words);
    }
    assert_eq!(
        Participation::Hybrid.label(),
        "Hybrid (online and in person)"
    );
}

#[test]
fn the_uptake_table_repeats_its_header_on_every_page_it_runs_onto() {
    let mut long = sample_plan();
    long.rollout.as_mut().expect("rollout").horizon_years = 10;
    for plan in [sample(), detail(long)] {
        let r = result(&plan);
        let (_dir, path, pdf, pages) = rendered(&plan);
        let header = "Term Phase Enrolments Completions Courses completed Credits awarded";
        let mut table_pages = 0;
        for page in section_pages(&pdf, pages, UPTAKE) {
            let text = squeeze(&pdf_text_page_raw(&path, page));
            let rows: Vec<usize> = r
                .terms
                .iter()
                .filter_map(|t| text.find(&format!("{} {:?}", t.label(), t.phase)))
                .collect();
            let Some(first_row) = rows.iter().min() else {
                continue;
            };
            table_pages += 1;
            let at = position(&text, header);
            assert!(
                at < *first_row,
                "page {page} opens the table with its header:\n{text}"
            );
        }
        assert!(
            table_pages >= 2,
            "{} terms run the table over pages: {table_pages}",
            r.terms.len()
        );
    }
}

#[test]
fn a_plan_without_a_rollout_says_it_is_not_set_up() {
    let plan = plan_for("Łódź University of Technology", "PL");
    assert_eq!(plan.projection, RolloutStatus::NotStarted);
    let report = render(&plan, &options()).expect("rendered");
    let pages = section_pages(&report.bytes, report.pages, "Rollout plan — not yet set up");
    assert_eq!(pages.start(), pages.end(), "one short page: {pages:?}");
    let (_dir, path) = export_to_temp(&plan);
    let text = squeeze(&pdf_text_page_raw(&path, *pages.start()));
    position(&text, "Rollout plan — not yet set up");
    position(&text, "This plan has no rollout yet");
}

#[test]
fn a_rollout_that_needs_attention_lists_its_problems() {
    let mut plan = sample_plan();
    let rollout = plan.rollout.as_mut().expect("rollout");
    rollout.horizon_years = 0;
    rollout.uptake.completion_rate_pct = 140.0;
    let plan = detail(plan);
    let RolloutStatus::NeedsAttention { problems } = &plan.projection else {
        panic!("invalid inputs need attention: {:?}", plan.projection);
    };
    assert!(problems.len() >= 2, "{problems:?}");
    let report = render(&plan, &options()).expect("rendered");
    let entries = outline(&report.bytes);
    let (_, page) = entries
        .iter()
        .find(|(title, _)| title == "Rollout plan — needs attention")
        .unwrap_or_else(|| panic!("a page says the rollout needs attention: {entries:?}"));
    let page = *page;
    let (_dir, path) = export_to_temp(&plan);
    let text = squeeze(&pdf_text_page_raw(&path, page));
    for problem in problems {
        position(&text, &squeeze(&problem.message));
    }
}

#[test]
fn amounts_print_in_the_plans_currency() {
    let mut euro = sample_plan();
    euro.profile.currency = "EUR".to_owned();
    let mut rupee = sample_plan();
    rupee.profile.currency = "INR".to_owned();
    for (plan, expected) in [
        (detail(euro), "Total cost €5,903,185"),
        (detail(rupee), "Total cost ₹59,03,185"),
    ] {
        let r = result(&plan);
        assert_eq!(
            count(r.budget.total_cost),
            "5,903,185",
            "same model, other currency"
        );
        let (_dir, path, pdf, pages) = rendered(&plan);
        position(&section_text(&path, &pdf, pages, BUDGET), expected);
    }
}

#[test]
fn the_rollout_pages_are_deterministic_and_dated_by_the_options() {
    let plan = sample();
    let first = render(&plan, &options()).expect("rendered");
    let later = ReportOptions::dated(chrono::NaiveDate::from_ymd_opt(2027, 1, 4).expect("date"));
    let second = render(&plan, &later).expect("rendered");
    assert_eq!(first.pages, second.pages, "the date changes no layout");
    assert!(first.bytes != second.bytes, "but it is in the file");
}
