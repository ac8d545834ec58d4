//! Reading back a PDF this planner made, after it travelled: the plan file it carries (so a
//! PDF imports as its plan) and the comments a committee added in any PDF reader. Everything
//! here reads files from elsewhere, so every walk is bounded (sizes, depths, counts, loops in
//! the object graph) and nothing panics; a file that cannot be read is refused with one line.

mod annotations;
mod files;
mod objects;
pub(crate) mod outline;
mod page_text;
mod plan_file;
mod review;

use lopdf::LoadOptions;

use crate::error::{Error, Result};

pub use annotations::{PdfComment, PdfCommentKind, comments_in_pdf};
pub use files::{AnnotatedReport, read_annotated_report_at, read_plan_file_at};
pub use plan_file::plan_file_in_pdf;
pub use review::{COVER_SECTION, review_comments_in_pdf};

/// Far above any report this planner writes (the 500-task plan's is under 1 MB), and above a
/// committee's copy with scanned pages added; a larger file is refused before it is parsed.
pub const MAX_PDF_BYTES: u64 = 128 << 20;
/// The most any one stream of a PDF read back may inflate to.
const MAX_STREAM_BYTES: usize = 64 << 20;

/// Whether `bytes` begin as a PDF does: `%PDF-` within the first kilobyte, where readers
/// look for it.
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|window| window == b"%PDF-")
}

/// The document in `bytes`, parsed with every stream's inflation capped.
fn load(bytes: &[u8]) -> Result<lopdf::Document> {
    let unreadable = |reason: &str| Error::UnreadablePdf {
        reason: reason.to_owned(),
    };
    if bytes.len() as u64 > MAX_PDF_BYTES {
        return Err(unreadable(&format!(
            "it is larger than {} bytes, the most the planner reads",
            planner_core::format_count(MAX_PDF_BYTES)
        )));
    }
    if !is_pdf(bytes) {
        return Err(unreadable("it does not begin as a PDF file does"));
    }
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        ..LoadOptions::default()
    };
    let document =
        lopdf::Document::load_mem_with_options(bytes, options).map_err(|err| match err {
            lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => {
                unreadable("it is protected by a password")
            }
            _ => unreadable("it is damaged or incomplete"),
        })?;
    if document.catalog().is_err() {
        return Err(unreadable("it is damaged or incomplete"));
    }
    Ok(document)
}
