//! The work plan and what goes with it: the Gantt chart of the scheduled tasks with the
//! milestones, the critical path and how the schedule was worked out; faculty engagement; the
//! risks on a 5×5 matrix; the KPIs. Every date and figure is planner-core's, printed as it is.

mod engagement;
mod gantt;
mod gantt_links;
mod kpis;
mod risks;
mod schedule;

use planner_core::rollout::RolloutResult;
use planner_core::workplan::{Schedule, WorkPlan};
use planner_core::{RolloutStatus, ScheduleStatus};

use crate::document::ReportDocument;
use crate::sections::ReportContext;

/// What the work plan section prints from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WorkPlanFigures<'a> {
    pub(crate) rollout: &'a RolloutResult,
    pub(crate) work_plan: &'a WorkPlan,
    /// The work plan scheduled on the rollout's calendar.
    pub(crate) schedule: &'a Schedule,
}

/// The work plan is scheduled on the rollout's calendar: without rollout figures (the
/// rollout's own section then says why) it has no section.
pub(crate) fn draw_work_plan(doc: &mut ReportDocument, context: &ReportContext<'_>) {
    let RolloutStatus::Projected { result } = context.projection else {
        return;
    };
    match context.schedule {
        ScheduleStatus::Scheduled { schedule } => schedule::draw(
            doc,
            &WorkPlanFigures {
                rollout: result,
                work_plan: &context.plan.work_plan,
                schedule,
            },
        ),
        ScheduleStatus::NeedsAttention { problems } => schedule::needs_attention(doc, problems),
        ScheduleStatus::NotStarted => {}
    }
}

/// Faculty hours are counted in the rollout's terms: like the work plan, no section without
/// rollout figures.
pub(crate) fn draw_engagement(doc: &mut ReportDocument, context: &ReportContext<'_>) {
    if let RolloutStatus::Projected { result } = context.projection {
        engagement::draw(doc, result, &context.plan.engagement, context.engagement);
    }
}

/// The risks come from the assessment, so they print without a rollout too, when there are
/// some.
pub(crate) fn draw_risks(doc: &mut ReportDocument, context: &ReportContext<'_>) {
    let projected = matches!(context.projection, RolloutStatus::Projected { .. });
    if projected || !context.plan.risks.is_empty() {
        risks::draw(doc, &context.plan.risks);
    }
}

/// The KPIs' targets are per fiscal year of the rollout.
pub(crate) fn draw_kpis(doc: &mut ReportDocument, context: &ReportContext<'_>) {
    if matches!(context.projection, RolloutStatus::Projected { .. }) {
        kpis::draw(doc, context.kpis);
    }
}

/// The sample plan with its figures, as planner-core works them out, for the sections' tests.
#[cfg(test)]
pub(crate) mod sample {
    use planner_core::workplan::{Schedule, WorkPlan};
    use planner_core::{
        PlanDetail, RolloutStatus, ScheduleStatus, StoredPlan, rollout::RolloutResult,
    };

    use super::WorkPlanFigures;

    pub(crate) struct SampleWorkPlan {
        pub(crate) detail: PlanDetail,
    }

    impl SampleWorkPlan {
        pub(crate) fn new() -> Self {
            Self::with(|_| {})
        }

        /// The sample with its work plan changed by `change` before it is scheduled.
        pub(crate) fn with(change: impl FnOnce(&mut WorkPlan)) -> Self {
            let mut plan = planner_core::sample_plan();
            change(&mut plan.work_plan);
            Self::of(plan)
        }

        /// `plan` stored, with its figures worked out.
        pub(crate) fn of(plan: planner_core::Plan) -> Self {
            let detail = StoredPlan::unsaved(plan).detail();
            Self { detail }
        }

        pub(crate) fn rollout(&self) -> &RolloutResult {
            match &self.detail.projection {
                RolloutStatus::Projected { result } => result,
                other => panic!("the sample projects: {other:?}"),
            }
        }

        pub(crate) fn work_plan(&self) -> &WorkPlan {
            &self.detail.stored.plan.work_plan
        }

        pub(crate) fn schedule(&self) -> &Schedule {
            match &self.detail.schedule {
                ScheduleStatus::Scheduled { schedule } => schedule,
                other => panic!("the sample schedules: {other:?}"),
            }
        }

        pub(crate) fn figures(&self) -> WorkPlanFigures<'_> {
            WorkPlanFigures {
                rollout: self.rollout(),
                work_plan: self.work_plan(),
                schedule: self.schedule(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use planner_core::EngagementStatus;
    use planner_core::format::long_date;
    use planner_core::report::{ReportChoices, ReportSection};

    use super::sample::SampleWorkPlan;
    use crate::content::Block;
    use crate::document::ReportDocument;
    use crate::layout::{CONTENT_BOTTOM, CONTENT_TOP};
    use crate::sections::ReportContext;

    fn laid_out(detail: &planner_core::PlanDetail) -> ReportDocument {
        let context = ReportContext {
            plan: &detail.stored.plan,
            assessment: &detail.assessment_result,
            projection: &detail.projection,
            schedule: &detail.schedule,
            engagement: &detail.engagement,
            kpis: &detail.kpis,
            generated_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("a date"),
            version: &planner_core::ReportedVersion::WorkingCopy,
            choices: &ReportChoices::default(),
            health: &[],
            changes: None,
        };
        let mut doc = ReportDocument::new(1).expect("document");
        for section in [
            ReportSection::WorkPlan,
            ReportSection::Engagement,
            ReportSection::Risks,
            ReportSection::Kpis,
        ] {
            crate::sections::draw(&mut doc, &context, section);
        }
        doc
    }

    /// Each page's lines joined by spaces, so a name wrapped over lines reads as typed.
    fn drawn(detail: &planner_core::PlanDetail) -> Vec<String> {
        let pages = laid_out(detail).lines_by_page();
        for (n, lines) in pages.iter().enumerate() {
            for (baseline, text) in lines {
                assert!(
                    *baseline > CONTENT_BOTTOM && *baseline < CONTENT_TOP,
                    "{text:?} at {baseline} inside the text area on page {}",
                    n + 1
                );
            }
        }
        pages
            .iter()
            .map(|lines| {
                let texts: Vec<&str> = lines.iter().map(|(_, t)| t.as_str()).collect();
                texts.join(" ")
            })
            .collect()
    }

    #[test]
    fn the_html_edition_has_each_task_with_its_dates_in_a_table_beside_the_chart() {
        let sample = SampleWorkPlan::new();
        let doc = laid_out(&sample.detail);
        let content = doc.content();
        let at = content
            .iter()
            .position(|b| *b == Block::Heading(super::schedule::TASKS_TITLE.to_owned()))
            .expect("the tasks' table has a heading");
        assert!(
            matches!(content[at - 1], Block::Chart { .. }),
            "right after the chart it stands for"
        );
        let Block::Table(table) = &content[at + 1] else {
            panic!("a table follows: {:?}", content[at + 1]);
        };
        let tasks = &sample.work_plan().tasks;
        assert_eq!(table.rows.len(), tasks.len(), "a row per task");
        for ((task, at), row) in tasks.iter().zip(&sample.schedule().tasks).zip(&table.rows) {
            let expected = [
                task.title.clone(),
                task.owner_role.clone(),
                long_date(at.earliest_start),
                long_date(at.earliest_finish),
            ];
            assert_eq!(
                row[..4],
                expected,
                "{:?} with its owner and dates",
                task.title
            );
        }
        let waits: Vec<&str> = table.rows.iter().map(|row| row[5].as_str()).collect();
        for dependency in &sample.work_plan().dependencies {
            let title = |id: &str| {
                let task = tasks.iter().find(|t| t.id == id).expect("a task");
                task.title.clone()
            };
            let at = tasks
                .iter()
                .position(|t| t.id == dependency.successor)
                .expect("its task");
            let before = title(&dependency.predecessor);
            let said = match dependency.lag_weeks {
                0 => before,
                1 => format!("{before} (1 week later)"),
                n => format!("{before} ({n} weeks later)"),
            };
            assert!(
                waits[at].split("; ").any(|w| w == said),
                "{said:?} in what {:?} waits for: {:?}",
                tasks[at].title,
                waits[at]
            );
        }
        assert!(
            waits.iter().any(|w| w.contains("weeks later)")),
            "the sample's lags are kept: {waits:?}"
        );
        let drawn = drawn(&sample.detail).join(" ");
        assert!(
            !drawn.contains(super::schedule::TASKS_TITLE),
            "the PDF shows the dates on the chart instead"
        );
    }

    #[test]
    fn the_critical_path_is_stated_in_words_from_first_to_last() {
        let sample = SampleWorkPlan::new();
        let whole = drawn(&sample.detail).join(" ");
        let schedule = sample.schedule();
        let titles: Vec<&str> = schedule
            .critical_path
            .iter()
            .map(|id| {
                let task = sample.work_plan().tasks.iter().find(|t| &t.id == id);
                task.expect("a task of the plan").title.as_str()
            })
            .collect();
        assert!(titles.len() > 1, "the sample has a critical chain");
        let chain = titles.join(" → ");
        assert!(whole.contains(&chain), "{chain:?} in {whole}");
        assert!(whole.contains(&long_date(schedule.finish)));
    }

    #[test]
    fn a_term_over_capacity_is_called_out_and_its_shortfall_shown() {
        let mut plan = planner_core::sample_plan();
        plan.engagement.hours_per_engaged_member_per_term = 1.0;
        let detail = SampleWorkPlan::of(plan).detail;
        let EngagementStatus::Projected { projection } = &detail.engagement else {
            panic!("the engagement projects");
        };
        let over: Vec<_> = projection
            .terms
            .iter()
            .filter(|t| t.over_capacity)
            .collect();
        assert!(!over.is_empty(), "an hour each is too little");
        let whole = drawn(&detail).join(" ");
        for term in over {
            let warning = term.warning.clone().expect("a warning");
            assert!(whole.contains(&warning), "{warning:?} called out");
        }
        assert!(whole.contains("Short by"), "the table shows the shortfall");
    }
}
