use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::error::{Error, Result};

/// Writes to a temp file in the same directory, fsyncs it, then renames over `path`; on any
/// error the destination is untouched and the temp file removed.
///
/// The temp file sits beside the destination because a rename is only atomic within one file
/// system. An existing destination keeps its permissions. A symbolic link is written through
/// (its target is replaced, the link kept); a device, pipe or folder is refused, since renaming
/// over it would replace the device node itself. Temp files that a killed export left behind
/// for this destination are removed first.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.file_name().is_none() {
        return Err(Error::Destination {
            path: path.to_owned(),
            reason: "it does not name a file",
        });
    }
    let resolved = resolve_destination(path)?;
    let path = resolved.as_path();
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
    let name = temp_stem(&file_name.to_string_lossy());
    remove_abandoned_temps(dir, &name);
    let (temp_path, file) = create_temp_beside(dir, &name).map_err(|e| Error::write(path, e))?;

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

/// The file a destination names: itself, or the target of a symbolic link; refused when it is
/// not a regular file or a link to nothing.
fn resolve_destination(path: &Path) -> Result<PathBuf> {
    let refuse = |reason| Error::Destination {
        path: path.to_owned(),
        reason,
    };
    let Ok(link) = fs::symlink_metadata(path) else {
        return Ok(path.to_owned());
    };
    let target = if link.file_type().is_symlink() {
        fs::canonicalize(path).map_err(|_| refuse("it is a link to a file that does not exist"))?
    } else {
        path.to_owned()
    };
    let meta = fs::metadata(&target).map_err(|e| Error::write(path, e))?;
    if meta.is_dir() {
        return Err(refuse("it is a folder"));
    }
    if !meta.is_file() {
        return Err(refuse(
            "it is not an ordinary file (a device or a pipe); choose a file name",
        ));
    }
    Ok(target)
}

/// The destination's name as its temp files carry it: cut to 200 bytes, so that with the dot,
/// process number, counter and `.tmp` it stays within the usual 255-byte limit of a name.
fn temp_stem(name: &str) -> String {
    let mut end = name.len().min(200);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    name[..end].to_owned()
}

/// Removes `.<name>.<pid>-<n>.tmp` files whose writer is gone: its process no longer runs
/// (where `/proc` tells) or the file is over an hour old. Best effort: what cannot be removed
/// is left.
fn remove_abandoned_temps(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix))
            .and_then(|f| f.strip_suffix(".tmp"))
        else {
            continue;
        };
        let Some((pid, n)) = rest.split_once('-') else {
            continue;
        };
        if pid.parse::<u32>().is_err() || n.parse::<u32>().is_err() {
            continue;
        }
        let proc_dir = Path::new("/proc");
        let writer_gone = proc_dir.is_dir()
            && pid != std::process::id().to_string()
            && !proc_dir.join(pid).exists();
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 3_600);
        if writer_gone || old {
            let _ = fs::remove_file(entry.path());
        }
    }
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
    #[cfg(unix)]
    use std::os::unix::fs::FileTypeExt;

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
    fn devices_pipes_and_folders_are_refused_and_left_as_they_are() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success(), "mkfifo");
        for path in [
            Path::new("/dev/null"),
            Path::new("/dev/full"),
            &fifo,
            dir.path(),
        ] {
            let err = write_atomically(path, b"%PDF-1.7").expect_err("refused");
            assert!(
                matches!(err, Error::Destination { .. }),
                "{}: {err}",
                path.display()
            );
        }
        assert!(
            fs::metadata("/dev/null")
                .expect("stat")
                .file_type()
                .is_char_device()
                && fs::metadata(&fifo).expect("stat").file_type().is_fifo(),
            "the device and the pipe are still there"
        );
        assert_eq!(names_in(dir.path()), ["pipe"], "no temp file left");
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_written_through_to_its_target() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("real.pdf");
        fs::write(&target, b"old").expect("old report");
        let link = dir.path().join("link.pdf");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        write_atomically(&link, b"new").expect("write through the link");
        assert_eq!(
            fs::read(&target).expect("read"),
            b"new",
            "the target is updated"
        );
        assert!(
            fs::symlink_metadata(&link)
                .expect("stat")
                .file_type()
                .is_symlink(),
            "the link is still a link"
        );
        let dangling = dir.path().join("dangling.pdf");
        std::os::unix::fs::symlink(dir.path().join("gone.pdf"), &dangling).expect("symlink");
        let err = write_atomically(&dangling, b"x").expect_err("dangling");
        assert!(err.to_string().contains("does not exist"), "{err}");
    }

    #[test]
    fn a_temp_file_left_by_a_killed_export_is_removed_by_the_next() {
        let dir = tempfile::tempdir().expect("temp dir");
        // No process has this number: Linux's pid_max is at most 4,194,304.
        let left = dir.path().join(".plan.pdf.4294967-0.tmp");
        fs::write(&left, b"half a PDF").expect("abandoned temp file");
        let other = dir.path().join(".notes.txt.4294967-0.tmp");
        fs::write(&other, b"someone else's").expect("another file's temp");
        write_atomically(&dir.path().join("plan.pdf"), b"%PDF-1.7").expect("export");
        assert_eq!(
            names_in(dir.path()),
            [".notes.txt.4294967-0.tmp", "plan.pdf"],
            "only this destination's abandoned temp file is removed"
        );
    }

    #[test]
    fn a_long_file_name_works() {
        let dir = tempfile::tempdir().expect("temp dir");
        // 240 bytes: the temp name adds about 20, over most file systems' 255-byte limit.
        let path = dir.path().join(format!("{}.pdf", "p".repeat(236)));
        write_atomically(&path, b"%PDF-1.7").expect("a long name is written");
        assert_eq!(fs::read(&path).expect("read"), b"%PDF-1.7");
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
