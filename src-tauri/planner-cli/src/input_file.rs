//! Reading a file a person points `mcplan` at, through planner-core's reader (the window's too):
//! capped in size before and while it is read, UTF-8 only, a byte-order mark skipped.

use std::path::Path;

use planner_core::{FileRefusal, read_text_file};

use crate::Failure;

/// The answers file is a few hundred bytes; a megabyte is far beyond any real one.
pub(crate) const MAX_ANSWERS_BYTES: u64 = 1 << 20;
/// The largest portfolio (1,000 credentials with every text field full) is about 5 MB.
pub(crate) const MAX_INPUTS_BYTES: u64 = 8 << 20;

/// The text of the file `path`, which holds `what` ("the answers file"), at most `limit` bytes.
pub(crate) fn read_input_file(
    path: &Path,
    what: &'static str,
    limit: u64,
) -> Result<String, Failure> {
    Ok(read_text_file(path, what, limit)?)
}

impl From<FileRefusal> for Failure {
    /// A file `mcplan` will not take is the user's to fix: exit 2, naming the file by the path
    /// they gave.
    fn from(refusal: FileRefusal) -> Self {
        Failure::Input(refusal.to_string())
    }
}
