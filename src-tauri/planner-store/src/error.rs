use std::path::PathBuf;

use planner_core::PlanId;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("There is no plan number {0} in this plan store")]
    NotFound(PlanId),
    #[error(
        "The plan store {path} was written by a newer version of the planner (schema version \
         {found}; this version understands up to {supported}). It has not been changed: install \
         the newer planner to open it."
    )]
    NewerSchema {
        path: String,
        found: i64,
        supported: usize,
    },
    #[error("Could not open the plan store {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("Could not back up the plan store to {path} before updating it: {source}")]
    Backup {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("Could not update the plan store {path} to the current format: {source}")]
    Migration {
        path: String,
        source: rusqlite_migration::Error,
    },
    #[error("Could not use folder {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("Plan number {id} in the store could not be read: {source}")]
    Unreadable {
        id: PlanId,
        source: serde_json::Error,
    },
    #[error("This computer has no data folder for the plan store; set MCPLAN_DB to a file path")]
    NoDataDir,
    #[error("Plan store error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}
