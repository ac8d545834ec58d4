//! The plan store: one SQLite file holding every plan, its schema migrations and its queries.
//! The app and the CLI open the same file, found by [`default_db_path`] unless told otherwise.
//!
//! This crate must never depend on Tauri or the PDF report.

mod edit;
mod error;
mod import;
mod migrations;
mod open;
mod plans;
mod renumber;
mod versions;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, MAIN_DB};

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
    /// and migrates it. A store written by a newer version is refused and left untouched; so
    /// is a store that cannot be written (a read-only folder or disk).
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, &migrations::all())
    }

    /// Opens an existing store for reading, never creating one: a mistyped path says there is
    /// no store there. Nothing is written (unless an older store must first be updated), so a
    /// store in a read-only folder or on a read-only disk can be read.
    pub fn open_existing(path: &Path) -> Result<Store> {
        open::check_plain_path(path)?;
        if !path.exists() {
            return Err(Error::Missing {
                path: path.to_owned(),
            });
        }
        let conn = open::connect_read_only(path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let migrations = migrations::all();
        migrations::refuse_newer(&conn, Some(path), &migrations)
            .and_then(|()| migrations::refuse_recovered(&conn, Some(path)))
            .map_err(|err| as_open_error(path, err))?;
        let pending = migrations
            .pending_migrations(&conn)
            .map_err(|source| Error::Migration {
                path: path.display().to_string(),
                source,
            })?;
        if pending > 0 {
            // An older store is updated first, which needs a writable folder.
            drop(conn);
            return Store::open(path);
        }
        Ok(Store {
            conn,
            path: Some(path.to_owned()),
        })
    }

    fn open_with(path: &Path, migrations: &rusqlite_migration::Migrations<'_>) -> Result<Store> {
        open::check_plain_path(path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| {
                if source.kind() == std::io::ErrorKind::ReadOnlyFilesystem {
                    Error::ReadOnly {
                        path: path.to_owned(),
                    }
                } else {
                    Error::Io {
                        path: dir.to_owned(),
                        source,
                    }
                }
            })?;
        }
        let read_only = |path: &Path| Error::ReadOnly {
            path: path.to_owned(),
        };
        let conn = open::connect_for_writing(path).map_err(|err| why_not_writable(path, err))?;
        let mut store = Store {
            conn,
            path: Some(path.to_owned()),
        };
        store
            .prepare(migrations)
            .map_err(|err| why_not_writable(path, as_open_error(path, err)))?;
        if store.conn.is_readonly(MAIN_DB)? {
            return Err(read_only(path));
        }
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

    /// The store's file and every file SQLite or the planner keeps beside it (journal, WAL,
    /// shared memory, migration backups, setup lock): what an export must never overwrite.
    pub fn files(&self) -> Vec<PathBuf> {
        let Some(path) = &self.path else {
            return Vec::new();
        };
        let mut files = vec![path.clone()];
        for suffix in ["-wal", "-shm", "-journal", ".lock"] {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            files.push(PathBuf::from(name));
        }
        for version in 0..=SCHEMA_VERSION as i64 {
            files.push(migrations::backup_path(path, version));
        }
        files
    }

    fn prepare(&mut self, migrations: &rusqlite_migration::Migrations<'_>) -> Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        // Refuse a newer schema before anything (even the journal mode) writes to the file.
        migrations::refuse_newer(&self.conn, self.path.as_deref(), migrations)?;
        let pending = migrations
            .pending_migrations(&self.conn)
            .map_err(|source| Error::Migration {
                path: migrations::display(self.path.as_deref()),
                source,
            })?;
        if pending <= 0 {
            return configure(&self.conn);
        }
        // Held until the store is migrated; whoever comes second finds nothing left to do.
        let _lock = self
            .path
            .as_deref()
            .map(open::SetupLock::take)
            .transpose()?;
        migrations::refuse_recovered(&self.conn, self.path.as_deref())?;
        configure(&self.conn)?;
        migrations::migrate(&mut self.conn, self.path.as_deref(), migrations)
    }
}

/// A failure to open for writing, named plainly when the folder is read-only or the disk full.
fn why_not_writable(path: &Path, err: Error) -> Error {
    if open::is_read_only_error(&err) && open::folder_is_read_only(path) {
        Error::ReadOnly {
            path: path.to_owned(),
        }
    } else if open::is_disk_error(&err) && open::folder_is_full(path) {
        Error::DiskFull {
            path: path.to_owned(),
        }
    } else {
        err
    }
}

// SQLite reads the file lazily: "not a database" surfaces on the first query.
fn as_open_error(path: &Path, err: Error) -> Error {
    match err {
        Error::Sqlite(source) => Error::Open {
            path: path.to_owned(),
            source,
        },
        other => other,
    }
}

const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Settings every connection gets; they are per connection, so they live outside migrations.
fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // FULL rather than WAL's usual NORMAL: a dean's autosave is a handful of small writes, and
    // FULL makes each committed save survive power loss, not only a killed process.
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod fault_tests;

#[cfg(test)]
mod crash_tests;
