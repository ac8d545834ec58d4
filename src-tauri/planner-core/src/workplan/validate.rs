//! Checks a work plan before it is scheduled or kept: every field within sane bounds, every
//! task owned, every dependency naming real tasks, and no circle of tasks waiting on each other
//! (`graph.rs` finds those). All problems are reported at once, keyed by field
//! (`tasks.3.durationWeeks`, `dependencies.0.lagWeeks`) for the form.

use std::collections::hash_map::Entry;

use super::graph::TaskIds;

use super::graph::TaskGraph;
use super::{Task, WorkPlan};
use crate::error::{FieldError, ValidationErrors};
use crate::text::{first_hidden_character, hidden_character_message};

/// Far more than a rollout needs, few enough to schedule at once as the dean types.
pub const MAX_TASKS: usize = 100_000;
pub const MAX_DEPENDENCIES: usize = 4 * MAX_TASKS;
/// Ten years, the longest rollout horizon.
pub const MAX_DURATION_WEEKS: i32 = 520;
pub const MAX_LAG_WEEKS: i32 = 520;
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_OWNER_CHARS: usize = 100;
pub const MAX_TASK_ID_CHARS: usize = 64;

impl WorkPlan {
    /// Every problem with the plan, for a calendar of `term_count` terms; `Ok` when it can be
    /// scheduled.
    pub fn validate(&self, term_count: usize) -> Result<(), ValidationErrors> {
        validate(self, term_count).map(|_| ())
    }
}

/// Checks the plan and, when it is sound, gives its tasks in an order where each comes after
/// every task it waits for.
pub(crate) fn validate(plan: &WorkPlan, term_count: usize) -> Result<TaskGraph, ValidationErrors> {
    let mut errors = Vec::new();
    if plan.tasks.len() > MAX_TASKS {
        errors.push(error(
            "tasks",
            format!(
                "A work plan holds at most {MAX_TASKS} tasks; this one has {}",
                plan.tasks.len()
            ),
        ));
    }
    if plan.dependencies.len() > MAX_DEPENDENCIES {
        errors.push(error(
            "dependencies",
            format!(
                "A work plan holds at most {MAX_DEPENDENCIES} dependencies; this one has {}",
                plan.dependencies.len()
            ),
        ));
    }
    if !errors.is_empty() {
        return Err(ValidationErrors(errors));
    }
    let mut ids = TaskIds::with_capacity_and_hasher(plan.tasks.len(), Default::default());
    for (i, task) in plan.tasks.iter().enumerate() {
        check_task(i, task, term_count, &mut ids, &mut errors);
    }
    for (i, dep) in plan.dependencies.iter().enumerate() {
        if !(0..=MAX_LAG_WEEKS).contains(&dep.lag_weeks) {
            errors.push(error(
                &format!("dependencies.{i}.lagWeeks"),
                format!(
                    "Dependency {}: the wait must be 0 to {MAX_LAG_WEEKS} working weeks, not {}",
                    i + 1,
                    dep.lag_weeks
                ),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(ValidationErrors(errors));
    }
    TaskGraph::build(plan, &ids)
}

pub(super) fn check_task<'a>(
    i: usize,
    task: &'a Task,
    term_count: usize,
    ids: &mut TaskIds<'a>,
    errors: &mut Vec<FieldError>,
) {
    let field = |key: &str| format!("tasks.{i}.{key}");
    let title = task.title.trim();
    // Built only for a message: most tasks have none, and this runs as the dean types.
    let name = || {
        if title.is_empty() {
            format!("Task {}", i + 1)
        } else {
            format!("Task {} (“{title}”)", i + 1)
        }
    };
    let id = task.id.trim();
    if id.is_empty() || id.chars().count() > MAX_TASK_ID_CHARS {
        errors.push(error(
            &field("id"),
            format!(
                "{} needs an identifier of 1 to {MAX_TASK_ID_CHARS} characters",
                name()
            ),
        ));
    } else if let Entry::Vacant(slot) = ids.entry(task.id.as_str()) {
        slot.insert(i);
    } else {
        errors.push(error(
            &field("id"),
            format!("{} has the same identifier as an earlier task", name()),
        ));
    }
    if title.is_empty() {
        errors.push(error(&field("title"), format!("{} needs a title", name())));
    } else if title.chars().count() > MAX_TITLE_CHARS {
        errors.push(error(
            &field("title"),
            format!(
                "{}: a title has at most {MAX_TITLE_CHARS} characters",
                name()
            ),
        ));
    }
    if let Some(code) = first_hidden_character(title, false) {
        let label = format!("{}: the title", name());
        errors.push(error(
            &field("title"),
            hidden_character_message(&label, &code),
        ));
    }
    let owner = task.owner_role.trim();
    if owner.is_empty() {
        errors.push(error(
            &field("ownerRole"),
            format!("{} needs an owner: the role that sees it through", name()),
        ));
    } else if owner.chars().count() > MAX_OWNER_CHARS {
        errors.push(error(
            &field("ownerRole"),
            format!(
                "{}: an owner role has at most {MAX_OWNER_CHARS} characters",
                name()
            ),
        ));
    }
    if let Some(code) = first_hidden_character(owner, false) {
        let label = format!("{}: the owner role", name());
        errors.push(error(
            &field("ownerRole"),
            hidden_character_message(&label, &code),
        ));
    }
    let weeks = task.duration_weeks;
    if task.kind.is_milestone() {
        if weeks != 0 {
            errors.push(error(
                &field("durationWeeks"),
                format!(
                    "{} is a milestone, so it takes no time, not {weeks} weeks",
                    name()
                ),
            ));
        }
    } else if !(1..=MAX_DURATION_WEEKS).contains(&weeks) {
        errors.push(error(
            &field("durationWeeks"),
            format!(
                "{} must take 1 to {MAX_DURATION_WEEKS} working weeks, not {weeks}",
                name()
            ),
        ));
    }
    if let Some(term) = task.pinned_term.filter(|t| *t as usize >= term_count) {
        errors.push(error(
            &field("pinnedTerm"),
            format!(
                "{} is set to start in term {}, but the plan has {term_count} terms",
                name(),
                u64::from(term) + 1
            ),
        ));
    }
}

pub(super) fn error(field: &str, message: String) -> FieldError {
    FieldError {
        field: field.to_owned(),
        message,
    }
}
