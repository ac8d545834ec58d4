//! A plan from a file is checked with the same rules as the edits that build a plan in the
//! window, part by part, so a file cannot bring in what no edit would accept: a rating of 9,
//! a task waiting on itself, two tasks with one id, a title with a right-to-left override.

use crate::assessment::Assessment;
use crate::error::{FieldError, ValidationErrors};
use crate::json_file::parse_date;
use crate::plan::Plan;
use crate::profile::ProfileForm;
use crate::rollout::project;
use crate::workplan::{KpiEdit, KpiSource, validate_risks};

/// The plan, its title and profile as the profile form cleans them; or every problem, as one
/// line, each named by its place in the file.
pub(super) fn validated(mut plan: Plan) -> Result<Plan, String> {
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
            within("plan", Err(ValidationErrors(title)));
            within("plan.profile", Err(ValidationErrors(profile)));
        }
    }
    for (area, response) in &plan.assessment.responses {
        let prefix = format!("plan.assessment.responses.{}", area.key());
        within(
            &prefix,
            Assessment::default().set_response(*area, response.clone()),
        );
    }
    for (i, adopted) in plan.assessment.adopted_actions.iter().enumerate() {
        let prefix = format!("plan.assessment.adoptedActions[{i}]");
        let mut scratch = Assessment::default();
        within(
            &prefix,
            scratch.set_adopted(&adopted.action, true, &adopted.adopted_on),
        );
        if let Err(message) = parse_date(&adopted.adopted_on) {
            within(&prefix, Err(ValidationErrors::single("adoptedOn", message)));
        }
    }
    let mut terms = Vec::new();
    if let Some(inputs) = &plan.rollout {
        within("plan.rollout", inputs.validate(&plan.profile));
        if let Ok(result) = project(&plan.profile, inputs) {
            terms = result.terms;
        }
    }
    within("plan.workPlan", plan.work_plan.validate(terms.len()));
    within("plan", validate_risks(&plan.risks));
    within("plan.kpis", kpis_valid(&plan));
    within(
        "plan.engagement",
        plan.engagement
            .validate(plan.profile.faculty_headcount, &terms),
    );
    within("plan.review", plan.review.validate());
    if problems.is_empty() {
        return Ok(plan);
    }
    Err(ValidationErrors(problems).first_problems())
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
        } else {
            path.push('.');
            path.push_str(part);
        }
    }
    path
}
