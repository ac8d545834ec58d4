//! A small file system of a test's own (tmpfs), to fill up or make read-only: the only honest
//! way to see what the planner does on a full or read-only disk.

use std::path::Path;
use std::process::{Command, Stdio};

/// A tmpfs mounted on a fresh temp folder, unmounted when dropped.
#[derive(Debug)]
pub struct ScratchDisk {
    dir: tempfile::TempDir,
}

impl ScratchDisk {
    /// Mounts a tmpfs of `size` (as `mount` takes it: "200k", "2m"). `None`, with the reason
    /// printed, where this machine does not let the tests mount (mounting needs root).
    pub fn mount(size: &str) -> Option<ScratchDisk> {
        let dir = tempfile::tempdir().expect("temp dir");
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if mounted {
            Some(ScratchDisk { dir })
        } else {
            eprintln!("skipped: mounting a small file system needs root, and this run has none");
            None
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Remounts it read-only, as a write-protected stick or a read-only share is.
    pub fn make_read_only(&self) {
        let remounted = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.dir.path())
            .status()
            .is_ok_and(|s| s.success());
        assert!(remounted, "remount read-only");
    }

    /// Fills what is left of it with one file, so the next write finds the disk full.
    pub fn fill(&self) {
        let filler = self.dir.path().join("filler");
        let _ = Command::new("dd")
            .args(["if=/dev/zero", "bs=4k"])
            .arg(format!("of={}", filler.display()))
            .stderr(Stdio::null())
            .status();
    }
}

impl ScratchDisk {
    /// Frees the space [`ScratchDisk::fill`] took.
    pub fn unfill(&self) {
        let _ = std::fs::remove_file(self.dir.path().join("filler"));
    }
}

impl Drop for ScratchDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}
