//! A plan's versions: immutable snapshots of its whole document, kept beside the working plan
//! (which only [`Store::edit_plan`] changes) and deleted with it.

use planner_core::{Plan, PlanId, PlanVersion, VersionSummary, version_label};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::Store;
use crate::error::{Error, Result};
use crate::plans::{encode, now, read_plan};

/// Adds `plan` as the plan's next version, on `conn` (an open transaction); `label` is already
/// checked.
pub(crate) fn add_version(
    conn: &Connection,
    id: PlanId,
    label: &str,
    created_at: &str,
    plan: &Plan,
) -> Result<VersionSummary> {
    let number: u32 = conn.query_row(
        "SELECT COALESCE(MAX(number), 0) + 1 FROM plan_versions WHERE plan_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    conn.execute(
        "INSERT INTO plan_versions (plan_id, number, label, created_at, document) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, number, label, created_at, encode(plan)],
    )?;
    Ok(VersionSummary {
        number,
        label: label.to_owned(),
        created_at: created_at.to_owned(),
    })
}

fn plan_exists(conn: &Connection, id: PlanId) -> Result<()> {
    conn.query_row("SELECT 1 FROM plans WHERE id = ?1", [id], |_| Ok(()))
        .optional()?
        .ok_or(Error::NotFound(id))
}

/// Every version of plan `id`, oldest first, on `conn`.
pub(crate) fn read_versions(conn: &Connection, id: PlanId) -> Result<Vec<PlanVersion>> {
    plan_exists(conn, id)?;
    let mut stmt = conn.prepare(
        "SELECT number, label, created_at, document FROM plan_versions \
         WHERE plan_id = ?1 ORDER BY number",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            VersionSummary {
                number: r.get(0)?,
                label: r.get(1)?,
                created_at: r.get(2)?,
            },
            r.get::<_, String>(3)?,
        ))
    })?;
    rows.map(|row| {
        let (summary, document) = row?;
        let plan =
            serde_json::from_str(&document).map_err(|source| Error::Unreadable { id, source })?;
        Ok(PlanVersion { summary, plan })
    })
    .collect()
}

impl Store {
    /// Keeps the plan as it is now as its next version, labelled `label` ("sent to committee,
    /// 3 March"). The working plan is not changed: not its revision, not its edit time.
    pub fn snapshot_plan(&mut self, id: PlanId, label: &str) -> Result<VersionSummary> {
        self.snapshot_plan_at(id, None, label)
    }

    /// [`Store::snapshot_plan`], kept only if the plan is still at `expected_revision` (the one
    /// the window shows), so the version holds what the dean saw; otherwise nothing is written
    /// and [`Error::ChangedElsewhere`] says so.
    pub fn snapshot_plan_at(
        &mut self,
        id: PlanId,
        expected_revision: Option<i64>,
        label: &str,
    ) -> Result<VersionSummary> {
        let label = version_label(label)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current = read_plan(&tx, id)?;
        if let Some(expected) = expected_revision.filter(|e| *e != current.revision) {
            return Err(Error::ChangedElsewhere {
                id,
                expected,
                found: current.revision,
            });
        }
        let version = add_version(&tx, id, &label, &now(), &current.plan)?;
        tx.commit()?;
        Ok(version)
    }

    /// The plan's versions, oldest (number 1) first, without their plans.
    pub fn list_versions(&self, id: PlanId) -> Result<Vec<VersionSummary>> {
        plan_exists(&self.conn, id)?;
        let mut stmt = self.conn.prepare(
            "SELECT number, label, created_at FROM plan_versions \
             WHERE plan_id = ?1 ORDER BY number",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(VersionSummary {
                number: r.get(0)?,
                label: r.get(1)?,
                created_at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every version of the plan with the plan it holds, oldest first (what a plan file carries).
    pub fn get_versions(&self, id: PlanId) -> Result<Vec<PlanVersion>> {
        read_versions(&self.conn, id)
    }

    /// One version of the plan, with the plan as it was then.
    pub fn get_version(&self, id: PlanId, number: u32) -> Result<PlanVersion> {
        plan_exists(&self.conn, id)?;
        let row = self
            .conn
            .query_row(
                "SELECT label, created_at, document FROM plan_versions \
                 WHERE plan_id = ?1 AND number = ?2",
                params![id, number],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                },
            )
            .optional()?;
        let (label, created_at, document) = row.ok_or(Error::VersionNotFound { id, number })?;
        let plan =
            serde_json::from_str(&document).map_err(|source| Error::Unreadable { id, source })?;
        Ok(PlanVersion {
            summary: VersionSummary {
                number,
                label,
                created_at,
            },
            plan,
        })
    }

    /// Deletes the plan and every version of it.
    pub fn delete_plan(&mut self, id: PlanId) -> Result<()> {
        let deleted = self.conn.execute("DELETE FROM plans WHERE id = ?1", [id])?;
        if deleted == 0 {
            return Err(Error::NotFound(id));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
