//! Reading a file a person points the planner at (from `mcplan` or the window's open dialog):
//! capped in size before and while it is read (so a 200 MB file, `/dev/zero` or an endless pipe
//! is refused at once, not read into memory), UTF-8 only, and a byte-order mark at the start is
//! skipped. `mcplan` and the window read through here, so both refuse a file with the same words.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::format_count;

/// Why a file was not taken: which file, and what is wrong with it in plain words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} {}: {reason}", .file.display())]
pub struct FileRefusal {
    /// What the file was to hold, such as "the answers file".
    pub what: &'static str,
    pub file: PathBuf,
    pub reason: String,
}

impl FileRefusal {
    pub fn new(what: &'static str, file: &Path, reason: impl Into<String>) -> Self {
        FileRefusal {
            what,
            file: file.to_owned(),
            reason: reason.into(),
        }
    }

    /// The file `file` is over `limit` bytes, the most `what` can be.
    pub fn too_big(what: &'static str, file: &Path, limit: u64) -> Self {
        Self::new(
            what,
            file,
            format!(
                "it is larger than {} bytes, the most {what} can be",
                format_count(limit)
            ),
        )
    }

    /// The refusal as the window says it: the file by its name alone, then what is wrong.
    pub fn by_name(&self) -> String {
        format!("“{}”: {}", file_name(&self.file), self.reason)
    }
}

/// The name of the file at `path`, without its folder.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The bytes of the file `path`, which holds `what`, at most `limit` bytes.
pub fn read_file_bytes(
    path: &Path,
    what: &'static str,
    limit: u64,
) -> Result<Vec<u8>, FileRefusal> {
    let unreadable = |e: std::io::Error| {
        FileRefusal::new(what, path, format!("it cannot be read ({})", plain(&e)))
    };
    let file = File::open(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if meta.is_dir() {
        return Err(FileRefusal::new(what, path, "it is a folder, not a file"));
    }
    if meta.is_file() && meta.len() > limit {
        return Err(FileRefusal::too_big(what, path, limit));
    }
    // A device or a pipe has no length to check beforehand: read one byte past the limit.
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(FileRefusal::too_big(what, path, limit));
    }
    Ok(bytes)
}

/// `bytes`, read from `path`, as UTF-8 text without a byte-order mark at the start.
pub fn text_of_file(
    path: &Path,
    what: &'static str,
    bytes: Vec<u8>,
) -> Result<String, FileRefusal> {
    let text = String::from_utf8(bytes).map_err(|e| {
        FileRefusal::new(
            what,
            path,
            format!(
                "it is not UTF-8 text (at byte {}); save it as UTF-8",
                e.utf8_error().valid_up_to() + 1
            ),
        )
    })?;
    Ok(match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// The text of the file `path`, which holds `what` ("the answers file"), at most `limit` bytes.
pub fn read_text_file(path: &Path, what: &'static str, limit: u64) -> Result<String, FileRefusal> {
    let bytes = read_file_bytes(path, what, limit)?;
    text_of_file(path, what, bytes)
}

/// An I/O error without the "(os error 2)" a dean cannot use.
fn plain(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "there is no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            let text = err.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_names_the_whole_path_for_mcplan_and_the_name_alone_in_the_window() {
        let dir = tempfile::tempdir().expect("temp dir");
        let refusal = read_text_file(dir.path(), "the answers file", 10).expect_err("a folder");
        assert_eq!(
            refusal.to_string(),
            format!(
                "the answers file {}: it is a folder, not a file",
                dir.path().display()
            )
        );
        let missing = dir.path().join("Ostrava plan.mcplan");
        let refusal = read_text_file(&missing, "the plan file", 10).expect_err("no file");
        assert_eq!(
            refusal.by_name(),
            "“Ostrava plan.mcplan”: it cannot be read (there is no such file)"
        );
    }

    #[test]
    fn a_file_over_the_cap_or_not_utf8_is_refused_and_a_bom_skipped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a.json");
        std::fs::write(&file, "12345678901").expect("write");
        assert_eq!(
            read_text_file(&file, "the answers file", 10)
                .expect_err("11 bytes")
                .reason,
            "it is larger than 10 bytes, the most the answers file can be"
        );
        std::fs::write(&file, b"ok\xff").expect("write");
        assert_eq!(
            read_text_file(&file, "the answers file", 10)
                .expect_err("not UTF-8")
                .reason,
            "it is not UTF-8 text (at byte 3); save it as UTF-8"
        );
        std::fs::write(&file, "\u{FEFF}{}").expect("write");
        assert_eq!(
            read_text_file(&file, "the answers file", 10),
            Ok("{}".to_owned())
        );
    }
}
