//! The dean's changes to the work plan: tasks added, changed and removed, and the dependencies
//! between them. Each change is checked with the whole plan (a circle of waiting tasks is
//! refused naming its tasks) before anything is kept.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::sync::{is_proposed, pinned_by_rollout};
use super::validate::check_task;
use super::{Dependency, Task, TaskKind, WorkPlan};
use crate::assessment::Phase;
use crate::error::ValidationErrors;

/// What the dean sets on a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TaskFields {
    pub title: String,
    pub owner_role: String,
    /// Working weeks; 0 for a milestone.
    pub duration_weeks: i32,
    /// The term (index into the plan's terms) it starts in at the earliest.
    pub pinned_term: Option<u32>,
    /// The phase it must be done within.
    pub phase: Option<Phase>,
    /// A moment rather than work.
    pub milestone: bool,
}

impl TaskFields {
    /// The fields of `task` as the dean's form shows them.
    pub fn of(task: &Task) -> Self {
        TaskFields {
            title: task.title.clone(),
            owner_role: task.owner_role.clone(),
            duration_weeks: task.duration_weeks,
            pinned_term: task.pinned_term,
            phase: task.phase,
            milestone: task.kind.is_milestone(),
        }
    }
}

/// One change to the work plan. Tasks are named by their id in the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum WorkPlanEdit {
    /// A task (or milestone) of the dean's own, added at the end of the plan.
    AddTask {
        task: TaskFields,
    },
    UpdateTask {
        id: String,
        task: TaskFields,
    },
    /// Removes one of the dean's tasks and every dependency on it.
    RemoveTask {
        id: String,
    },
    AddDependency {
        dependency: Dependency,
    },
    /// Changes the wait of the dependency between the same two tasks.
    UpdateDependency {
        dependency: Dependency,
    },
    RemoveDependency {
        predecessor: String,
        successor: String,
    },
}

impl WorkPlanEdit {
    /// Applies the change to `work` (for a calendar of `term_count` terms), or refuses it with
    /// `work` untouched.
    pub fn apply(self, work: &WorkPlan, term_count: usize) -> Result<WorkPlan, ValidationErrors> {
        let mut work = work.clone();
        match self {
            WorkPlanEdit::AddTask { task } => {
                let id = free_id(&work);
                let kind = if task.milestone {
                    TaskKind::Milestone
                } else {
                    TaskKind::Custom
                };
                let task = with_fields(id, kind, task);
                check_fields(&task, term_count)?;
                work.tasks.push(task);
            }
            WorkPlanEdit::UpdateTask { id, task: fields } => {
                let i = position(&work, &id)?;
                let old = &work.tasks[i];
                let kind = if is_proposed(old) {
                    if fields.milestone != old.kind.is_milestone() {
                        return Err(ValidationErrors::single("milestone", kept_kind(old)));
                    }
                    if pinned_by_rollout(old) && fields.pinned_term != old.pinned_term {
                        return Err(ValidationErrors::single(
                            "pinnedTerm",
                            format!(
                                "“{}” falls where the rollout puts it; change the rollout's \
                                 phases to move it",
                                old.title.trim()
                            ),
                        ));
                    }
                    old.kind.clone()
                } else if fields.milestone {
                    TaskKind::Milestone
                } else {
                    TaskKind::Custom
                };
                let task = with_fields(id, kind, fields);
                check_fields(&task, term_count)?;
                work.tasks[i] = task;
            }
            WorkPlanEdit::RemoveTask { id } => {
                let i = position(&work, &id)?;
                let task = &work.tasks[i];
                if is_proposed(task) {
                    return Err(ValidationErrors::single("id", why_kept(task)));
                }
                work.tasks.remove(i);
                work.dependencies
                    .retain(|d| d.predecessor != id && d.successor != id);
            }
            WorkPlanEdit::AddDependency { dependency } => work.dependencies.push(dependency),
            WorkPlanEdit::UpdateDependency { dependency } => {
                let d = dependency_position(&work, &dependency.predecessor, &dependency.successor)?;
                work.dependencies[d].lag_weeks = dependency.lag_weeks;
            }
            WorkPlanEdit::RemoveDependency {
                predecessor,
                successor,
            } => {
                let d = dependency_position(&work, &predecessor, &successor)?;
                work.dependencies.remove(d);
            }
        }
        work.validate(term_count)?;
        Ok(work)
    }
}

fn with_fields(id: String, kind: TaskKind, fields: TaskFields) -> Task {
    Task {
        id,
        title: fields.title.trim().to_owned(),
        owner_role: fields.owner_role.trim().to_owned(),
        duration_weeks: fields.duration_weeks,
        pinned_term: fields.pinned_term,
        phase: fields.phase,
        kind,
    }
}

/// The task's own fields, keyed as the task form names them (`ownerRole`).
fn check_fields(task: &Task, term_count: usize) -> Result<(), ValidationErrors> {
    let mut errors = Vec::new();
    check_task(0, task, term_count, &mut Default::default(), &mut errors);
    for e in &mut errors {
        if let Some(field) = e.field.strip_prefix("tasks.0.") {
            e.field = field.to_owned();
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ValidationErrors(errors))
    }
}

/// `task_N` for the first N past the tasks the plan has that no task holds.
fn free_id(work: &WorkPlan) -> String {
    let taken: std::collections::HashSet<&str> = work.tasks.iter().map(|t| t.id.as_str()).collect();
    (work.tasks.len() + 1..)
        .map(|n| format!("task_{n}"))
        .find(|id| !taken.contains(id.as_str()))
        .expect("fewer tasks than ids")
}

fn position(work: &WorkPlan, id: &str) -> Result<usize, ValidationErrors> {
    work.tasks.iter().position(|t| t.id == id).ok_or_else(|| {
        ValidationErrors::single(
            "id",
            "That task is no longer in the work plan; it may have been removed elsewhere",
        )
    })
}

fn dependency_position(
    work: &WorkPlan,
    predecessor: &str,
    successor: &str,
) -> Result<usize, ValidationErrors> {
    work.dependencies
        .iter()
        .position(|d| d.predecessor == predecessor && d.successor == successor)
        .ok_or_else(|| {
            let title = |id: &str| {
                work.tasks
                    .iter()
                    .find(|t| t.id == id)
                    .map_or_else(|| "a removed task".to_owned(), |t| format!("“{}”", t.title))
            };
            ValidationErrors::single(
                "dependency",
                format!(
                    "{} does not wait for {}",
                    title(successor),
                    title(predecessor)
                ),
            )
        })
}

fn kept_kind(task: &Task) -> String {
    let what = if task.kind.is_milestone() {
        "a milestone"
    } else {
        "a task with a length"
    };
    format!(
        "“{}” comes from the plan itself and stays {what}",
        task.title.trim()
    )
}

fn why_kept(task: &Task) -> String {
    let title = task.title.trim();
    match &task.kind {
        TaskKind::Action { .. } => format!(
            "“{title}” is the task of an adopted action; drop the action to remove its task"
        ),
        TaskKind::PhaseGate { .. } => {
            format!("“{title}” is a phase gate of the rollout; it goes only with its phase")
        }
        _ => format!("“{title}” is proposed from the plan itself and stays while it applies"),
    }
}
