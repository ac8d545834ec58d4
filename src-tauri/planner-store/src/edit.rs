//! The one way to change a plan.

use planner_core::{PlanEdit, PlanId, StoredPlan};
use rusqlite::{Connection, TransactionBehavior, params};

use crate::Store;
use crate::error::{Error, Result};
use crate::plans::{encode, now, read_plan};

impl Store {
    /// The one way to change a plan: reads it, applies `edit` and writes the result, all in one
    /// `BEGIN IMMEDIATE` transaction, so concurrent editors (the window, `mcplan`, a second
    /// window) queue up instead of overwriting each other. With `expected_revision`, an edit
    /// made against an older revision is refused ([`Error::ChangedElsewhere`]); without it, the
    /// edit applies to the latest plan. A refused edit writes nothing; so does one that leaves
    /// the plan as it was, which keeps its revision and edit time. Every other edit raises the
    /// revision by one and, unless it only moves the wizard, sets the edit time.
    pub fn edit_plan(
        &mut self,
        id: PlanId,
        expected_revision: Option<i64>,
        edit: PlanEdit,
    ) -> Result<StoredPlan> {
        self.edit_plan_all(id, expected_revision, vec![edit])
    }

    /// [`Store::edit_plan`] for several edits made as one (a script's options, say): applied in
    /// order in the same transaction, all or none, raising the revision once. The first refused
    /// edit refuses them all.
    pub fn edit_plan_all(
        &mut self,
        id: PlanId,
        expected_revision: Option<i64>,
        edits: Vec<PlanEdit>,
    ) -> Result<StoredPlan> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let saved = edit_in(&tx, id, expected_revision, edits)?;
        tx.commit()?;
        Ok(saved)
    }
}

/// [`Store::edit_plan_all`]'s work on `conn`, an open transaction the caller commits.
pub(crate) fn edit_in(
    conn: &Connection,
    id: PlanId,
    expected_revision: Option<i64>,
    edits: Vec<PlanEdit>,
) -> Result<StoredPlan> {
    let current = read_plan(conn, id)?;
    if let Some(expected) = expected_revision.filter(|e| *e != current.revision) {
        return Err(Error::ChangedElsewhere {
            id,
            expected,
            found: current.revision,
        });
    }
    let moves_edit_time = edits.iter().any(PlanEdit::changes_content);
    let mut plan = current.plan.clone();
    for edit in edits {
        plan = edit.apply(&plan)?;
    }
    if plan == current.plan {
        return Ok(current);
    }
    let updated_at = if moves_edit_time {
        now()
    } else {
        current.updated_at
    };
    conn.execute(
        "UPDATE plans SET document = ?1, revision = revision + 1, updated_at = ?2 \
         WHERE id = ?3",
        params![encode(&plan), updated_at, id],
    )?;
    read_plan(conn, id)
}

#[cfg(test)]
mod tests;
