//! Queries over plans.

use chrono::{SecondsFormat, Utc};
use planner_core::{Plan, PlanId, PlanSummary, StoredPlan, sample_plan};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::Store;
use crate::error::{Error, Result};

const SAMPLE_OFFERED: &str = "sample_plan_offered";

pub(crate) fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub(crate) fn encode(plan: &Plan) -> String {
    serde_json::to_string(plan).expect("a Plan always serialises to JSON")
}

type PlanRow = (PlanId, String, i64, String, String);

fn decode(row: &Row<'_>) -> rusqlite::Result<PlanRow> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
    ))
}

fn stored((id, document, revision, created_at, updated_at): PlanRow) -> Result<StoredPlan> {
    let plan =
        serde_json::from_str(&document).map_err(|source| Error::Unreadable { id, source })?;
    Ok(StoredPlan {
        id,
        plan,
        revision,
        created_at,
        updated_at,
    })
}

/// Reads one plan on `conn` (a plain connection or an open transaction).
pub(crate) fn read_plan(conn: &Connection, id: PlanId) -> Result<StoredPlan> {
    let row = conn
        .query_row(
            "SELECT id, document, revision, created_at, updated_at FROM plans WHERE id = ?1",
            [id],
            decode,
        )
        .optional()?;
    stored(row.ok_or(Error::NotFound(id))?)
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
        read_plan(&self.conn, id)
    }

    pub fn create_plan(&self, plan: &Plan) -> Result<StoredPlan> {
        let at = now();
        self.conn.execute(
            "INSERT INTO plans (document, created_at, updated_at) VALUES (?1, ?2, ?2)",
            params![encode(plan), at],
        )?;
        self.get_plan(self.conn.last_insert_rowid())
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
