//! Scenarios side by side, and the uncertainty ranges from the seeded Monte Carlo.

use planner_core::format_count;
use planner_core::rollout::{ScenarioKind, ScenarioResult, UncertaintyBands, VariedInput};

use crate::chart;
use crate::document::ReportDocument;
use crate::layout::{CONTENT_LEFT, CONTENT_WIDTH, MM, styles};
use crate::sections::rollout::band_chart::{self, BandRow};
use crate::sections::rollout::{NO_PAYBACK, Rollout, capitalised, plural};
use crate::sections::{introduction, open_section, subheading, titled_table};
use crate::table::{self, Column, Table};
use planner_core::format::{count, decimal, payback_percentile, percent};

pub(crate) const TITLE: &str = "Scenarios and uncertainty";
pub(crate) const ASSUMPTIONS_TITLE: &str = "What each scenario assumes";
pub(crate) const OUTCOMES_TITLE: &str = "Outcomes over the plan";
pub(crate) const UNCERTAINTY_TITLE: &str = "Uncertainty ranges";
pub(crate) const NO_DRAWS: &str = "Uncertainty ranges are not computed: the plan asks for no \
     Monte Carlo draws.";

pub(crate) fn draw(doc: &mut ReportDocument, rollout: &Rollout<'_>) {
    let result = rollout.result;
    let money = &rollout.money;
    open_section(doc, TITLE);
    introduction(
        doc,
        "Expected is the plan as entered. Conservative and ambitious change the target uptake \
         rate, the completion rate and the costs, and are projected through the same model; \
         the three are compared over the whole horizon.",
    );
    doc.move_down(6.0 * MM);

    let scenarios = ordered(&result.scenarios);
    let titles: Vec<String> = std::iter::once(String::new())
        .chain(scenarios.iter().map(|s| s.label.clone()))
        .collect();
    let label = 52.0 * MM;
    let figure = (CONTENT_WIDTH - label) / scenarios.len().max(1) as f32;
    let columns: Vec<Column> = std::iter::once(Column::left(label, styles::CELL))
        .chain(
            scenarios
                .iter()
                .map(|_| Column::right(figure, styles::CELL)),
        )
        .collect();
    let row = |name: &str, cell: &dyn Fn(&ScenarioResult) -> String| -> Vec<String> {
        std::iter::once(name.to_owned())
            .chain(scenarios.iter().map(|s| cell(s)))
            .collect()
    };

    titled_table(
        doc,
        ASSUMPTIONS_TITLE,
        None,
        &Table {
            columns: &columns,
            header: Some(titles.clone()),
            rows: vec![
                row("Target uptake rate, a term", &|s| {
                    percent(s.target_rate_pct)
                }),
                row("Completion rate", &|s| percent(s.completion_rate_pct)),
                row("Costs, times the expected", &|s| {
                    format!("×{}", decimal(s.cost_multiplier))
                }),
                row("Licence cost per learner", &|s| {
                    money.format(s.licence_cost_per_learner)
                }),
            ],
            keep_whole: true,
            ..Table::default()
        },
    );
    doc.move_down(8.0 * MM);

    titled_table(
        doc,
        OUTCOMES_TITLE,
        None,
        &Table {
            columns: &columns,
            header: Some(titles),
            rows: vec![
                row("Enrolments", &|s| count(s.enrolments)),
                row("Completions", &|s| count(s.completions)),
                row("Courses completed", &|s| count(s.course_completions)),
                row("Credits awarded", &|s| count(s.credits_awarded)),
                row("Total cost", &|s| money.format(s.total_cost)),
                row("Total benefit", &|s| money.format(s.total_benefit)),
                row("Net benefit", &|s| money.format(s.net_benefit)),
                row("Payback year", &|s| {
                    s.payback_year.clone().unwrap_or(NO_PAYBACK.to_owned())
                }),
            ],
            keep_whole: true,
            ..Table::default()
        },
    );
    doc.move_down(10.0 * MM);

    subheading(doc, UNCERTAINTY_TITLE, 40.0 * MM);
    match &result.uncertainty {
        None => introduction(doc, NO_DRAWS),
        Some(bands) => uncertainty(doc, rollout, bands),
    }
}

/// Conservative, expected, ambitious, whatever order they arrive in.
fn ordered(scenarios: &[ScenarioResult]) -> Vec<&ScenarioResult> {
    let rank = |kind: ScenarioKind| match kind {
        ScenarioKind::Conservative => 0,
        ScenarioKind::Expected => 1,
        ScenarioKind::Ambitious => 2,
    };
    let mut ordered: Vec<&ScenarioResult> = scenarios.iter().collect();
    ordered.sort_by_key(|s| rank(s.kind));
    ordered
}

/// "The plan pays back within its 5 years in 4,210 of the 5,000 draws (84%)."
fn paid_back(bands: &UncertaintyBands, horizon: Option<u8>) -> String {
    let within = match horizon {
        Some(years) => format!("within its {}", plural(years.into(), "year", "years")),
        None => "within the plan".to_owned(),
    };
    let share = f64::from(bands.payback_year.paid_back) / f64::from(bands.draws.max(1)) * 100.0;
    format!(
        "The plan pays back {within} in {} of the {} draws ({}).",
        format_count(u64::from(bands.payback_year.paid_back)),
        format_count(u64::from(bands.draws)),
        percent(share.round())
    )
}

fn uncertainty(doc: &mut ReportDocument, rollout: &Rollout<'_>, bands: &UncertaintyBands) {
    let money = &rollout.money;
    let result = rollout.result;
    let horizon = rollout.inputs.map(|inputs| inputs.horizon_years);
    let payback = bands.payback_year;
    introduction(doc, &method(rollout, bands));
    doc.move_down(6.0 * MM);
    let as_count = |v: f64| count(v);
    let as_money = |v: f64| money.format(v);
    let rows = [
        BandRow {
            title: "Enrolments",
            band: bands.enrolments,
            format: &as_count,
        },
        BandRow {
            title: "Net cost",
            band: bands.net_cost,
            format: &as_money,
        },
    ];
    chart::draw(doc, |doc, top| band_chart::lay_out(doc, &rows, top));
    doc.move_down(6.0 * MM);
    let label = 52.0 * MM;
    let figure = (CONTENT_WIDTH - label) / 3.0;
    let columns = [
        Column::left(label, styles::CELL),
        Column::right(figure, styles::CELL),
        Column::right(figure, styles::CELL),
        Column::right(figure, styles::CELL),
    ];
    table::draw(
        doc,
        &Table {
            columns: &columns,
            header: Some(table::titles(&["", "P10", "P50 (median)", "P90"])),
            rows: vec![
                vec![
                    "Enrolments".to_owned(),
                    count(bands.enrolments.p10),
                    count(bands.enrolments.p50),
                    count(bands.enrolments.p90),
                ],
                vec![
                    "Completions".to_owned(),
                    count(bands.completions.p10),
                    count(bands.completions.p50),
                    count(bands.completions.p90),
                ],
                vec![
                    "Credits awarded".to_owned(),
                    count(bands.credits_awarded.p10),
                    count(bands.credits_awarded.p50),
                    count(bands.credits_awarded.p90),
                ],
                vec![
                    "Net cost (cost less benefit)".to_owned(),
                    money.format(bands.net_cost.p10),
                    money.format(bands.net_cost.p50),
                    money.format(bands.net_cost.p90),
                ],
                std::iter::once("Payback year".to_owned())
                    .chain(
                        [payback.p10, payback.p50, payback.p90].map(|year| {
                            capitalised(&payback_percentile(&result.fiscal_years, year))
                        }),
                    )
                    .collect(),
            ],
            keep_whole: true,
            ..Table::default()
        },
    );
    doc.move_down(2.0 * MM);
    doc.paragraph(
        CONTENT_LEFT,
        CONTENT_WIDTH,
        &styles::SMALL,
        &format!(
            "One draw in ten falls below P10 and one in ten above P90; for the payback year, P10 \
             is the first year by which one draw in ten has paid back. {} A negative net cost \
             means the benefits exceed the costs.",
            paid_back(bands, horizon)
        ),
    );
}

/// How the ranges were drawn: the count, the seed and the inputs varied.
fn method(rollout: &Rollout<'_>, bands: &UncertaintyBands) -> String {
    let draws = format_count(u64::from(bands.draws));
    let varied = rollout.inputs.map(|inputs| {
        let u = &inputs.uncertainty;
        [
            ("the target uptake rate", &u.target_rate),
            ("the completion rate", &u.completion_rate),
            ("the licence cost per learner", &u.licence_cost),
            ("the retention uplift", &u.retention_uplift),
        ]
        .iter()
        .map(|(name, v)| format!("{name} ({})", range(v)))
        .collect::<Vec<_>>()
    });
    let over = match varied {
        Some(list) => format!(
            ", each draw varying {}",
            crate::sections::rollout::and_list(&list)
        ),
        None => String::new(),
    };
    format!(
        "From {draws} draws of a seeded Monte Carlo simulation (seed {}){over}. The same seed \
         gives the same ranges.",
        bands.seed
    )
}

/// "0.6–1.3 × expected; most likely near the expected value".
fn range(v: &VariedInput) -> String {
    let shape = v.shape.label();
    let mut letters = shape.chars();
    let shape: String = letters
        .next()
        .map(|first| first.to_lowercase().chain(letters).collect())
        .unwrap_or_default();
    format!("{}–{} × expected; {shape}", decimal(v.low), decimal(v.high))
}
