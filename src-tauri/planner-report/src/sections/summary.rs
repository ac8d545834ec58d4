//! The executive summary: the page a committee member reads first. The plan's stage, its three
//! weakest areas, the headline figures with their P10–P90 ranges from the model's draws, and
//! how the projection compares with the reference system. Every figure is planner-core's,
//! formatted as the sections that explain it format it.

use planner_core::RolloutStatus;
use planner_core::assessment::AssessmentResult;
use planner_core::format::{Money, count, long_date, payback_range};
use planner_core::rollout::{Band, RolloutResult};

use crate::document::ReportDocument;
use crate::layout::{CONTENT_LEFT, CONTENT_WIDTH, MM, styles};
use crate::sections::rollout::uptake::calibration_verdict;
use crate::sections::rollout::{NO_PAYBACK, NO_VALUE};
use crate::sections::{ReportContext, bullet, introduction, open_section, titled_table};
use crate::table::{self, Column, Table};

pub(crate) const TITLE: &str = "Executive summary";
pub(crate) const CHALLENGES_TITLE: &str = "Top three challenges";
pub(crate) const FIGURES_TITLE: &str = "Headline figures";
pub(crate) const CALIBRATION_TITLE: &str = "Against the reference system";

pub(crate) fn draw(doc: &mut ReportDocument, context: &ReportContext<'_>) {
    let plan = context.plan;
    open_section(doc, TITLE);
    let mut opening = format!(
        "{} — stage: {}.",
        plan.profile.name,
        plan.profile.stage.label()
    );
    if let RolloutStatus::Projected { result } = context.projection {
        opening.push_str(&format!(
            " The plan runs from {} to {}.",
            long_date(result.start_date),
            long_date(result.end_date)
        ));
    }
    doc.paragraph(CONTENT_LEFT, CONTENT_WIDTH, &styles::BODY, &opening);
    doc.move_down(6.0 * MM);

    challenges(doc, context.assessment);
    doc.move_down(4.0 * MM);
    match context.projection {
        RolloutStatus::Projected { result } => {
            figures(doc, result);
            doc.move_down(4.0 * MM);
            calibration(doc, result);
        }
        RolloutStatus::NotStarted | RolloutStatus::NeedsAttention { .. } => {
            crate::sections::subheading(doc, FIGURES_TITLE, styles::BODY.line_height);
            introduction(
                doc,
                "The rollout has no figures yet (its section says why), so there are no \
                 enrolments, costs or payback to summarise.",
            );
        }
    }
}

/// The three weakest scored areas, weakest first, each with its score, band and benchmark.
fn challenges(doc: &mut ReportDocument, assessment: &AssessmentResult) {
    crate::sections::subheading(doc, CHALLENGES_TITLE, 2.0 * styles::BODY.line_height);
    let weakest: Vec<_> = assessment
        .ranking
        .iter()
        .filter_map(|key| assessment.areas.iter().find(|a| a.area == *key))
        .filter_map(|area| Some((area, area.score?)))
        .take(3)
        .collect();
    if weakest.is_empty() {
        introduction(
            doc,
            "No area has been rated yet, so the assessment ranks no challenges.",
        );
        return;
    }
    for (area, score) in weakest {
        let band = area
            .band_label
            .as_deref()
            .map_or(String::new(), |b| format!(", {}", b.to_lowercase()));
        bullet(
            doc,
            &format!(
                "{}: {score} out of 100{band}. {}.",
                area.title, area.benchmark_line
            ),
        );
    }
}

/// "12,345 – 23,456", or a dash where the model draws no range.
fn range(band: Option<Band>, format: impl Fn(f64) -> String) -> String {
    band.map_or_else(
        || NO_VALUE.to_owned(),
        |b| format!("{} – {}", format(b.p10), format(b.p90)),
    )
}

fn figures(doc: &mut ReportDocument, result: &RolloutResult) {
    let money = Money::new(&result.currency);
    let totals = &result.uptake.totals;
    let budget = &result.budget;
    let bands = result.uncertainty.as_ref();
    let as_money = |v: f64| money.format(v);
    let rows = vec![
        vec![
            "Enrolments".to_owned(),
            count(totals.enrolments),
            range(bands.map(|b| b.enrolments), count),
        ],
        vec![
            "Completions".to_owned(),
            count(totals.completions),
            range(bands.map(|b| b.completions), count),
        ],
        vec![
            "Credits awarded".to_owned(),
            count(totals.credits_awarded),
            range(bands.map(|b| b.credits_awarded), count),
        ],
        vec![
            "Net cost (cost less benefit)".to_owned(),
            money.format(budget.total_cost - budget.total_benefit),
            range(bands.map(|b| b.net_cost), as_money),
        ],
        vec![
            "Payback year".to_owned(),
            budget
                .payback_year
                .clone()
                .unwrap_or_else(|| NO_PAYBACK.to_owned()),
            bands.map_or_else(
                || NO_VALUE.to_owned(),
                |b| payback_range(&result.fiscal_years, &b.payback_year),
            ),
        ],
    ];
    let label = 62.0 * MM;
    let figure = (CONTENT_WIDTH - label) / 2.0;
    let columns = [
        Column::left(label, styles::CELL),
        Column::right(figure, styles::CELL),
        Column::right(figure, styles::CELL),
    ];
    titled_table(
        doc,
        FIGURES_TITLE,
        None,
        &Table {
            columns: &columns,
            header: Some(table::titles(&["", "Expected", "Range (P10 – P90)"])),
            rows,
            keep_whole: true,
            ..Table::default()
        },
    );
    doc.move_down(2.0 * MM);
    let note = match bands {
        Some(b) => format!(
            "Totals over the plan. Ranges are from {} draws of the model's uncertain inputs (see \
             Scenarios and uncertainty): one draw in ten falls below the first figure and one \
             in ten above the second. {} A negative net cost means the benefits exceed the costs.",
            planner_core::format_count(u64::from(b.draws)),
            RANGE_ASSUMPTIONS
        ),
        None => "Totals over the plan. The plan draws no uncertainty ranges (the number of \
                 draws is set to none). A negative net cost means the benefits exceed the costs."
            .to_owned(),
    };
    doc.paragraph(CONTENT_LEFT, CONTENT_WIDTH, &styles::SMALL, &note);
}

/// What moves each range, in the words of the model's draws (`planner_core::rollout`'s
/// Monte Carlo).
pub(crate) const RANGE_ASSUMPTIONS: &str = "Enrolments move with the target uptake rate alone; \
     completions and credits awarded also with the completion rate, each completer granted the \
     credit of their credential as planned; net cost and the payback year with all four \
     uncertain inputs, every other cost and benefit as expected. The payback year's range is \
     the first year by which one draw in ten, and nine in ten, have paid back.";

fn calibration(doc: &mut ReportDocument, result: &RolloutResult) {
    let Some(c) = &result.calibration else {
        return;
    };
    crate::sections::subheading(doc, CALIBRATION_TITLE, 2.0 * styles::BODY.line_height);
    doc.paragraph(
        CONTENT_LEFT,
        CONTENT_WIDTH,
        &styles::BODY,
        &format!(
            "From its first launch, over {}, the plan projects {} students per 1,000 in one \
             or more credentials, against {} at {}. {}",
            c.period_label,
            planner_core::format::one_decimal(c.projected_learners_per_thousand),
            planner_core::format::one_decimal(c.reference_enrolled_per_thousand),
            c.reference_institution,
            calibration_verdict(c)
        ),
    );
}
