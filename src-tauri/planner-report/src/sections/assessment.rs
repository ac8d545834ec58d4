//! The challenge assessment: the readiness chart against the survey benchmarks, the ranking,
//! the dean's evidence notes and the benchmark sources. Every figure is `AssessmentResult`'s,
//! as planner-core computed it.

use planner_core::Stage;
use planner_core::assessment::{AreaResult, AssessmentResult, Confidence, guide};

use crate::document::ReportDocument;
use crate::layout::{CONTENT_LEFT, CONTENT_WIDTH, MM, styles};
use crate::sections::readiness_chart::{self, ChartRow, NOT_ASSESSED};
use crate::sections::{ReportContext, bullet, introduction, open_section, subheading};
use crate::table::{self, Column, Table};

pub(crate) const TITLE: &str = "Challenge assessment";
const NO_VALUE: &str = "—";

pub(crate) fn draw(doc: &mut ReportDocument, context: &ReportContext<'_>) {
    let result = context.assessment;
    open_section(doc, TITLE);
    introduction(doc, &summary(result));
    doc.move_down(7.0 * MM);

    let rows: Vec<ChartRow<'_>> = result
        .areas
        .iter()
        .map(|area| ChartRow {
            title: &area.title,
            score: area.score,
            benchmark: area.benchmark_percent,
        })
        .collect();
    readiness_chart::draw(doc, &rows);
    doc.move_down(9.0 * MM);

    let ranking_title = if result.ranking.is_empty() {
        "Areas, not yet ranked"
    } else {
        "Areas ranked, weakest first"
    };
    subheading(doc, ranking_title, 20.0 * MM);
    ranking_table(doc, result);

    let notes: Vec<(&str, &str)> = result
        .areas
        .iter()
        .filter_map(|area| {
            let response = context.plan.assessment.responses.get(&area.area)?;
            let note = response.evidence.trim();
            (!note.is_empty()).then_some((area.title.as_str(), note))
        })
        .collect();
    if !notes.is_empty() {
        doc.move_down(8.0 * MM);
        subheading(doc, "Evidence notes", 2.0 * styles::BODY.line_height);
        for (title, note) in notes {
            doc.keep_together(styles::LABEL.line_height + styles::BODY.line_height);
            doc.paragraph(CONTENT_LEFT, CONTENT_WIDTH, &styles::LABEL, title);
            doc.paragraph(CONTENT_LEFT, CONTENT_WIDTH, &styles::BODY, note);
            doc.move_down(3.0 * MM);
        }
    }

    doc.move_down(5.0 * MM);
    subheading(doc, "Benchmarks", 2.0 * styles::BODY.line_height);
    for area in &result.areas {
        bullet(doc, &format!("{}.", area.benchmark_line));
    }
    doc.move_down(2.0 * MM);
    doc.paragraph(
        CONTENT_LEFT,
        CONTENT_WIDTH,
        &styles::SMALL,
        &format!("Source: {}.", guide().source),
    );
}

/// "31 of 32 statements answered." and how to read the chart.
fn summary(result: &AssessmentResult) -> String {
    let scale = "Readiness runs from 0 (the obstacle is as large as it gets) to 100 (nothing \
                 stands in the way); under each score, the share of surveyed leaders who name \
                 that area a top challenge.";
    if result.answered == 0 {
        format!(
            "None of the {} statements has been answered yet, so no area is scored. {scale}",
            result.total
        )
    } else {
        format!(
            "{} of {} statements answered. {scale}",
            result.answered, result.total
        )
    }
}

fn ranking_table(doc: &mut ReportDocument, result: &AssessmentResult) {
    let widths = [14.0, 38.0, 22.0, 26.0, 26.0];
    let columns = Column::left_filling(&widths, styles::CELL);
    let header = [
        "Rank",
        "Area",
        "Readiness",
        "Band",
        "Confidence",
        "Benchmark",
    ];
    table::draw(
        doc,
        &Table {
            columns: &columns,
            header: Some(header.iter().map(|h| (*h).to_owned()).collect()),
            rows: ranked(result).into_iter().map(ranking_row).collect(),
            keep_whole: true,
            ..Table::default()
        },
    );
}

/// Scored areas in the result's ranking (weakest first), then the unscored in wizard order.
fn ranked(result: &AssessmentResult) -> Vec<&AreaResult> {
    let scored = result
        .ranking
        .iter()
        .filter_map(|key| result.areas.iter().find(|a| a.area == *key));
    let unscored = result
        .areas
        .iter()
        .filter(|a| !result.ranking.contains(&a.area));
    scored.chain(unscored).collect()
}

fn ranking_row(area: &AreaResult) -> Vec<String> {
    vec![
        area.rank.map_or(NO_VALUE.to_owned(), |r| r.to_string()),
        area.title.clone(),
        area.score
            .map_or(NOT_ASSESSED.to_owned(), |s| s.to_string()),
        area.band_label.clone().unwrap_or(NO_VALUE.to_owned()),
        confidence(area),
        format!(
            "{}% {}",
            area.benchmark_percent,
            population(guide().area(area.area).emphasised_for)
        ),
    ]
}

/// "High: 5 of 5 rated".
fn confidence(area: &AreaResult) -> String {
    let level = match area.confidence {
        Confidence::High => "High",
        Confidence::Medium => "Medium",
        Confidence::Low => "Low",
        Confidence::None => "None",
    };
    format!("{level}: {} of {} rated", area.rated, area.statements)
}

/// Which leaders a benchmark counts: those at the stage that named the area a top challenge.
fn population(stage: Stage) -> &'static str {
    match stage {
        Stage::Offering => "at offering institutions",
        Stage::Exploring => "at institutions not yet offering",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use planner_core::assessment::{AreaKey, Assessment, assess};
    use planner_core::sample_plan;

    #[test]
    fn the_table_follows_the_results_ranking_then_lists_what_is_unscored() {
        let plan = sample_plan();
        let mut assessment = plan.assessment.clone();
        assessment.responses.remove(&AreaKey::Quality);
        let result = assess(&assessment, plan.profile.stage);
        let order: Vec<AreaKey> = ranked(&result).iter().map(|a| a.area).collect();
        let mut expected = result.ranking.clone();
        expected.push(AreaKey::Quality);
        assert_eq!(order, expected);

        let unscored = ranking_row(ranked(&result)[5]);
        assert_eq!(unscored[0], NO_VALUE);
        assert_eq!(unscored[2], NOT_ASSESSED);
        assert_eq!(unscored[4], "None: 0 of 5 rated");
        assert_eq!(unscored[5], "35% at institutions not yet offering");
    }

    #[test]
    fn a_row_prints_the_results_figures_as_they_are() {
        let plan = sample_plan();
        let result = assess(&plan.assessment, plan.profile.stage);
        let weakest = ranked(&result)[0];
        let row = ranking_row(weakest);
        assert_eq!(row[0], "1");
        assert_eq!(row[1], weakest.title);
        assert_eq!(row[2], weakest.score.expect("scored").to_string());
        assert_eq!(Some(&row[3]), weakest.band_label.as_ref());
        assert_eq!(
            row[5],
            format!("{}% at offering institutions", weakest.benchmark_percent)
        );
    }

    #[test]
    fn the_summary_counts_the_answered_statements() {
        let result = assess(&Assessment::default(), Stage::Exploring);
        let expected = format!("None of the {} statements", result.total);
        assert!(
            summary(&result).starts_with(&expected),
            "{}",
            summary(&result)
        );
        let plan = sample_plan();
        let result = assess(&plan.assessment, plan.profile.stage);
        assert!(
            summary(&result).starts_with(&format!(
                "{} of {} statements answered.",
                result.answered, result.total
            )),
            "{}",
            summary(&result)
        );
    }
}
