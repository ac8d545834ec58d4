//! The plan store: one SQLite file holding every plan, its schema migrations and its queries.
//! The app and the CLI open the same file, found by [`default_db_path`] unless told otherwise.
//!
//! This crate must never depend on Tauri or the PDF report.

mod error;
mod migrations;
mod plans;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

pub use error::{Error, Result};
pub use migrations::SCHEMA_VERSION;

/// The application's identifier: also the folder name under the OS data directory, exactly where
/// Tauri's `app_data_dir()` puts it, so the app and the CLI share one store.
pub const APP_IDENTIFIER: &str = "edu.mcplanner.planner";
const DB_FILE_NAME: &str = "plans.sqlite3";
/// Overrides the store's location for the app and the CLI alike.
pub const DB_ENV_VAR: &str = "MCPLAN_DB";

/// Where the store lives unless a flag or `MCPLAN_DB` says otherwise.
pub fn default_db_path() -> Result<PathBuf> {
    let data = dirs::data_dir().ok_or(Error::NoDataDir)?;
    Ok(data.join(APP_IDENTIFIER).join(DB_FILE_NAME))
}

/// `MCPLAN_DB` when set and not empty, else [`default_db_path`].
pub fn configured_db_path() -> Result<PathBuf> {
    match std::env::var_os(DB_ENV_VAR) {
        Some(path) if !path.is_empty() => Ok(PathBuf::from(path)),
        _ => default_db_path(),
    }
}

/// An open plan store.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) the store at `path`, backs it up if a migration is due,
    /// and migrates it. A store written by a newer version is refused and left untouched.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, &migrations::all())
    }

    fn open_with(path: &Path, migrations: &rusqlite_migration::Migrations<'_>) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                path: dir.to_owned(),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|source| Error::Open {
            path: path.to_owned(),
            source,
        })?;
        let mut store = Store {
            conn,
            path: Some(path.to_owned()),
        };
        store.prepare(migrations).map_err(|err| match err {
            // SQLite reads the file lazily: "not a database" surfaces on the first query.
            Error::Sqlite(source) => Error::Open {
                path: path.to_owned(),
                source,
            },
            other => other,
        })?;
        Ok(store)
    }

    /// A store that lives and dies with the process, for tests.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store { conn, path: None };
        store.prepare(&migrations::all())?;
        Ok(store)
    }

    /// The file this store lives in, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn prepare(&mut self, migrations: &rusqlite_migration::Migrations<'_>) -> Result<()> {
        // Refuse a newer schema before anything (even the journal mode) writes to the file.
        migrations::refuse_newer(&self.conn, self.path.as_deref(), migrations)?;
        configure(&self.conn)?;
        migrations::migrate(&mut self.conn, self.path.as_deref(), migrations)
    }
}

/// Settings every connection gets; they are per connection, so they live outside migrations.
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // FULL rather than WAL's usual NORMAL: a dean's autosave is a handful of small writes, and
    // FULL makes each committed save survive power loss, not only a killed process.
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

#[cfg(test)]
mod tests;
