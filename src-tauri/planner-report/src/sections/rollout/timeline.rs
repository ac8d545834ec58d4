//! The rollout timeline: the plan's dates, the Gantt chart of phases and launches, and the
//! phases with their gate criteria.

use crate::chart;
use crate::document::ReportDocument;
use crate::layout::{MM, styles};
use crate::sections::rollout::gantt::{self, Launch, term_range};
use crate::sections::rollout::{NO_VALUE, Rollout, plural};
use crate::sections::{introduction, key_figures, open_section, titled_table};
use crate::table::{Column, Table};
use planner_core::format::long_date;

pub(crate) const TITLE: &str = "Rollout timeline";
pub(crate) const PHASES_TITLE: &str = "Phases and their gates";

pub(crate) fn draw(doc: &mut ReportDocument, rollout: &Rollout<'_>) {
    let result = rollout.result;
    open_section(doc, TITLE);
    introduction(
        doc,
        "The rollout moves through four phases: Prepare, Pilot, Scale and Sustain. Each phase \
         ends at a gate: the criteria the steering group checks before the next phase begins.",
    );
    doc.move_down(5.0 * MM);

    let horizon = match rollout.inputs {
        Some(inputs) => format!(
            "{} · {}",
            plural(usize::from(inputs.horizon_years), "year", "years"),
            plural(result.terms.len(), "term", "terms")
        ),
        None => plural(result.terms.len(), "term", "terms"),
    };
    let fiscal = match (result.fiscal_years.first(), result.fiscal_years.last()) {
        (Some(first), Some(last)) if first.index != last.index => {
            format!("{}–{}", first.label, last.label)
        }
        (Some(first), _) => first.label.clone(),
        _ => NO_VALUE.to_owned(),
    };
    key_figures(
        doc,
        &[
            ("Starts", long_date(result.start_date)),
            ("Ends", long_date(result.end_date)),
            ("Horizon", horizon),
            ("Fiscal years", fiscal),
        ],
    );
    doc.move_down(8.0 * MM);

    let launches: Vec<Launch> = rollout
        .inputs
        .map(|inputs| {
            inputs
                .credentials
                .iter()
                .map(|c| Launch {
                    title: c.title.clone(),
                    term: c.launch_term,
                })
                .collect()
        })
        .unwrap_or_default();
    chart::draw(doc, |doc, top| {
        gantt::lay_out(doc, &result.terms, &result.phases, &launches, top)
    });
    doc.move_down(9.0 * MM);

    let columns = Column::left_filling(&[22.0, 34.0, 34.0], styles::CELL);
    let rows = result
        .phases
        .iter()
        .map(|phase| {
            let (terms, dates) = match (phase.first_term, phase.last_term) {
                (Some(first), Some(last)) => (
                    format!(
                        "{}\n{}",
                        term_range(&result.terms, first, last).replace(" – ", " –\n"),
                        plural(phase.term_count as usize, "term", "terms")
                    ),
                    match (phase.start, phase.end) {
                        (Some(start), Some(end)) => {
                            format!("{} –\n{}", long_date(start), long_date(end))
                        }
                        _ => NO_VALUE.to_owned(),
                    },
                ),
                _ => ("Not within the horizon".to_owned(), NO_VALUE.to_owned()),
            };
            let gates = if phase.gate_criteria.is_empty() {
                NO_VALUE.to_owned()
            } else {
                phase
                    .gate_criteria
                    .iter()
                    .map(|c| format!("• {}", c.trim()))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            vec![phase.label.clone(), terms, dates, gates]
        })
        .collect();
    titled_table(
        doc,
        PHASES_TITLE,
        None,
        &Table {
            columns: &columns,
            header: Some(
                ["Phase", "Terms", "Dates", "Gate criteria"]
                    .iter()
                    .map(|h| (*h).to_owned())
                    .collect(),
            ),
            rows,
            ..Table::default()
        },
    );
}
