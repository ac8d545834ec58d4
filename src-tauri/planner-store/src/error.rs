use std::path::PathBuf;

use planner_core::{PlanId, ValidationErrors};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("There is no plan number {0} in this plan store")]
    NotFound(PlanId),
    #[error("Plan number {id} has no version {number}; `mcplan versions {id}` lists its versions")]
    VersionNotFound { id: PlanId, number: u32 },
    /// The edit was refused by the plan's rules; nothing was written.
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    /// The plan's revision is not the one the edit was made against; nothing was written.
    #[error(
        "Plan number {id} was changed elsewhere (it is at revision {found}, not {expected}); \
         nothing was saved"
    )]
    ChangedElsewhere {
        id: PlanId,
        expected: i64,
        found: i64,
    },
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
    #[error(
        "“{given}” is not a file path; give the plan store as a plain path to a file, such as \
         plans.sqlite3 (in-memory stores and file: addresses keep nothing)"
    )]
    NotAPlainPath { given: String },
    #[error("{path} is a folder; give the path of the plan store file inside it")]
    IsAFolder { path: PathBuf },
    #[error("There is no plan store at {path}; nothing was created (check the path)")]
    Missing { path: PathBuf },
    #[error(
        "The plan store {path} cannot be changed: its folder or disk is read-only. Copy it to \
         a folder you can write to, or pass --db with another path"
    )]
    ReadOnly { path: PathBuf },
    #[error(
        "The plan store {path} cannot be changed: the disk is full. Its plans are as they were; \
         free some space and try again"
    )]
    DiskFull { path: PathBuf },
    #[error("{}", recovered_message(.path, *.matching))]
    Recovered {
        path: String,
        matching: Option<usize>,
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
    #[error(
        "Plan number {id} is damaged in the plan store and cannot be opened ({}); restore \
         the store from a backup copy, or delete that plan",
        planner_core::text::one_line(&.source.to_string(), 120)
    )]
    Unreadable {
        id: PlanId,
        source: serde_json::Error,
    },
    #[error("This computer has no data folder for the plan store; set MCPLAN_DB to a file path")]
    NoDataDir,
    #[error("Plan store error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

fn recovered_message(path: &str, matching: Option<usize>) -> String {
    let start = format!(
        "The plan store {path} holds plans but has lost its format version number, as a repair \
         with `sqlite3 .recover` leaves it; nothing was changed."
    );
    match matching {
        Some(version) => format!(
            "{start} Keep a copy of the file, then run: sqlite3 '{path}' 'PRAGMA user_version = \
             {version}'"
        ),
        None => format!(
            "{start} Its tables match no version of the planner: restore it from a backup copy \
             (a file named {path}.before-vN.bak may be beside it)"
        ),
    }
}
