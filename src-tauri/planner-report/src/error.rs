use std::io;
use std::path::{Path, PathBuf};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why a report could not be made or saved. Every message names what failed and where.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// One of the fonts compiled into the crate did not parse; a build problem, not a user one.
    #[error("The report's built-in font {name} could not be read")]
    Font { name: &'static str },

    /// The PDF library reported an error while assembling the document.
    #[error("The PDF report could not be assembled: {message}")]
    Pdf { message: String },

    /// A PDF handed in to import or bring comments back from cannot be parsed.
    #[error("this PDF cannot be read: {reason}")]
    UnreadablePdf { reason: String },

    /// A PDF handed in to import was made by another program.
    #[error("this PDF was not made by the Micro-credential Planner, so it holds no plan")]
    NotFromPlanner,

    /// A PDF of this planner without its plan file: made before PDFs carried one, or with the
    /// attachment removed.
    #[error(
        "this PDF was made by the Micro-credential Planner but holds no plan: an older version \
         made it, or the plan was removed from it; import the plan file (.mcplan) instead"
    )]
    NoPlanInPdf,

    /// The plan file inside the PDF no longer matches the checksums written when it was
    /// exported.
    #[error("the plan inside this PDF was changed after it was exported")]
    PlanChangedInPdf,

    /// The destination cannot hold a file at all (for example it ends in `..`).
    #[error("Cannot write the report to {}: {reason}", path.display())]
    Destination { path: PathBuf, reason: &'static str },

    /// Writing, syncing or renaming the file failed; the destination was left untouched.
    #[error("Could not write the report to {}: {reason}", path.display())]
    Write {
        path: PathBuf,
        /// The cause in words a dean can act on.
        reason: String,
        #[source]
        source: io::Error,
    },
}

impl Error {
    pub(crate) fn write(path: &Path, source: io::Error) -> Self {
        let reason = match source.kind() {
            io::ErrorKind::NotFound => match path.parent() {
                Some(dir) if !dir.as_os_str().is_empty() => {
                    format!("the folder {} does not exist", dir.display())
                }
                _ => "the folder does not exist".to_owned(),
            },
            io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            io::ErrorKind::StorageFull => "the disk is full".to_owned(),
            io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
            io::ErrorKind::IsADirectory => "a folder of that name is already there".to_owned(),
            io::ErrorKind::NotADirectory => "part of the path is a file, not a folder".to_owned(),
            _ => source.to_string(),
        };
        Self::Write {
            path: path.to_owned(),
            reason,
            source,
        }
    }
}
