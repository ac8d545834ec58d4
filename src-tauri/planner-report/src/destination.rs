//! A report must never be written over the plan store or the files SQLite keeps beside it:
//! `mcplan pdf 1 --out plans.sqlite3` once replaced every plan with a PDF.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Refuses `out` when it is, or would become, one of `protected` (the store's own files),
/// however it is spelt: relative or absolute, through `..`, a symbolic link or a hard link.
pub fn refuse_protected(out: &Path, protected: &[PathBuf]) -> Result<()> {
    let out_id = identity(out);
    let out_spelling = spelling(out);
    let clash = protected.iter().any(|p| {
        let same_file = matches!((&out_id, identity(p)), (Some(a), Some(b)) if *a == b);
        let same_name = matches!((&out_spelling, spelling(p)), (Some(a), Some(b)) if *a == b);
        same_file || same_name
    });
    if clash {
        return Err(Error::Destination {
            path: out.to_owned(),
            reason: "that is the plan store itself (or a file it keeps beside it); choose \
                     another name",
        });
    }
    Ok(())
}

/// The device and inode of what `path` finally names, following links.
#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(path: &Path) -> Option<PathBuf> {
    fs::canonicalize(path).ok()
}

/// The path with its folder resolved (links, `..`), for files that do not exist yet.
fn spelling(path: &Path) -> Option<PathBuf> {
    let resolved = fs::canonicalize(path).ok();
    resolved.or_else(|| {
        let name = path.file_name()?;
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        Some(fs::canonicalize(dir).ok()?.join(name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn protected(dir: &Path) -> Vec<PathBuf> {
        ["plans.sqlite3", "plans.sqlite3-wal", "plans.sqlite3-shm"]
            .iter()
            .map(|n| dir.join(n))
            .collect()
    }

    #[test]
    fn the_store_is_refused_however_it_is_spelt() {
        let root = tempfile::tempdir().expect("temp dir");
        let dir = root.path().join("data");
        fs::create_dir(&dir).expect("folder");
        fs::write(dir.join("plans.sqlite3"), b"SQLite format 3").expect("store");
        let store = protected(&dir);
        let mut spellings = vec![
            dir.join("plans.sqlite3"),
            dir.join("..").join("data").join("plans.sqlite3"),
            dir.join("plans.sqlite3-wal"),
        ];
        #[cfg(unix)]
        {
            let link = root.path().join("link.pdf");
            std::os::unix::fs::symlink(dir.join("plans.sqlite3"), &link).expect("symlink");
            let hard = root.path().join("hard.pdf");
            fs::hard_link(dir.join("plans.sqlite3"), &hard).expect("hard link");
            let folder_link = root.path().join("folder");
            std::os::unix::fs::symlink(&dir, &folder_link).expect("folder link");
            spellings.extend([link, hard, folder_link.join("plans.sqlite3-shm")]);
        }
        for out in spellings {
            let err = refuse_protected(&out, &store).expect_err("the store");
            assert!(err.to_string().contains("plan store itself"), "{err}");
        }
        refuse_protected(&dir.join("plan.pdf"), &store).expect("another name is fine");
        refuse_protected(&root.path().join("plans.sqlite3"), &store)
            .expect("the same name in another folder is fine");
    }
}
