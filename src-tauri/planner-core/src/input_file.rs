//! Reading a file a person points the planner at (from `mcplan` or the window's open dialog):
//! capped in size before and while it is read (so a 200 MB file, `/dev/zero` or an endless pipe
//! is refused at once, not read into memory), UTF-8 only, and a byte-order mark at the start is
//! skipped.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::format_count;

/// Why a file could not be read: one line naming the file and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct FileRefusal(pub String);

/// The text of the file `path`, which holds `what` ("the answers file"), at most `limit` bytes.
pub fn read_text_file(path: &Path, what: &str, limit: u64) -> Result<String, FileRefusal> {
    let shown = path.display();
    let refuse = |why: String| FileRefusal(format!("{what} {shown}: {why}"));
    let too_big = || {
        refuse(format!(
            "it is larger than {} bytes, the most {what} can be",
            format_count(limit)
        ))
    };
    let file = File::open(path).map_err(|e| refuse(format!("cannot be read ({})", plain(&e))))?;
    let meta = file
        .metadata()
        .map_err(|e| refuse(format!("cannot be read ({})", plain(&e))))?;
    if meta.is_dir() {
        return Err(refuse("it is a folder, not a file".into()));
    }
    if meta.is_file() && meta.len() > limit {
        return Err(too_big());
    }
    // A device or a pipe has no length to check beforehand: read one byte past the limit.
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| refuse(format!("cannot be read ({})", plain(&e))))?;
    if bytes.len() as u64 > limit {
        return Err(too_big());
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        refuse(format!(
            "it is not UTF-8 text (at byte {}); save it as UTF-8",
            e.utf8_error().valid_up_to() + 1
        ))
    })?;
    Ok(match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
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
