//! Queries over plans.

use chrono::{SecondsFormat, Utc};
use planner_core::{Plan, PlanId, PlanSummary, StoredPlan, sample_plan};
use rusqlite::{OptionalExtension, Row, params};

use crate::Store;
use crate::error::{Error, Result};

const SAMPLE_OFFERED: &str = "sample_plan_offered";

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn encode(plan: &Plan) -> String {
    serde_json::to_string(plan).expect("a Plan always serialises to JSON")
}

fn decode(row: &Row<'_>) -> rusqlite::Result<(PlanId, String, String, String)> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
}

fn stored(
    (id, document, created_at, updated_at): (PlanId, String, String, String),
) -> Result<StoredPlan> {
    let plan =
        serde_json::from_str(&document).map_err(|source| Error::Unreadable { id, source })?;
    Ok(StoredPlan {
        id,
        plan,
        created_at,
        updated_at,
    })
}

impl Store {
    /// Every readable plan, most recently edited first. Damaged plans are left out; see
    /// [`Store::list_plans_and_damaged`].
    pub fn list_plans(&self) -> Result<Vec<PlanSummary>> {
        Ok(self.list_plans_and_damaged()?.0)
    }

    /// Every plan, most recently edited first, and apart the numbers of plans whose stored
    /// document is damaged (a hand edit left it broken or without a title, institution or
    /// stage), so that one damaged plan never hides the others.
    /// Reads only the columns the list shows (derived from each document by the schema), not
    /// whole plans; a broken document is not handed to the derived columns at all.
    pub fn list_plans_and_damaged(&self) -> Result<(Vec<PlanSummary>, Vec<PlanId>)> {
        let mut stmt = self.conn.prepare(
            "SELECT id, updated_at,
                    CASE WHEN json_valid(document) THEN title END,
                    CASE WHEN json_valid(document) THEN institution_name END,
                    CASE WHEN json_valid(document) THEN json_extract(document, '$.profile.stage') END
             FROM plans ORDER BY updated_at DESC, id DESC",
        )?;
        let mut rows = stmt.query([])?;
        let (mut plans, mut damaged) = (Vec::new(), Vec::new());
        while let Some(row) = rows.next()? {
            let id: PlanId = row.get(0)?;
            let text = |i: usize| row.get_ref(i).ok().and_then(|v| v.as_str().ok());
            let stage = text(4)
                .and_then(|s| serde_json::from_value(serde_json::Value::String(s.to_owned())).ok());
            match (text(1), text(2), text(3), stage) {
                (Some(updated_at), Some(title), Some(institution_name), Some(stage)) => {
                    plans.push(PlanSummary {
                        id,
                        title: title.to_owned(),
                        institution_name: institution_name.to_owned(),
                        stage,
                        updated_at: updated_at.to_owned(),
                    });
                }
                _ => damaged.push(id),
            }
        }
        Ok((plans, damaged))
    }

    pub fn get_plan(&self, id: PlanId) -> Result<StoredPlan> {
        let row = self
            .conn
            .query_row(
                "SELECT id, document, created_at, updated_at FROM plans WHERE id = ?1",
                [id],
                decode,
            )
            .optional()?;
        stored(row.ok_or(Error::NotFound(id))?)
    }

    pub fn create_plan(&self, plan: &Plan) -> Result<StoredPlan> {
        let at = now();
        self.conn.execute(
            "INSERT INTO plans (document, created_at, updated_at) VALUES (?1, ?2, ?2)",
            params![encode(plan), at],
        )?;
        self.get_plan(self.conn.last_insert_rowid())
    }

    /// Replaces the plan's content; the whole document is written in one statement, so a crash
    /// leaves either the old plan or the new one.
    pub fn update_plan(&self, id: PlanId, plan: &Plan) -> Result<StoredPlan> {
        let changed = self.conn.execute(
            "UPDATE plans SET document = ?1, updated_at = ?2 WHERE id = ?3",
            params![encode(plan), now(), id],
        )?;
        if changed == 0 {
            return Err(Error::NotFound(id));
        }
        self.get_plan(id)
    }

    /// Saves a change that is not an edit of the plan's content (where the wizard stands), so
    /// the plan keeps its place and "edited" time in the list.
    pub fn update_plan_keeping_edit_time(&self, id: PlanId, plan: &Plan) -> Result<StoredPlan> {
        let changed = self.conn.execute(
            "UPDATE plans SET document = ?1 WHERE id = ?2",
            params![encode(plan), id],
        )?;
        if changed == 0 {
            return Err(Error::NotFound(id));
        }
        self.get_plan(id)
    }

    /// On a store's first use, adds the sample plan so a new user sees a full plan at once.
    /// Returns it when it was added; a store that has ever had it (or any plan) is left alone.
    pub fn seed_sample_on_first_use(&mut self) -> Result<Option<StoredPlan>> {
        let tx = self.conn.transaction()?;
        let offered: bool = tx
            .query_row(
                "SELECT 1 FROM store_facts WHERE key = ?1",
                [SAMPLE_OFFERED],
                |_| Ok(true),
            )
            .optional()?
            .unwrap_or(false);
        let has_plans: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM plans)", [], |r| r.get(0))?;
        tx.execute(
            "INSERT OR IGNORE INTO store_facts (key, value) VALUES (?1, ?2)",
            params![SAMPLE_OFFERED, now()],
        )?;
        let id = if offered || has_plans {
            None
        } else {
            let at = now();
            tx.execute(
                "INSERT INTO plans (document, created_at, updated_at) VALUES (?1, ?2, ?2)",
                params![encode(&sample_plan()), at],
            )?;
            Some(tx.last_insert_rowid())
        };
        tx.commit()?;
        id.map(|id| self.get_plan(id)).transpose()
    }

    /// Adds the sample plan whatever the store holds (the CLI's `mcplan demo`).
    pub fn add_sample_plan(&self) -> Result<StoredPlan> {
        self.create_plan(&sample_plan())
    }
}
