use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::error::{Error, Result};

/// Writes to a temp file in the same directory, fsyncs it, then renames over `path`; on any
/// error the destination is untouched and the temp file removed.
///
/// The temp file sits beside the destination because a rename is only atomic within one file
/// system. An existing destination keeps its permissions.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let Some(file_name) = path.file_name() else {
        return Err(Error::Destination {
            path: path.to_owned(),
            reason: "it does not name a file",
        });
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let (temp_path, file) =
        create_temp_beside(dir, &file_name.to_string_lossy()).map_err(|e| Error::write(path, e))?;

    if let Err(e) = fill_and_rename(file, &temp_path, path, bytes) {
        // Best effort: the rename may already have consumed it, or the folder may be gone.
        let _ = fs::remove_file(&temp_path);
        return Err(Error::write(path, e));
    }
    // The data is durable already; syncing the folder makes the new name durable too.
    // A failure here does not make the write less complete, so it is not reported.
    let _ = sync_dir(dir);
    Ok(())
}

fn fill_and_rename(mut file: File, temp_path: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Ok(existing) = fs::metadata(path)
        && existing.is_file()
    {
        file.set_permissions(existing.permissions())?;
    }
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    fs::rename(temp_path, path)
}

/// Creates `.<name>.<pid>-<n>.tmp` in `dir`, never reusing a file that is already there.
fn create_temp_beside(dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let pid = std::process::id();
    let mut attempts = 0;
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp_path = dir.join(format!(".{name}.{pid}-{n}.tmp"));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp_path)
        {
            Ok(file) => return Ok((temp_path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempts < 100 => attempts += 1,
            Err(e) => return Err(e),
        }
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("list temp dir")
            .map(|e| {
                e.expect("dir entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writing_into_a_missing_folder_fails_naming_the_path_and_creates_nothing() {
        let root = tempfile::tempdir().expect("temp dir");
        let path = root.path().join("no-such-folder").join("plan.pdf");
        let err = write_atomically(&path, b"%PDF-1.7").expect_err("missing folder refused");
        let message = err.to_string();
        assert!(
            message.starts_with("Could not write the report to ")
                && message.contains(&path.display().to_string())
                && message.contains("does not exist"),
            "message names the destination and the cause: {message}"
        );
        assert!(names_in(root.path()).is_empty(), "nothing was created");
    }

    #[test]
    fn writing_over_an_existing_file_replaces_it_wholly_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("plan.pdf");
        fs::write(&path, vec![b'x'; 10_000]).expect("old report");
        write_atomically(&path, b"new and shorter").expect("replace");
        assert_eq!(
            fs::read(&path).expect("read back"),
            b"new and shorter",
            "the new bytes and nothing of the old file"
        );
        assert_eq!(
            names_in(dir.path()),
            ["plan.pdf"],
            "no temp file left behind"
        );
    }

    #[test]
    fn a_failed_rename_leaves_the_destination_and_removes_the_temp_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("plan.pdf");
        fs::create_dir(&path).expect("a folder where the file should go");
        fs::write(path.join("keep.txt"), b"keep").expect("folder content");
        let err = write_atomically(&path, b"%PDF-1.7").expect_err("cannot replace a folder");
        assert!(err.to_string().contains("plan.pdf"), "{err}");
        assert_eq!(names_in(dir.path()), ["plan.pdf"], "temp file removed");
        assert_eq!(fs::read(path.join("keep.txt")).expect("untouched"), b"keep");
    }

    #[test]
    fn a_path_without_a_file_name_is_refused() {
        let err = write_atomically(Path::new("/tmp/.."), b"x").expect_err("no file name");
        assert!(err.to_string().contains("does not name a file"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("plan.pdf");
        fs::write(&path, b"old").expect("old report");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
        write_atomically(&path, b"new").expect("replace");
        let mode = fs::metadata(&path).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode, 0o640, "permissions carried over");
    }
}
