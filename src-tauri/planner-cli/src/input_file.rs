//! Reading a file a person points `mcplan` at: capped in size before and while it is read (so a
//! 200 MB file, `/dev/zero` or an endless pipe is refused at once, not read into memory), UTF-8
//! only, and a byte-order mark at the start is skipped.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use planner_core::format_count;

use crate::Failure;

/// The answers file is a few hundred bytes; a megabyte is far beyond any real one.
pub(crate) const MAX_ANSWERS_BYTES: u64 = 1 << 20;
/// The largest portfolio (1,000 credentials with every text field full) is about 5 MB.
pub(crate) const MAX_INPUTS_BYTES: u64 = 8 << 20;

/// The text of the file `path`, which holds `what` ("the answers file"), at most `limit` bytes.
pub(crate) fn read_input_file(path: &Path, what: &str, limit: u64) -> Result<String, Failure> {
    let bytes = read_input_bytes(path, what, limit)?;
    input_text(path, what, bytes)
}

/// The bytes of the file `path`, which holds `what`, at most `limit` bytes.
pub(crate) fn read_input_bytes(path: &Path, what: &str, limit: u64) -> Result<Vec<u8>, Failure> {
    let shown = path.display();
    let refuse = |why: String| Failure::Input(format!("{what} {shown}: {why}"));
    let file = File::open(path).map_err(|e| refuse(format!("cannot be read ({})", plain(&e))))?;
    let meta = file
        .metadata()
        .map_err(|e| refuse(format!("cannot be read ({})", plain(&e))))?;
    if meta.is_dir() {
        return Err(refuse("it is a folder, not a file".into()));
    }
    if meta.is_file() && meta.len() > limit {
        return Err(too_big(path, what, limit));
    }
    // A device or a pipe has no length to check beforehand: read one byte past the limit.
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| refuse(format!("cannot be read ({})", plain(&e))))?;
    if bytes.len() as u64 > limit {
        return Err(too_big(path, what, limit));
    }
    Ok(bytes)
}

/// Why the file `path`, which holds `what`, is refused for being over `limit` bytes.
pub(crate) fn too_big(path: &Path, what: &str, limit: u64) -> Failure {
    Failure::Input(format!(
        "{what} {}: it is larger than {} bytes, the most {what} can be",
        path.display(),
        format_count(limit)
    ))
}

/// `bytes` read from `path` as UTF-8 text, without a byte-order mark at the start.
pub(crate) fn input_text(path: &Path, what: &str, bytes: Vec<u8>) -> Result<String, Failure> {
    let text = String::from_utf8(bytes).map_err(|e| {
        Failure::Input(format!(
            "{what} {}: it is not UTF-8 text (at byte {}); save it as UTF-8",
            path.display(),
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
