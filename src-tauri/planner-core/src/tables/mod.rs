//! The plan's tables as CSV files for spreadsheet programs: uptake by term, budget by fiscal
//! year, the work plan's schedule, risks and KPIs. Each holds the figures the window and the
//! PDF show, from the same [`PlanDetail`]; how the text is written (mark, quoting, formulas
//! made harmless) is in `csv.rs`.

mod csv;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use csv::{BOM, Cell, csv_text};

use crate::plan::{PlanDetail, RolloutStatus, ScheduleStatus};
use crate::rollout::RolloutResult;
use crate::workplan::{KpiSource, Schedule, TaskKind};

/// A table a plan can be exported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CsvTable {
    Uptake,
    Budget,
    Schedule,
    Risks,
    Kpis,
}

impl CsvTable {
    pub const ALL: [CsvTable; 5] = [
        CsvTable::Uptake,
        CsvTable::Budget,
        CsvTable::Schedule,
        CsvTable::Risks,
        CsvTable::Kpis,
    ];

    /// The word `mcplan csv --table` takes.
    pub fn key(self) -> &'static str {
        match self {
            CsvTable::Uptake => "uptake",
            CsvTable::Budget => "budget",
            CsvTable::Schedule => "schedule",
            CsvTable::Risks => "risks",
            CsvTable::Kpis => "kpis",
        }
    }

    pub fn parse(typed: &str) -> Option<CsvTable> {
        let typed = typed.trim().to_ascii_lowercase();
        CsvTable::ALL.into_iter().find(|t| t.key() == typed)
    }

    /// The name a file of it is suggested under, without extension: "Lakeshore plan - budget
    /// by fiscal year".
    pub fn file_stem(self, plan_title: &str) -> String {
        format!("{} - {}", crate::file_stem(plan_title), self.file_words())
    }

    /// How a file of it is named: "uptake by term".
    pub fn file_words(self) -> &'static str {
        match self {
            CsvTable::Uptake => "uptake by term",
            CsvTable::Budget => "budget by fiscal year",
            CsvTable::Schedule => "work plan",
            CsvTable::Risks => "risks",
            CsvTable::Kpis => "KPIs",
        }
    }
}

/// Why a plan has no such table yet, in words for the dean.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoTable {
    #[error("This plan has no {0} yet: set the rollout up first")]
    NotStarted(&'static str),
    #[error("This plan's {0} cannot be worked out until what needs attention is fixed")]
    NeedsAttention(&'static str),
}

/// The table as CSV text (see `csv.rs` for how it is written).
pub fn table_csv(detail: &PlanDetail, table: CsvTable) -> Result<String, NoTable> {
    let (header, rows) = match table {
        CsvTable::Uptake => uptake(projected(detail, "uptake projection")?),
        CsvTable::Budget => budget(projected(detail, "budget")?),
        CsvTable::Schedule => schedule(detail)?,
        CsvTable::Risks => risks(detail),
        CsvTable::Kpis => kpis(detail),
    };
    Ok(csv_text(&header, &rows))
}

type Rows = (Vec<String>, Vec<Vec<Cell>>);

fn projected<'a>(detail: &'a PlanDetail, what: &'static str) -> Result<&'a RolloutResult, NoTable> {
    match &detail.projection {
        RolloutStatus::Projected { result } => Ok(result),
        RolloutStatus::NotStarted => Err(NoTable::NotStarted(what)),
        RolloutStatus::NeedsAttention { .. } => Err(NoTable::NeedsAttention(what)),
    }
}

fn words(titles: &[&str]) -> Vec<String> {
    titles.iter().map(|t| (*t).to_owned()).collect()
}

fn uptake(result: &RolloutResult) -> Rows {
    let header = words(&[
        "Term",
        "Starts",
        "Ends",
        "Share of the term in the plan",
        "Academic year",
        "Fiscal year",
        "Phase",
        "Enrolments",
        "Completions",
        "Courses completed",
        "Credits awarded",
    ]);
    let rows = result
        .terms
        .iter()
        .zip(&result.uptake.by_term)
        .map(|(term, figures)| {
            vec![
                Cell::text(term.label()),
                Cell::text(term.start.to_string()),
                Cell::text(term.end.to_string()),
                Cell::share(term.share_in_plan),
                Cell::text(term.academic_year.as_str()),
                Cell::text(term.fiscal_year.as_str()),
                Cell::text(term.phase.label()),
                Cell::figure(figures.enrolments),
                Cell::figure(figures.completions),
                Cell::figure(figures.course_completions),
                Cell::figure(figures.credits_awarded),
            ]
        })
        .collect();
    (header, rows)
}

fn budget(result: &RolloutResult) -> Rows {
    let c = &result.currency;
    let money = |what: &str| format!("{what} ({c})");
    let mut header = words(&[
        "Fiscal year",
        "Starts",
        "Ends",
        "Share of the year in the plan",
        "Enrolments",
        "Completions",
    ]);
    header.extend(
        [
            "Licences",
            "Curriculum mapping",
            "Faculty development",
            "Staff",
            "Marketing",
            "Technology",
            "Total cost",
            "Retention",
            "Additional enrolment",
            "Grants",
            "Total benefit",
            "Net benefit",
            "Cumulative cost",
            "Cumulative benefit",
            "Cumulative net benefit",
        ]
        .map(money),
    );
    let rows = result
        .fiscal_years
        .iter()
        .zip(&result.budget.years)
        .map(|(fy, y)| {
            let mut row = vec![
                Cell::text(y.label.as_str()),
                Cell::text(fy.start.to_string()),
                Cell::text(fy.end.to_string()),
                Cell::share(fy.share_in_plan),
            ];
            row.extend(
                [
                    y.enrolments,
                    y.completions,
                    y.licences,
                    y.curriculum_mapping,
                    y.faculty_development,
                    y.staff,
                    y.marketing,
                    y.technology_integration,
                    y.cost,
                    y.retention_benefit,
                    y.additional_enrolment_benefit,
                    y.grants,
                    y.benefit,
                    y.net_benefit,
                    y.cumulative_cost,
                    y.cumulative_benefit,
                    y.cumulative_net_benefit,
                ]
                .map(Cell::figure),
            );
            row
        })
        .collect();
    (header, rows)
}

fn scheduled(detail: &PlanDetail) -> Result<&Schedule, NoTable> {
    match &detail.schedule {
        ScheduleStatus::Scheduled { schedule } => Ok(schedule),
        ScheduleStatus::NotStarted => Err(NoTable::NotStarted("work plan schedule")),
        ScheduleStatus::NeedsAttention { .. } => Err(NoTable::NeedsAttention("work plan schedule")),
    }
}

fn schedule(detail: &PlanDetail) -> Result<Rows, NoTable> {
    let schedule = scheduled(detail)?;
    let work_plan = &detail.stored.plan.work_plan;
    let title_of = |id: &str| {
        work_plan
            .tasks
            .iter()
            .find(|t| t.id == id)
            .map_or("", |t| t.title.as_str())
    };
    let header = words(&[
        "Task",
        "Owner",
        "Kind",
        "Starts",
        "Ends",
        "Working weeks",
        "Slack in working days",
        "Critical",
        "Ends after its phase's gate",
        "Waits on",
    ]);
    let rows = work_plan
        .tasks
        .iter()
        .zip(&schedule.tasks)
        .map(|(task, at)| {
            let waits_on: Vec<&str> = work_plan
                .dependencies
                .iter()
                .filter(|d| d.successor == task.id)
                .map(|d| title_of(&d.predecessor))
                .collect();
            vec![
                Cell::text(task.title.as_str()),
                Cell::text(task.owner_role.as_str()),
                Cell::text(kind_words(&task.kind)),
                Cell::text(at.earliest_start.to_string()),
                Cell::text(at.earliest_finish.to_string()),
                Cell::whole(task.duration_weeks),
                Cell::whole(at.slack_days),
                Cell::yes_no(at.critical),
                Cell::yes_no(at.late_for_phase),
                Cell::text(waits_on.join("; ")),
            ]
        })
        .collect();
    Ok((header, rows))
}

fn kind_words(kind: &TaskKind) -> &'static str {
    match kind {
        TaskKind::Action { .. } => "Adopted action",
        TaskKind::Custom => "Task",
        TaskKind::Milestone => "Milestone",
        TaskKind::PhaseGate { .. } => "Phase gate",
    }
}

fn risks(detail: &PlanDetail) -> Rows {
    let header = words(&[
        "Risk",
        "Likelihood (1–5)",
        "Likelihood",
        "Impact (1–5)",
        "Impact",
        "Rating (likelihood × impact)",
        "Band",
        "Mitigation",
        "Owner",
    ]);
    let rows = detail
        .stored
        .plan
        .risks
        .iter()
        .map(|r| {
            vec![
                Cell::text(r.title.as_str()),
                Cell::whole(r.likelihood),
                Cell::text(r.likelihood_words()),
                Cell::whole(r.impact),
                Cell::text(r.impact_words()),
                Cell::whole(r.severity()),
                Cell::text(r.severity_band()),
                Cell::text(r.mitigation.as_str()),
                Cell::text(r.owner_role.as_str()),
            ]
        })
        .collect();
    (header, rows)
}

/// One row per KPI, one column per fiscal year's target.
fn kpis(detail: &PlanDetail) -> Rows {
    let mut years: Vec<&str> = Vec::new();
    for kpi in &detail.kpis {
        for target in &kpi.targets {
            if !years.contains(&target.year.as_str()) {
                years.push(&target.year);
            }
        }
    }
    let mut header = words(&["KPI", "Unit", "Targets set by", "Baseline"]);
    header.extend(years.iter().map(|y| format!("Target {y}")));
    let rows = detail
        .kpis
        .iter()
        .map(|kpi| {
            let mut row = vec![
                Cell::text(kpi.label.as_str()),
                Cell::text(kpi.unit.as_str()),
                Cell::text(match kpi.source {
                    KpiSource::Model => "the rollout model",
                    KpiSource::Dean => "the dean",
                }),
                Cell::optional(kpi.baseline),
            ];
            row.extend(years.iter().map(|year| {
                Cell::optional(
                    kpi.targets
                        .iter()
                        .find(|t| t.year == *year)
                        .and_then(|t| t.value),
                )
            }));
            row
        })
        .collect();
    (header, rows)
}

#[cfg(test)]
mod tests;
