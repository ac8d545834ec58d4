use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use crate::error::{Error, Result};

const STEPS: &[&str] = &[include_str!("../migrations/001-plans.sql")];

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = STEPS.len();

pub(crate) fn all() -> Migrations<'static> {
    Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect())
}

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

fn display(path: Option<&Path>) -> String {
    path.map_or_else(|| "in memory".to_owned(), |p| p.display().to_string())
}

pub(crate) fn refuse_newer(
    conn: &Connection,
    path: Option<&Path>,
    migrations: &Migrations<'_>,
) -> Result<()> {
    let found = user_version(conn)?;
    let supported = migrations
        .pending_migrations(conn)
        .map(|p| (found + i64::from(p)) as usize);
    let supported = supported.unwrap_or_default();
    if found > supported as i64 {
        return Err(Error::NewerSchema {
            path: display(path),
            found,
            supported,
        });
    }
    Ok(())
}

/// Applies every pending migration in one transaction, after copying a store that already
/// holds data to `<file>.before-v<N>.bak` (N the version it is about to leave).
pub(crate) fn migrate(
    conn: &mut Connection,
    path: Option<&Path>,
    migrations: &Migrations<'_>,
) -> Result<()> {
    let pending = migrations
        .pending_migrations(conn)
        .map_err(|source| Error::Migration {
            path: display(path),
            source,
        })?;
    if pending <= 0 {
        return Ok(());
    }
    if let Some(path) = path
        && holds_data(conn)?
    {
        back_up(conn, &backup_path(path, user_version(conn)?))?;
    }
    migrations
        .to_latest(conn)
        .map_err(|source| Error::Migration {
            path: display(path),
            source,
        })
}

fn holds_data(conn: &Connection) -> Result<bool> {
    let tables: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
        [],
        |r| r.get(0),
    )?;
    Ok(tables > 0)
}

pub(crate) fn backup_path(db: &Path, version: i64) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".before-v{version}.bak"));
    db.with_file_name(name)
}

fn back_up(conn: &Connection, to: &Path) -> Result<()> {
    // VACUUM INTO refuses to overwrite; an older backup of the same step is stale.
    let _ = std::fs::remove_file(to);
    conn.execute("VACUUM INTO ?1", [to.to_string_lossy()])
        .map(drop)
        .map_err(|source| Error::Backup {
            path: to.to_owned(),
            source,
        })
}

#[cfg(test)]
pub(crate) fn with_extra_step(extra: &'static str) -> Migrations<'static> {
    Migrations::new(STEPS.iter().chain([&extra]).map(|sql| M::up(sql)).collect())
}
