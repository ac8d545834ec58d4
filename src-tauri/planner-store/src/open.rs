//! How a store file is opened: only plain paths, never created by a command that only reads,
//! created and migrated under a lock so several first uses at once are safe, and read without
//! writing anything where the folder or the disk is read-only.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::error::{Error, Result};

/// Refuses what SQLite would take as something other than a file: `:memory:` and `file:` URIs
/// save plans into nothing (or into a folder tree named `file:`).
pub(crate) fn check_plain_path(path: &Path) -> Result<()> {
    let text = path.to_string_lossy();
    let refused = text.is_empty()
        || text.starts_with(':')
        || text
            .get(..5)
            .is_some_and(|s| s.eq_ignore_ascii_case("file:"));
    if refused {
        return Err(Error::NotAPlainPath {
            given: planner_core::text::excerpt(&text),
        });
    }
    if path.is_dir() {
        return Err(Error::IsAFolder {
            path: path.to_owned(),
        });
    }
    Ok(())
}

/// Read-write, creating the file, with URIs off so a path is only ever a path.
pub(crate) fn connect_for_writing(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Connection::open_with_flags(path, flags).map_err(|source| Error::Open {
        path: path.to_owned(),
        source,
    })
}

/// Read-only. A WAL store whose `-shm` file is gone (a clean close removes it) and cannot be
/// made in a read-only folder is opened as immutable: nothing can be writing to it there.
pub(crate) fn connect_read_only(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let open_err = |source| Error::Open {
        path: path.to_owned(),
        source,
    };
    let conn = Connection::open_with_flags(path, flags).map_err(open_err)?;
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(())) {
        Err(e)
            if e.sqlite_error_code() == Some(ErrorCode::CannotOpen)
                || (e.sqlite_error_code() == Some(ErrorCode::SystemIoFailure)
                    && folder_is_full(path)) =>
        {
            drop(conn);
            Connection::open_with_flags(immutable_uri(path), flags | OpenFlags::SQLITE_OPEN_URI)
                .map_err(open_err)
        }
        _ => Ok(conn),
    }
}

fn immutable_uri(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut uri = String::from("file:");
    for byte in absolute.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                uri.push(byte as char);
            }
            other => uri.push_str(&format!("%{other:02X}")),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// Whether a write failure came from the folder (or the whole disk) being read-only: SQLite
/// says "readonly" or "cannot open", and a probe file cannot be made beside the store.
pub(crate) fn folder_is_read_only(path: &Path) -> bool {
    let dir = folder_of(path);
    let probe = dir.join(format!(".mcplan-write-probe-{}", std::process::id()));
    match OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            false
        }
        Err(e) => matches!(
            e.kind(),
            io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::PermissionDenied
        ),
    }
}

/// Whether the store's folder has no room left: a 64 KiB probe file cannot be written. SQLite
/// reports a full disk as "disk I/O error" when it cannot even make its shared-memory file.
pub(crate) fn folder_is_full(path: &Path) -> bool {
    use std::io::Write;
    let probe = folder_of(path).join(format!(".mcplan-space-probe-{}", std::process::id()));
    let result = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
        .and_then(|mut f| f.write_all(&[0; 64 * 1024]).and_then(|()| f.sync_all()));
    let _ = std::fs::remove_file(&probe);
    matches!(result, Err(e) if e.kind() == io::ErrorKind::StorageFull)
}

pub(crate) fn is_disk_error(err: &Error) -> bool {
    let code = match err {
        Error::Open { source, .. } | Error::Sqlite(source) => source.sqlite_error_code(),
        _ => None,
    };
    matches!(code, Some(ErrorCode::DiskFull | ErrorCode::SystemIoFailure))
}

pub(crate) fn is_read_only_error(err: &Error) -> bool {
    let code = match err {
        Error::Open { source, .. } | Error::Sqlite(source) => source.sqlite_error_code(),
        _ => None,
    };
    matches!(
        code,
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied)
    )
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// An exclusive lock on `<store>.lock`, held while the store is created or migrated, so that
/// several programs starting at once on a missing store do not each run the migrations.
#[derive(Debug)]
pub(crate) struct SetupLock {
    _held: File,
}

impl SetupLock {
    pub(crate) fn take(store: &Path) -> Result<SetupLock> {
        let mut name = store.file_name().unwrap_or_default().to_os_string();
        name.push(".lock");
        let lock_path = store.with_file_name(name);
        let io_err = |source| Error::Io {
            path: lock_path.clone(),
            source,
        };
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io_err)?;
        file.lock().map_err(io_err)?;
        Ok(SetupLock { _held: file })
    }
}
