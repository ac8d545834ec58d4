//! A plan file into the store: as a new plan, or as the new content of a plan already here.
//! Each is one transaction, so a refusal leaves the store exactly as it was.

use planner_core::{PlanEdit, PlanFile, PlanId, StoredPlan, text::excerpt};
use rusqlite::{Connection, TransactionBehavior, params};

use crate::Store;
use crate::edit::edit_in;
use crate::error::Result;
use crate::plans::{encode, now, read_plan};
use crate::versions::{add_version, read_versions};

/// Adds the file's versions not already kept (same label, time and plan) after the plan's own.
fn add_versions(conn: &Connection, id: PlanId, file: &PlanFile) -> Result<()> {
    let kept = read_versions(conn, id)?;
    for version in &file.versions {
        let already = kept.iter().any(|k| {
            k.summary.label == version.summary.label
                && k.summary.created_at == version.summary.created_at
                && k.plan == version.plan
        });
        if !already {
            let summary = &version.summary;
            add_version(conn, id, &summary.label, &summary.created_at, &version.plan)?;
        }
    }
    Ok(())
}

impl Store {
    /// Adds the file's plan as a new plan, with the file's versions as its versions.
    pub fn import_plan(&mut self, file: &PlanFile) -> Result<StoredPlan> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let at = now();
        tx.execute(
            "INSERT INTO plans (document, created_at, updated_at) VALUES (?1, ?2, ?2)",
            params![encode(&file.plan), at],
        )?;
        let id = tx.last_insert_rowid();
        add_versions(&tx, id, file)?;
        let stored = read_plan(&tx, id)?;
        tx.commit()?;
        Ok(stored)
    }

    /// Makes the file's plan the new content of plan `id`: the plan as it was is kept first as
    /// a version ("Before importing <file name>"), then replaced through the edit path (checked
    /// as every edit is), and the file's versions are added after the plan's own, except those
    /// it already keeps. All or nothing.
    pub fn import_into(
        &mut self,
        id: PlanId,
        file: &PlanFile,
        file_name: &str,
    ) -> Result<StoredPlan> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current = read_plan(&tx, id)?;
        let label = format!("Before importing {}", excerpt(file_name));
        add_version(&tx, id, &label, &now(), &current.plan)?;
        let replace = PlanEdit::ReplaceContent(Box::new(file.plan.clone()));
        let saved = edit_in(&tx, id, None, vec![replace])?;
        add_versions(&tx, id, file)?;
        tx.commit()?;
        Ok(saved)
    }
}

#[cfg(test)]
mod tests;
