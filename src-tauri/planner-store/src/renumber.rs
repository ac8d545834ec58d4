//! Version 3's Rust step: term numbers saved before a plan's edge terms counted.

use planner_core::Plan;
use rusqlite::{Transaction, params};
use rusqlite_migration::HookResult;

use crate::plans::encode;

/// Moves each plan's saved term numbers on by one where its start date cuts a term (see
/// `RolloutInputs::renumber_for_cut_first_term`). A plan that does not read is left exactly as
/// it was; the list names it as damaged.
pub(crate) fn renumber_cut_first_terms(tx: &Transaction) -> HookResult {
    let documents: Vec<(i64, String)> = tx
        .prepare("SELECT id, document FROM plans")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, document) in documents {
        let Ok(mut plan) = serde_json::from_str::<Plan>(&document) else {
            continue;
        };
        let Plan {
            profile, rollout, ..
        } = &mut plan;
        let Some(inputs) = rollout else {
            continue;
        };
        if inputs.renumber_for_cut_first_term(profile) {
            tx.execute(
                "UPDATE plans SET document = ?1 WHERE id = ?2",
                params![encode(&plan), id],
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use rusqlite::{Connection, params};

    use crate::Store;
    use crate::migrations;
    use crate::plans::encode;

    #[test]
    fn a_plan_saved_before_version_3_keeps_naming_the_same_terms() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("plans.sqlite3");
        // A version-2 store holding the sample as version 2 numbered it: Spring 2027 was term
        // 0, so every term number was one less than the sample's today.
        let mut saved = planner_core::sample_plan();
        let inputs = saved.rollout.as_mut().expect("the sample has a rollout");
        inputs.phases.pilot_start_term -= 1;
        inputs.phases.scale_start_term -= 1;
        inputs.phases.sustain_start_term -= 1;
        for credential in &mut inputs.credentials {
            credential.launch_term -= 1;
        }
        {
            let mut conn = Connection::open(&path).expect("open");
            migrations::all()
                .to_version(&mut conn, 2)
                .expect("version 2");
            conn.execute(
                "INSERT INTO plans (document, created_at, updated_at) VALUES (?1, ?2, ?2)",
                params![encode(&saved), "2026-11-01T00:00:00.000Z"],
            )
            .expect("insert");
        }

        let store = Store::open(&path).expect("migrates to the current version");
        let plans = store.list_plans().expect("list");
        let upgraded = store.get_plan(plans[0].id).expect("plan").plan;
        assert_eq!(
            upgraded.rollout,
            planner_core::sample_plan().rollout,
            "after the upgrade Fall 2026 is term 0 and every saved term number names its old term"
        );
    }
}
