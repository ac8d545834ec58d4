//! A plan from a file is checked with the same rules as the edits that build a plan in the
//! window, part by part, so a file cannot bring in what no edit would accept: a rating of 9,
//! a task waiting on itself, two tasks with one id, a title with a right-to-left override.

use crate::assessment::Assessment;
use crate::error::{FieldError, ValidationErrors};
use crate::json_file::parse_date;
use crate::plan::Plan;
use crate::profile::ProfileForm;
use crate::rollout::project;
use crate::version::{PlanVersion, version_label};
use crate::workplan::{KpiEdit, KpiSource, validate_risks};

use super::PlanFile;

/// The file's plan and versions, each plan as [`checked_plan`] leaves it; or every problem,
/// each named by its place in the file. Versions are numbered upwards from 1 and dated.
pub(super) fn validated(
    plan: Plan,
    versions: Vec<PlanVersion>,
) -> Result<PlanFile, ValidationErrors> {
    let mut problems = Vec::new();
    let plan = checked_plan(plan, "plan").map_err(|e| problems.extend(e.0));
    let mut checked = Vec::new();
    let mut last = 0;
    for (i, mut version) in versions.into_iter().enumerate() {
        let at = |field: &str| format!("versions[{i}].{field}");
        let summary = &mut version.summary;
        if summary.number <= last {
            problems.push(FieldError {
                field: at("number"),
                message: format!(
                    "version numbers go up from 1, each higher than the one before; {} follows {last}",
                    summary.number
                ),
            });
        }
        last = summary.number;
        match version_label(&summary.label) {
            Ok(label) => summary.label = label,
            Err(errors) => problems.extend(errors.0.into_iter().map(|e| FieldError {
                field: at("label"),
                message: e.message,
            })),
        }
        if chrono::DateTime::parse_from_rfc3339(&summary.created_at).is_err() {
            problems.push(FieldError {
                field: at("createdAt"),
                message: format!(
                    "“{}” is not a time such as 2027-03-03T09:30:00Z",
                    crate::text::excerpt(&summary.created_at)
                ),
            });
        }
        match checked_plan(version.plan, &at("plan")) {
            Ok(plan) => checked.push(PlanVersion { plan, ..version }),
            Err(errors) => problems.extend(errors.0),
        }
    }
    match plan {
        Ok(plan) if problems.is_empty() => Ok(PlanFile {
            plan,
            versions: checked,
        }),
        _ => Err(ValidationErrors(problems)),
    }
}

/// The plan, its title and profile as the profile form cleans them; or every problem, each
/// named by its place under `prefix` (`plan`, `versions[0].plan`, or nothing for a plan that
/// replaces another by an edit).
pub(crate) fn checked_plan(mut plan: Plan, prefix: &str) -> Result<Plan, ValidationErrors> {
    let mut problems = Vec::new();
    let mut within = |prefix: &str, result: Result<(), ValidationErrors>| {
        if let Err(errors) = result {
            problems.extend(errors.0.into_iter().map(|e| FieldError {
                field: json_path(prefix, &e.field),
                message: e.message,
            }));
        }
    };
    match ProfileForm::from_plan(&plan.title, &plan.profile).validate() {
        Ok((title, profile)) => (plan.title, plan.profile) = (title, profile),
        Err(errors) => {
            let (title, profile): (Vec<_>, Vec<_>) =
                errors.0.into_iter().partition(|e| e.field == "title");
            within(prefix, Err(ValidationErrors(title)));
            within(
                &json_path(prefix, "profile"),
                Err(ValidationErrors(profile)),
            );
        }
    }
    for (area, response) in &plan.assessment.responses {
        let at = json_path(prefix, &format!("assessment.responses.{}", area.key()));
        within(
            &at,
            Assessment::default().set_response(*area, response.clone()),
        );
    }
    for (i, adopted) in plan.assessment.adopted_actions.iter().enumerate() {
        let at = json_path(prefix, &format!("assessment.adoptedActions.{i}"));
        let mut scratch = Assessment::default();
        within(
            &at,
            scratch.set_adopted(&adopted.action, true, &adopted.adopted_on),
        );
        if let Err(message) = parse_date(&adopted.adopted_on) {
            within(&at, Err(ValidationErrors::single("adoptedOn", message)));
        }
    }
    let mut terms = Vec::new();
    if let Some(inputs) = &plan.rollout {
        within(
            &json_path(prefix, "rollout"),
            inputs.validate(&plan.profile),
        );
        if let Ok(result) = project(&plan.profile, inputs) {
            terms = result.terms;
        }
    }
    within(
        &json_path(prefix, "workPlan"),
        plan.work_plan.validate(terms.len()),
    );
    within(prefix, validate_risks(&plan.risks));
    within(&json_path(prefix, "kpis"), kpis_valid(&plan));
    within(
        &json_path(prefix, "engagement"),
        plan.engagement
            .validate(plan.profile.faculty_headcount, &terms),
    );
    within(&json_path(prefix, "review"), plan.review.validate());
    if problems.is_empty() {
        return Ok(plan);
    }
    Err(ValidationErrors(problems))
}

/// Each KPI's baseline and targets as the KPI table's edit checks them; each KPI once, and
/// none before the rollout they are set against.
fn kpis_valid(plan: &Plan) -> Result<(), ValidationErrors> {
    if !plan.kpis.is_empty() && plan.rollout.is_none() {
        return Err(ValidationErrors::single(
            "",
            "KPIs are set against the rollout, and this plan has none",
        ));
    }
    let mut errors = Vec::new();
    for (i, kpi) in plan.kpis.iter().enumerate() {
        if plan.kpis[..i].iter().any(|k| k.key == kpi.key) {
            errors.push(FieldError {
                field: format!("{i}.key"),
                message: format!("{} is listed twice; keep one", kpi.label),
            });
            continue;
        }
        let edit = KpiEdit {
            key: kpi.key,
            baseline: kpi.baseline,
            targets: match kpi.source {
                KpiSource::Model => Vec::new(),
                KpiSource::Dean => kpi.targets.clone(),
            },
        };
        if let Err(refused) = edit.apply(&mut [kpi.clone()]) {
            errors.extend(refused.0.into_iter().map(|e| FieldError {
                field: format!("{i}.{}", e.field),
                message: e.message,
            }));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ValidationErrors(errors))
    }
}

/// A field key of the forms (`tasks.3.durationWeeks`) as a place in the file
/// (`plan.workPlan.tasks[3].durationWeeks`), in serde's notation.
fn json_path(prefix: &str, field: &str) -> String {
    let mut path = prefix.to_owned();
    for part in field.split('.').filter(|p| !p.is_empty()) {
        if part.bytes().all(|b| b.is_ascii_digit()) {
            path.push_str(&format!("[{part}]"));
        } else if path.is_empty() {
            path.push_str(part);
        } else {
            path.push('.');
            path.push_str(part);
        }
    }
    path
}
