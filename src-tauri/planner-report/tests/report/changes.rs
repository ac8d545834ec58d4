//! The appendix "What changed since the version you reviewed": printed from planner-core's
//! comparison of a version with the plan now, in the PDF and the web page alike, and only when
//! a version is named.

use planner_core::compare::ChangesSince;
use planner_core::report::{ReportChoices, ReportSection};
use planner_core::{PlanVersion, VersionSummary, sample_plan};
use planner_report::{ReportOptions, export, render_html};
use planner_test_support::{outline, pdf_text, position, squeeze};

use crate::{detail, options, section_pages_in};

const TITLE: &str = "What changed since the version you reviewed";

/// The sample plan as it is now, with a higher target uptake and one risk fewer than in its
/// version 2, “Sent to committee, 3 March”.
fn changed_since_version_2() -> (planner_core::PlanDetail, ChangesSince) {
    let then = sample_plan();
    let mut now = then.clone();
    now.rollout
        .as_mut()
        .expect("rollout")
        .uptake
        .target_rate_pct = 3.0;
    let dropped = now.risks.remove(1).title;
    assert!(!dropped.is_empty());
    let version = PlanVersion {
        summary: VersionSummary {
            number: 2,
            label: "Sent to committee, 3 March".to_owned(),
            created_at: "2027-03-03T09:15:00Z".to_owned(),
        },
        plan: then,
    };
    let changes = ChangesSince::new(&version, &now);
    (detail(now), changes)
}

fn titles(path: &std::path::Path) -> Vec<String> {
    outline(&std::fs::read(path).expect("report on disk"))
        .into_iter()
        .map(|(title, _)| title)
        .collect()
}

#[test]
fn the_appendix_names_the_version_the_inputs_and_the_figures_that_moved() {
    let (plan, changes) = changed_since_version_2();
    let enrolments = changes
        .comparison
        .figures
        .iter()
        .find(|c| c.what == "Enrolments")
        .expect("enrolments move with uptake")
        .clone();
    let dropped = changes.comparison.risks[0].name.clone();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.pdf");
    export(&plan, &options().with_changes(changes), &path).expect("exported");

    assert_eq!(
        titles(&path).last().map(String::as_str),
        Some(TITLE),
        "the appendix closes the report"
    );
    let pages = section_pages_in(&path, TITLE);
    let text = squeeze(&planner_test_support::pages_text(&path, pages));
    position(
        &text,
        "version 2, “Sent to committee, 3 March”, kept on 3 March 2027",
    );
    position(&text, "Target uptake per term 2.5% 3%");
    let moved = format!(
        "Enrolments {} {} {}",
        enrolments.before.text(),
        enrolments.after.text(),
        enrolments
            .difference
            .as_ref()
            .map(|d| d.text())
            .expect("a difference")
    );
    position(&text, &moved);
    position(&text, &format!("Removed: {dropped}"));
}

#[test]
fn without_a_version_there_is_no_appendix_and_the_sections_chosen_still_hold() {
    let (plan, changes) = changed_since_version_2();
    let dir = tempfile::tempdir().expect("temp dir");
    let chosen = |changes: Option<ChangesSince>| ReportOptions {
        choices: ReportChoices {
            sections: vec![ReportSection::Budget, ReportSection::Summary],
            ..ReportChoices::default()
        },
        changes,
        ..options()
    };
    let with = dir.path().join("with.pdf");
    export(&plan, &chosen(Some(changes)), &with).expect("exported");
    assert_eq!(
        titles(&with),
        ["Cover", "Executive summary", "Budget", TITLE],
        "the sections ticked, in the report's order, then the appendix"
    );
    let without = dir.path().join("without.pdf");
    export(&plan, &chosen(None), &without).expect("exported");
    assert_eq!(titles(&without), ["Cover", "Executive summary", "Budget"]);
    assert!(
        !squeeze(&pdf_text(&without)).contains("What changed since"),
        "no word of changes without a version"
    );
}

#[test]
fn the_web_page_prints_the_same_appendix() {
    let (plan, changes) = changed_since_version_2();
    let target = changes.comparison.inputs[0].clone();
    let page = render_html(&plan, &options().with_changes(changes)).expect("HTML edition");
    let at = page.find(TITLE).expect("the appendix's heading");
    let appendix = &page[at..];
    for said in [
        "Target uptake per term",
        &target.before.text(),
        &target.after.text(),
        "Then",
        "Now",
    ] {
        assert!(appendix.contains(said), "the appendix says {said:?}");
    }
}

#[test]
fn a_version_the_plan_still_matches_says_nothing_changed() {
    let plan = sample_plan();
    let version = PlanVersion {
        summary: VersionSummary {
            number: 1,
            label: "First draft".to_owned(),
            created_at: "2027-01-10T12:00:00Z".to_owned(),
        },
        plan: plan.clone(),
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.pdf");
    let changes = ChangesSince::new(&version, &plan);
    export(&detail(plan), &options().with_changes(changes), &path).expect("exported");
    let text = squeeze(&planner_test_support::pages_text(
        &path,
        section_pages_in(&path, TITLE),
    ));
    position(&text, "Nothing has changed since that version");
}
