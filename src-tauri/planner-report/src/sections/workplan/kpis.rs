//! The KPIs: each with its unit, its baseline and a target for each fiscal year; the ones
//! that follow the rollout model say so. Years run in tables of five so the columns keep a
//! readable width whatever the horizon.

use planner_core::workplan::{Kpi, KpiSource};

use crate::document::ReportDocument;
use crate::layout::{CONTENT_WIDTH, MM, styles};
use crate::sections::rollout::NO_VALUE;
use crate::sections::{introduction, open_section, titled_table};
use crate::table::{Column, Table};

pub(crate) const TITLE: &str = "Key performance indicators";
pub(crate) const NO_KPIS: &str = "No KPIs are set yet.";
pub(crate) const FROM_MODEL: &str = "From the rollout model";
pub(crate) const INTRODUCTION: &str = "What the plan will be judged by: where the institution \
     stands before it (the baseline) and a target for each fiscal year. The targets marked \
     “From the rollout model” are the model's own figures and change with its inputs; the \
     others are the plan's commitments. A dash is a figure not set yet.";
const YEARS_PER_TABLE: usize = 5;
const NAME_COLUMN: f32 = 46.0 * MM;

pub(crate) fn draw(doc: &mut ReportDocument, kpis: &[Kpi]) {
    open_section(doc, TITLE);
    if kpis.is_empty() {
        introduction(doc, NO_KPIS);
        return;
    }
    introduction(doc, INTRODUCTION);
    doc.move_down(6.0 * MM);
    let years: Vec<&str> = kpis
        .iter()
        .max_by_key(|k| k.targets.len())
        .map(|k| k.targets.iter().map(|t| t.year.as_str()).collect())
        .unwrap_or_default();
    let chunks: Vec<&[&str]> = if years.is_empty() {
        vec![&[]]
    } else {
        years.chunks(YEARS_PER_TABLE).collect()
    };
    for (n, chunk) in chunks.iter().enumerate() {
        let title = match (chunk.first(), chunk.last()) {
            (Some(first), Some(last)) if first != last => format!("Targets {first}–{last}"),
            (Some(first), _) => format!("Targets {first}"),
            _ => "Baselines".to_owned(),
        };
        let figures = 1 + chunk.len();
        let figure_width = (CONTENT_WIDTH - NAME_COLUMN) / (1 + YEARS_PER_TABLE) as f32;
        let mut columns = vec![Column::left(NAME_COLUMN, styles::CELL).with_muted_details()];
        columns.extend((0..figures).map(|_| Column::right(figure_width, styles::CELL)));
        let mut header = vec!["KPI".to_owned(), "Baseline".to_owned()];
        header.extend(chunk.iter().map(|y| (*y).to_owned()));
        let rows = kpis.iter().map(|kpi| row(kpi, chunk)).collect();
        if n > 0 {
            doc.move_down(6.0 * MM);
        }
        titled_table(
            doc,
            &title,
            None,
            &Table {
                columns: &columns,
                header: Some(header),
                rows,
                compact: true,
                ..Table::default()
            },
        );
    }
}

fn row(kpi: &Kpi, years: &[&str]) -> Vec<String> {
    let figure =
        |value: Option<f64>| value.map_or_else(|| NO_VALUE.to_owned(), |v| kpi.key.format(v));
    let name = match kpi.source {
        KpiSource::Model => format!("{}\n{}\n{FROM_MODEL}", kpi.label, kpi.unit),
        KpiSource::Dean => format!("{}\n{}", kpi.label, kpi.unit),
    };
    let mut cells = vec![name, figure(kpi.baseline)];
    cells.extend(years.iter().map(|year| {
        figure(
            kpi.targets
                .iter()
                .find(|t| t.year == *year)
                .and_then(|t| t.value),
        )
    }));
    cells
}

#[cfg(test)]
mod tests {
    use planner_core::workplan::{KpiKey, KpiTarget};

    use super::*;

    #[test]
    fn a_long_horizon_runs_its_years_in_tables_of_five_with_every_target() {
        let kpi = |key: KpiKey, source| Kpi {
            key,
            label: key.label_and_unit().0.to_owned(),
            unit: key.label_and_unit().1.to_owned(),
            baseline: Some(1.5),
            targets: (0..11)
                .map(|i| KpiTarget {
                    year: format!("FY{}", 2027 + i),
                    value: Some(f64::from(1_000 + i)),
                })
                .collect(),
            source,
        };
        let kpis = [
            kpi(KpiKey::Enrolments, KpiSource::Model),
            kpi(KpiKey::RetentionChange, KpiSource::Dean),
        ];
        let mut doc = ReportDocument::new(1).expect("document");
        draw(&mut doc, &kpis);
        let lines: Vec<String> = doc
            .lines_by_page()
            .concat()
            .into_iter()
            .map(|(_, text)| text)
            .collect();
        for title in [
            "Targets FY2027–FY2031",
            "Targets FY2032–FY2036",
            "Targets FY2037",
        ] {
            assert!(lines.contains(&title.to_owned()), "{title}: {lines:?}");
        }
        for value in 1_000..1_011 {
            for key in [KpiKey::Enrolments, KpiKey::RetentionChange] {
                let figure = key.format(f64::from(value));
                assert!(lines.contains(&figure), "{figure} printed");
            }
        }
        let marked = lines.iter().filter(|l| *l == FROM_MODEL).count();
        assert_eq!(
            marked, 3,
            "the model's KPI marked in each of the three tables"
        );
    }
}
