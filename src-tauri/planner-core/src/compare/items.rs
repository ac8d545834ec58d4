//! Credentials (by title), tasks (by their hidden id) and risks (by title) added, removed or
//! changed, with what changed: numbers as numbers (the window formats them the reader's way),
//! names and choices in plain words.

use crate::plan::Plan;
use crate::rollout::Credential;
use crate::workplan::{Risk, Task};

use super::{ChangeKind, ItemChange, Shown, ValueChange};

/// Lines up `before` and `after` by `key`: removed ones first, then added and changed ones in
/// the later plan's order; `details` says what changed in a pair.
fn changes<T: PartialEq>(
    before: &[T],
    after: &[T],
    key: impl Fn(&T) -> &str,
    name: impl Fn(&T) -> String,
    details: impl Fn(&T, &T) -> Vec<ValueChange>,
) -> Vec<ItemChange> {
    let find = |items: &'_ [T], k: &str| items.iter().position(|i| key(i) == k);
    let mut out: Vec<ItemChange> = before
        .iter()
        .filter(|b| find(after, key(b)).is_none())
        .map(|b| ItemChange {
            change: ChangeKind::Removed,
            name: name(b),
            details: Vec::new(),
        })
        .collect();
    for a in after {
        match find(before, key(a)).map(|i| &before[i]) {
            None => out.push(ItemChange {
                change: ChangeKind::Added,
                name: name(a),
                details: Vec::new(),
            }),
            Some(b) if b != a => {
                let mut details = details(b, a);
                if details.is_empty() {
                    details.extend(ValueChange::words(
                        "Other details",
                        "as they were".to_owned(),
                        "changed".to_owned(),
                    ));
                }
                out.push(ItemChange {
                    change: ChangeKind::Changed,
                    name: name(a),
                    details,
                });
            }
            Some(_) => {}
        }
    }
    out
}

/// A detail's label and how an item shows it.
type Detail<'a, T> = (&'static str, &'a dyn Fn(&T) -> Shown);

fn rows<T>(b: &T, a: &T, rows: &[Detail<'_, T>]) -> Vec<ValueChange> {
    rows.iter()
        .filter_map(|(what, show)| ValueChange::new(what, show(b), show(a)))
        .collect()
}

/// A whole number: a term's or a week's count, students.
fn count(value: impl Into<f64>) -> Shown {
    Shown::Count {
        value: value.into(),
    }
}

fn credentials_of(plan: &Plan) -> &[Credential] {
    plan.rollout.as_ref().map_or(&[], |r| &r.credentials)
}

pub(super) fn credentials(before: &Plan, after: &Plan) -> Vec<ItemChange> {
    changes(
        credentials_of(before),
        credentials_of(after),
        |c| &c.title,
        |c| c.title.clone(),
        |b, a| {
            rows(
                b,
                a,
                &[
                    ("Launch term", &|c: &Credential| count(c.launch_term + 1)),
                    ("Home credit", &|c: &Credential| Shown::Decimal {
                        value: c.home_credit.amount,
                    }),
                    ("Learning hours", &|c: &Credential| Shown::Decimal {
                        value: c.learning_hours,
                    }),
                    ("Courses", &|c: &Credential| count(c.course_count)),
                    ("Provider", &|c: &Credential| Shown::words(&c.provider.name)),
                    ("Target programs", &|c: &Credential| {
                        let names: Vec<&str> =
                            c.target_programs.iter().map(|p| p.name.as_str()).collect();
                        Shown::words(names.join(", "))
                    }),
                    ("Students in the target programs", &|c: &Credential| {
                        count(
                            c.target_programs
                                .iter()
                                .map(|p| f64::from(p.enrolment))
                                .sum::<f64>(),
                        )
                    }),
                ],
            )
        },
    )
}

pub(super) fn tasks(before: &Plan, after: &Plan) -> Vec<ItemChange> {
    let waits_on = |plan: &Plan, task: &Task| -> String {
        let mut names: Vec<&str> = plan
            .work_plan
            .dependencies
            .iter()
            .filter(|d| d.successor == task.id)
            .filter_map(|d| plan.work_plan.tasks.iter().find(|t| t.id == d.predecessor))
            .map(|t| t.title.as_str())
            .collect();
        names.sort_unstable();
        if names.is_empty() {
            "nothing".to_owned()
        } else {
            names.join(", ")
        }
    };
    let mut out = changes(
        &before.work_plan.tasks,
        &after.work_plan.tasks,
        |t| &t.id,
        |t| t.title.clone(),
        |b, a| {
            rows(
                b,
                a,
                &[
                    ("Title", &|t: &Task| Shown::words(&t.title)),
                    ("Owner", &|t: &Task| Shown::words(&t.owner_role)),
                    ("Weeks", &|t: &Task| count(t.duration_weeks)),
                    ("Starts no earlier than term", &|t: &Task| {
                        t.pinned_term.map_or(Shown::words("any"), |n| count(n + 1))
                    }),
                    ("Phase", &|t: &Task| {
                        Shown::words(t.phase.map_or("none", |p| p.label()))
                    }),
                ],
            )
        },
    );
    // A task can stay as it was while what it waits on changes.
    for a in &after.work_plan.tasks {
        let Some(b) = before.work_plan.tasks.iter().find(|b| b.id == a.id) else {
            continue;
        };
        let Some(change) = ValueChange::words("Waits on", waits_on(before, b), waits_on(after, a))
        else {
            continue;
        };
        match out
            .iter_mut()
            .find(|c| c.change == ChangeKind::Changed && c.name == a.title)
        {
            Some(item) => {
                item.details.retain(|d| d.what != "Other details");
                item.details.push(change);
            }
            None => out.push(ItemChange {
                change: ChangeKind::Changed,
                name: a.title.clone(),
                details: vec![change],
            }),
        }
    }
    out
}

pub(super) fn risks(before: &Plan, after: &Plan) -> Vec<ItemChange> {
    changes(
        &before.risks,
        &after.risks,
        |r| &r.title,
        |r| r.title.clone(),
        |b, a| {
            rows(
                b,
                a,
                &[
                    ("Likelihood", &|r: &Risk| {
                        Shown::words(format!("{} of 5", r.likelihood))
                    }),
                    ("Impact", &|r: &Risk| {
                        Shown::words(format!("{} of 5", r.impact))
                    }),
                    ("Mitigation", &|r: &Risk| Shown::words(&r.mitigation)),
                    ("Owner", &|r: &Risk| Shown::words(&r.owner_role)),
                ],
            )
        },
    )
}
