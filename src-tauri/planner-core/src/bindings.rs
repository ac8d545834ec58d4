//! The TypeScript types the UI uses for data from Rust are generated here, never written by hand,
//! and so are the words for each choice (`labels.ts`, from planner-core's `label()`s).
//! `cargo test -p planner-core bindings` fails when `ui/src/bindings/` is stale; run it with
//! `UPDATE_BINDINGS=1` to rewrite them.

use std::path::{Path, PathBuf};

use ts_rs::{Config, TS};

use crate::*;

fn generated() -> Vec<(String, String)> {
    let cfg = Config::default();
    let mut files = Vec::new();
    let mut add = |name: String, text: String| files.push((format!("{name}.ts"), text));
    macro_rules! export {
        ($($ty:ty),* $(,)?) => {
            $( add(<$ty as TS>::ident(&cfg), <$ty as TS>::export_to_string(&cfg).expect("export")); )*
        };
    }
    export!(
        Plan,
        StoredPlan,
        PlanSummary,
        PlanVersion,
        VersionSummary,
        compare::PlanComparison,
        compare::ValueChange,
        compare::Shown,
        compare::Difference,
        compare::ItemChange,
        compare::ChangeKind,
        InstitutionProfile,
        ProfileForm,
        Stage,
        FieldError,
        Problem,
        ProblemKind,
        CodeName,
        InstitutionType,
        AcademicCalendar,
        CalendarSystem,
        TermStart,
        TermStartForm,
        CreditSystem,
        PlanDetail,
        DraftEdit,
        DraftFigures,
        RolloutStatus,
        ScheduleStatus,
        EngagementStatus,
        ProfileOptions,
        Choice,
        CalendarChoice,
        assessment::AssessmentGuide,
        assessment::AreaKey,
        assessment::Answer,
        assessment::AreaResponse,
        assessment::WizardPosition,
        assessment::AdoptedAction,
        assessment::Assessment,
        assessment::AssessmentResult,
        assessment::AreaResult,
        assessment::Confidence,
        assessment::BandKey,
        assessment::Effort,
        assessment::Phase,
        assessment::ChallengeArea,
        assessment::Benchmark,
        assessment::Statement,
        assessment::SeverityBand,
        assessment::Finding,
        assessment::MitigationAction,
        ExportOutcome,
        ExportStage,
        ImportOutcome,
        rollout::RolloutInputs,
        rollout::PhasePlan,
        rollout::Credential,
        rollout::Provider,
        rollout::ProviderKind,
        rollout::CredentialField,
        rollout::CreditRecommendation,
        rollout::HomeCredit,
        rollout::GrantMethod,
        rollout::TargetProgram,
        rollout::CredentialRef,
        rollout::StandardElements,
        rollout::AssessmentType,
        rollout::Participation,
        rollout::UptakeAssumptions,
        rollout::BudgetInputs,
        rollout::Grant,
        rollout::ScenarioInputs,
        rollout::ScenarioAdjustment,
        rollout::UncertaintyInputs,
        rollout::VariedInput,
        rollout::DrawShape,
        rollout::RolloutResult,
        rollout::Term,
        rollout::FiscalYear,
        rollout::PhaseSpan,
        rollout::CreditConversion,
        rollout::CreditFlag,
        rollout::CreditFlagKind,
        rollout::UptakeProjection,
        rollout::CredentialUptake,
        rollout::TermUptake,
        rollout::UptakeTotals,
        rollout::BudgetProjection,
        rollout::BudgetYear,
        rollout::BudgetTotals,
        rollout::ScenarioResult,
        rollout::ScenarioKind,
        rollout::UncertaintyBands,
        rollout::Band,
        rollout::PaybackBand,
        rollout::Calibration,
        rollout::CalibrationVerdict,
        workplan::WorkPlan,
        workplan::Task,
        workplan::TaskKind,
        workplan::Dependency,
        workplan::Schedule,
        workplan::ScheduledLink,
        workplan::ScheduledTask,
        workplan::Risk,
        workplan::RiskEdit,
        workplan::WorkPlanEdit,
        workplan::TaskFields,
        workplan::KpiEdit,
        workplan::Kpi,
        workplan::KpiKey,
        workplan::KpiSource,
        workplan::KpiTarget,
        workplan::FacultyEngagement,
        workplan::Department,
        workplan::Champion,
        workplan::TrainingSession,
        workplan::EngagementTarget,
        workplan::EngagementProjection,
        workplan::TermEngagement,
        health::HealthItem,
        health::HealthRuleKey,
        health::Severity,
        health::FixPlace,
        report::ReportSection,
        report::Paper,
        report::ReportChoices,
        review::Review,
        review::PlanStatus,
        review::Reviewer,
        review::Decision,
        review::Verdict,
        review::ReviewComment,
        review::CommentOrigin,
        review::ReviewEdit,
        review::CommentsFound,
        review::SectionCount,
        tables::CsvTable,
        rollup::Rollup,
        rollup::RollupFigures,
        rollup::RollupYear,
        rollup::CampusYear,
        rollup::CampusSummary,
        rollup::CampusHeadline,
        rollup::RollupFile,
    );
    add("labels".to_owned(), crate::labels::typescript());
    files
}

fn bindings_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings")
}

#[test]
fn ui_bindings_match_the_rust_types() {
    let dir = bindings_dir();
    let update = std::env::var_os("UPDATE_BINDINGS").is_some();
    let mut stale = Vec::new();
    let files = generated();
    // A file no Rust type generates any more is stale too (or deleted, when updating).
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !files.iter().any(|(file, _)| *file == name) {
            if update {
                std::fs::remove_file(entry.path()).expect("remove stale binding");
            } else {
                stale.push(name);
            }
        }
    }
    for (file, text) in files {
        let path = dir.join(&file);
        if update {
            std::fs::create_dir_all(&dir).expect("create bindings dir");
            std::fs::write(&path, &text).expect("write binding");
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "ui/src/bindings is stale for {stale:?}; regenerate with \
         `UPDATE_BINDINGS=1 cargo test -p planner-core bindings`"
    );
}

fn plan_file_schema_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/plan-file.schema.json")
}

#[test]
fn the_published_plan_file_schema_matches_the_rust_types() {
    let path = plan_file_schema_path();
    let schema = plan_file_schema();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &schema).expect("write the plan file schema");
    }
    assert!(
        std::fs::read_to_string(&path).ok().as_deref() == Some(schema.as_str()),
        "docs/plan-file.schema.json is stale; regenerate with \
         `UPDATE_BINDINGS=1 cargo test -p planner-core bindings`"
    );
}
