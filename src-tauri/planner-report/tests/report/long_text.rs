//! The report never cuts text: the longest text the planner accepts in every free-text field,
//! read back whole from the PDF.

use planner_core::rollout::RolloutInputs;
use planner_core::{PlanDetail, RolloutStatus, sample_plan};

use planner_test_support::pdf_text;

use crate::{detail, export_to_temp};

/// `max` characters of numbered words `{tag}0001 {tag}0002 …`, so each word can be found.
fn longest(tag: &str, max: usize) -> String {
    let mut text = String::new();
    for n in 1.. {
        let word = format!("{tag}{n:04}");
        let sep = usize::from(!text.is_empty());
        if text.chars().count() + sep + word.chars().count() > max {
            break;
        }
        if sep == 1 {
            text.push(' ');
        }
        text.push_str(&word);
    }
    // Fill to the limit exactly with one last, shorter word of the same tag.
    let room = max - text.chars().count();
    if room > tag.len() + 1 {
        text.push(' ');
        text.push_str(&format!("{tag}{}", "9".repeat(room - tag.len() - 1)));
    }
    text
}

/// The words of `text` that belong to the field tagged `tag`, in reading order.
fn tagged<'a>(text: &'a str, tag: &str) -> Vec<&'a str> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            w.strip_prefix(tag)
                .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
        })
        .collect()
}

#[test]
fn the_longest_accepted_text_in_every_free_text_field_is_printed_whole() {
    let mut plan = sample_plan();
    let mut fields: Vec<(&str, String)> = Vec::new();
    let mut field = |tag: &'static str, max: usize| {
        let text = longest(tag, max);
        fields.push((tag, text.clone()));
        text
    };
    plan.title = field("ti", 200);
    plan.profile.name = field("in", 200);
    if let Some(response) = plan.assessment.responses.values_mut().next() {
        response.evidence = field("ev", 4_000);
    }
    let inputs: &mut RolloutInputs = plan.rollout.as_mut().expect("the sample has a rollout");
    let c = &mut inputs.credentials[0];
    c.title = field("ct", 200);
    c.provider.name = field("pv", 200);
    c.target_programs[0].name = field("pg", 200);
    c.standard_elements.learning_outcomes = field("lo", 5_000);
    c.standard_elements.quality_assurance = field("qa", 5_000);
    inputs.phases.prepare_gate = Some(vec![field("gp", 5_000)]);
    inputs.phases.pilot_gate = Some(vec![field("gi", 5_000)]);
    inputs.phases.scale_gate = Some(vec![field("gs", 5_000)]);
    inputs.phases.sustain_gate = Some(vec![field("gu", 5_000)]);
    inputs.budget.grants[0].name = field("gr", 200);
    let plan: PlanDetail = detail(plan);
    assert!(
        matches!(plan.projection, RolloutStatus::Projected { .. }),
        "the planner accepts every one of these texts"
    );

    let (_dir, path) = export_to_temp(&plan);
    let text = pdf_text(&path);
    for (tag, typed) in &fields {
        let want: Vec<&str> = typed.split_whitespace().collect();
        let got = tagged(&text, tag);
        assert!(
            got.windows(want.len()).any(|w| w == want.as_slice()),
            "the field tagged {tag} ({} characters) is printed whole, word for word; the PDF has \
             {} of its {} words, ending {:?}",
            typed.chars().count(),
            got.len().min(want.len()),
            want.len(),
            got.iter().rev().take(3).collect::<Vec<_>>()
        );
    }
}
