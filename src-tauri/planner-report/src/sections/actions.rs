//! The actions the dean adopted from the library, in rollout-phase order.

use planner_core::assessment::{AdoptedAction, MitigationAction, guide};

use crate::document::ReportDocument;
use crate::layout::{MM, styles};
use crate::sections::{ReportContext, introduction, open_section};
use crate::table::{self, Column, Table};
use planner_core::format::{typical_cost, weeks};

pub(crate) const TITLE: &str = "Adopted actions";
pub(crate) const NONE_ADOPTED: &str = "No actions adopted yet.";
pub(crate) const COST_NOTE: &str = "Typical costs are reference figures from US institutions, \
     in US dollars, to show the scale of each action; they are not this plan's budget.";
const NO_VALUE: &str = "—";

pub(crate) fn draw(doc: &mut ReportDocument, context: &ReportContext<'_>) {
    open_section(doc, TITLE);

    let adopted = &context.plan.assessment.adopted_actions;
    if adopted.is_empty() {
        introduction(doc, NONE_ADOPTED);
        return;
    }
    let summary = match adopted.len() {
        1 => "One action adopted from the planner's library of mitigation actions.".to_owned(),
        n => format!(
            "{n} actions adopted from the planner's library of mitigation actions, in \
             rollout-phase order: Prepare, Pilot, Scale, Sustain."
        ),
    };
    introduction(doc, &summary);
    doc.move_down(5.0 * MM);

    let widths = [36.0, 28.0, 16.0, 26.0, 19.0];
    let columns = Column::left_filling(&widths, styles::CELL);
    let header = [
        "Action",
        "Area",
        "Phase",
        "Owner",
        "Duration",
        "Typical cost",
    ];
    table::draw(
        doc,
        &Table {
            columns: &columns,
            header: Some(header.iter().map(|h| (*h).to_owned()).collect()),
            rows: rows(adopted),
            keep_whole: false,
            ..Table::default()
        },
    );
    doc.move_down(4.0 * MM);
    introduction(doc, COST_NOTE);
}

/// One row per adopted action, by phase (adoption order within a phase); actions no longer in
/// the library come last, under their key.
fn rows(adopted: &[AdoptedAction]) -> Vec<Vec<String>> {
    let mut joined: Vec<(&AdoptedAction, Option<&MitigationAction>)> = adopted
        .iter()
        .map(|a| (a, guide().action(&a.action)))
        .collect();
    joined.sort_by_key(|(_, action)| (action.is_none(), action.map(|a| a.phase)));
    joined
        .into_iter()
        .map(|(adopted, action)| match action {
            Some(action) => vec![
                action.title.clone(),
                guide().area(action.area).title.clone(),
                action.phase.label().to_owned(),
                action.owner_role.clone(),
                weeks(action.duration_weeks),
                // A line per part, so the column never splits "US$60,000" from "one-time".
                typical_cost(action.one_time_cost_usd, action.recurring_cost_usd)
                    .replace("; ", "\n"),
            ],
            None => vec![
                adopted.action.clone(),
                NO_VALUE.to_owned(),
                NO_VALUE.to_owned(),
                NO_VALUE.to_owned(),
                NO_VALUE.to_owned(),
                "No longer in the action library".to_owned(),
            ],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use planner_core::sample_plan;

    #[test]
    fn adopted_actions_are_joined_with_the_library_and_ordered_by_phase() {
        let plan = sample_plan();
        let rows = rows(&plan.assessment.adopted_actions);
        assert_eq!(rows.len(), plan.assessment.adopted_actions.len());
        let phases: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
        let mut sorted = phases.clone();
        sorted.sort_by_key(|p| {
            ["Prepare", "Pilot", "Scale", "Sustain"]
                .iter()
                .position(|q| q == p)
        });
        assert_eq!(phases, sorted, "Prepare → Pilot → Scale → Sustain");

        let budget = rows
            .iter()
            .find(|r| r[0] == "Create a pilot budget line")
            .expect("the sample adopts the pilot budget line");
        assert_eq!(budget[1], "Resource allocation");
        assert_eq!(budget[2], "Prepare");
        assert_eq!(budget[3], "Chief financial officer");
        assert_eq!(budget[4], "6 weeks");
        assert_eq!(budget[5], "US$60,000 one-time");
    }

    #[test]
    fn an_action_missing_from_the_library_is_kept_last_under_its_key() {
        let adopted = [
            AdoptedAction {
                action: "retired_action".to_owned(),
                adopted_on: "2026-11-02".to_owned(),
            },
            AdoptedAction {
                action: "faculty_champions".to_owned(),
                adopted_on: "2026-11-02".to_owned(),
            },
        ];
        let rows = rows(&adopted);
        assert_eq!(rows[0][0], "Name faculty champions with workload credit");
        assert_eq!(rows[0][5], "US$24,000 a year");
        assert_eq!(rows[1][0], "retired_action");
        assert_eq!(rows[1][5], "No longer in the action library");
    }
}
