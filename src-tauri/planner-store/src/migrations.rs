use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use crate::error::{Error, Result};

const STEPS: &[&str] = &[
    include_str!("../migrations/001-plans.sql"),
    include_str!("../migrations/002-plan-revision.sql"),
    include_str!("../migrations/003-cut-first-term.sql"),
    include_str!("../migrations/004-plan-versions.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = STEPS.len();

pub(crate) fn all() -> Migrations<'static> {
    Migrations::new(steps().collect())
}

/// Each version's SQL, with the Rust step that runs after it where a version has one.
fn steps() -> impl Iterator<Item = M<'static>> {
    STEPS.iter().enumerate().map(|(index, sql)| match index {
        2 => M::up_with_hook(sql, crate::renumber::renumber_cut_first_terms),
        _ => M::up(sql),
    })
}

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

pub(crate) fn display(path: Option<&Path>) -> String {
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

/// A store whose version number is 0 but which holds tables: what `sqlite3 .recover` (or a
/// copy through another tool) leaves. Migrating it would fail on "table already exists", so it
/// is refused with the version its tables match, found by building each version in memory.
pub(crate) fn refuse_recovered(conn: &Connection, path: Option<&Path>) -> Result<()> {
    if user_version(conn)? != 0 || !holds_data(conn)? {
        return Ok(());
    }
    let found = schema_of(conn)?;
    let mut built = Connection::open_in_memory()?;
    let mut matching = None;
    for version in 1..=STEPS.len() {
        all()
            .to_version(&mut built, version)
            .map_err(|source| Error::Migration {
                path: "in memory".to_owned(),
                source,
            })?;
        if schema_of(&built)? == found {
            matching = Some(version);
        }
    }
    Err(Error::Recovered {
        path: display(path),
        matching,
    })
}

/// Every table, index and view with its SQL, spaces normalised.
fn schema_of(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL \
         AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    rows.map(|row| {
        let (name, sql) = row?;
        Ok((name, sql.split_whitespace().collect::<Vec<_>>().join(" ")))
    })
    .collect()
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
    Migrations::new(steps().chain([M::up(extra)]).collect())
}
