//! The challenge assessment and the adopted actions, read back from the PDF.

use planner_core::assessment::{AdoptedAction, AreaKey, AreaResponse, guide};
use planner_core::{InstitutionProfile, Plan, PlanDetail, Stage, sample_plan};

use planner_test_support::{pages_text, pdf_text, position, squeeze};

use crate::{detail, export_to_temp, sample, section_pages_in};

const ASSESSMENT: &str = "Challenge assessment";
const SOURCE_LINE: &str = "Source: Coursera Micro-Credentials Impact Report 2024.";

/// The sample, with scores planner-core would never give for its answers: the report must
/// print these, so it cannot be scoring on its own.
fn sample_with_planted_scores() -> PlanDetail {
    let mut plan = sample();
    let planted = [7, 93, 41, 64, 18, 100];
    for (area, score) in plan.assessment_result.areas.iter_mut().zip(planted) {
        area.score = Some(score);
    }
    let mut by_score: Vec<(u8, AreaKey)> = plan
        .assessment_result
        .areas
        .iter()
        .map(|a| (a.score.unwrap_or_default(), a.area))
        .collect();
    by_score.sort();
    plan.assessment_result.ranking = by_score.iter().map(|(_, key)| *key).collect();
    for area in &mut plan.assessment_result.areas {
        let rank = plan
            .assessment_result
            .ranking
            .iter()
            .position(|k| *k == area.area);
        area.rank = rank.map(|r| u8::try_from(r + 1).expect("six areas"));
    }
    plan
}

#[test]
fn the_assessment_prints_each_areas_score_and_band_as_the_result_has_them() {
    for plan in [sample(), sample_with_planted_scores()] {
        let (_dir, path) = export_to_temp(&plan);
        let text = pages_text(&path, section_pages_in(&path, ASSESSMENT));
        let result = &plan.assessment_result;
        position(
            &text,
            &format!(
                "{} of {} statements answered.",
                result.answered, result.total
            ),
        );
        for area in &result.areas {
            let score = area.score.expect("every sample area is scored");
            let band = area
                .band_label
                .as_deref()
                .expect("scored areas have a band");
            let rank = area.rank.expect("scored areas are ranked");
            // In the chart: the area, its score, its benchmark.
            position(
                &text,
                &format!("{} {score} {}%", area.title, area.benchmark_percent),
            );
            // In the ranking table: rank, area, readiness, band.
            position(&text, &format!("{rank} {} {score} {band}", area.title));
            position(&text, &format!("{}.", area.benchmark_line));
        }
        position(&text, SOURCE_LINE);
    }
}

#[test]
fn the_ranking_table_lists_the_areas_weakest_first() {
    for plan in [sample(), sample_with_planted_scores()] {
        let (_dir, path) = export_to_temp(&plan);
        let text = pages_text(&path, section_pages_in(&path, ASSESSMENT));
        let table = &text[position(&text, "Rank Area Readiness Band Confidence Benchmark")..];
        let result = &plan.assessment_result;
        let mut previous = 0;
        for (rank, key) in result.ranking.iter().enumerate() {
            let area = result
                .areas
                .iter()
                .find(|a| a.area == *key)
                .expect("ranked areas are in the result");
            let at = position(table, &format!("{} {}", rank + 1, area.title));
            assert!(
                at >= previous,
                "{} is ranked {} and printed after the areas ranked above it:\n{table}",
                area.title,
                rank + 1
            );
            previous = at;
        }
    }
}

#[test]
fn unassessed_areas_say_so_and_are_listed_after_the_ranked_ones() {
    let mut plan = sample_plan();
    plan.assessment.responses.remove(&AreaKey::Quality);
    let plan = detail(plan);
    let (_dir, path) = export_to_temp(&plan);
    let text = pages_text(&path, section_pages_in(&path, ASSESSMENT));
    let title = &guide().area(AreaKey::Quality).title;
    position(&text, &format!("{title} Not yet assessed"));
    let table = &text[position(&text, "Rank Area")..];
    let unranked = position(table, &format!("— {title} Not yet assessed —"));
    let ranking = &plan.assessment_result.ranking;
    let last = ranking.last().expect("five areas ranked");
    let last_title = &guide().area(*last).title;
    let last_ranked = position(table, &format!("{} {last_title}", ranking.len()));
    assert!(
        unranked > last_ranked,
        "the unassessed area follows the ranked ones:\n{table}"
    );
}

#[test]
fn an_evidence_note_prints_as_typed_in_any_script() {
    let note = "Η χρηματοδότηση του πιλοτικού λήγει τον Αύγουστο 2027.\n\n\
                Финансирование пилота заканчивается — нужен новый источник.";
    let mut plan = Plan::new(
        "Πιλοτικό σχέδιο 2027".to_owned(),
        InstitutionProfile::new("Ελληνικό Ανοικτό Πανεπιστήμιο", 60_000, Stage::Exploring),
    );
    let statements = guide().area(AreaKey::Awareness).statements.len();
    plan.assessment
        .set_response(
            AreaKey::Awareness,
            AreaResponse {
                answers: vec![planner_core::assessment::Answer::Rated(2); statements],
                evidence: note.to_owned(),
            },
        )
        .expect("valid answers");
    let (_dir, path) = export_to_temp(&detail(plan));
    let text = squeeze(&pdf_text(&path));
    let notes = position(&text, "Evidence notes");
    let printed = position(&text, &squeeze(note));
    assert!(printed > notes, "the note is under its heading:\n{text}");
    assert!(!text.contains('\u{fffd}'), "no unmappable glyphs");
}

#[test]
fn adopted_actions_appear_with_their_titles_in_phase_order() {
    let plan = sample();
    let (_dir, path) = export_to_temp(&plan);
    let text = pages_text(&path, section_pages_in(&path, "Adopted actions"));
    position(&text, "Adopted actions");
    position(&text, "Action Area Phase Owner Duration Typical cost");
    let adopted = &plan.stored.plan.assessment.adopted_actions;
    assert!(!adopted.is_empty(), "the sample adopts actions");
    let mut rows: Vec<(usize, usize)> = Vec::new();
    for AdoptedAction { action, .. } in adopted {
        let action = guide()
            .action(action)
            .expect("the sample adopts library actions");
        let area = &guide().area(action.area).title;
        let at = position(&text, &format!("{} {area}", action.title));
        position(&text, &action.owner_role);
        let phase = format!("{:?}", action.phase);
        position(&text, &format!("{area} {phase}"));
        rows.push((at, action.phase as usize));
    }
    rows.sort();
    let phases: Vec<usize> = rows.iter().map(|(_, phase)| *phase).collect();
    assert!(
        phases.windows(2).all(|w| w[0] <= w[1]),
        "rows run Prepare → Pilot → Scale → Sustain: {phases:?}\n{text}"
    );
    position(&text, "US$60,000 one-time");
    position(
        &text,
        "Typical costs are reference figures from US institutions",
    );
}

#[test]
fn a_plan_without_actions_says_none_are_adopted() {
    let mut plan = sample_plan();
    plan.assessment.adopted_actions.clear();
    let (_dir, path) = export_to_temp(&detail(plan));
    let text = squeeze(&pdf_text(&path));
    let section = position(&text, "Adopted actions No actions adopted yet.");
    assert!(
        !text[section..].contains("Typical cost"),
        "no empty table:\n{text}"
    );
}
