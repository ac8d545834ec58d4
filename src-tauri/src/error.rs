use planner_core::rollup::RollupError;
use planner_core::tables::NoTable;
use planner_core::{FileRefusal, Problem, ProblemKind, ValidationErrors};
use serde::{Serialize, Serializer};

/// Everything a command can fail with. It crosses to the UI as a [`Problem`]
/// (`{ kind, message, fields }`), so the UI never matches on message text.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    #[error(transparent)]
    Store(planner_store::Error),
    #[error(transparent)]
    Report(#[from] planner_report::Error),
    /// A file the planner will not take (a plan file, a report PDF): which file, and why.
    #[error(transparent)]
    File(#[from] FileRefusal),
    /// Plans chosen for a roll-up that cannot be put side by side (too few, too many, twice).
    #[error(transparent)]
    Rollup(#[from] RollupError),
    /// A table asked for that the plan cannot give yet (its rollout is not set up).
    #[error(transparent)]
    NoTable(#[from] NoTable),
    /// The exported report could not be shown in the computer's own viewer.
    #[error("Could not open {path}: {reason}")]
    Open { path: String, reason: String },
}

impl AppError {
    pub fn problem(&self) -> Problem {
        let (kind, message) = match self {
            AppError::Invalid(errors) => return errors.problem(),
            // The dean chose the file: it is named by its name alone, never its folder.
            AppError::File(refusal) => (ProblemKind::Invalid, refusal.by_name()),
            AppError::Rollup(refusal) => (ProblemKind::Invalid, refusal.to_string()),
            AppError::NoTable(refusal) => (ProblemKind::Invalid, refusal.to_string()),
            AppError::Store(planner_store::Error::NotFound(_)) => (
                ProblemKind::NotFound,
                "This plan no longer exists; it may have been removed from another window".into(),
            ),
            AppError::Store(planner_store::Error::VersionNotFound { number, .. }) => (
                ProblemKind::NotFound,
                format!("This plan has no version {number}"),
            ),
            AppError::Store(planner_store::Error::ChangedElsewhere { .. }) => (
                ProblemKind::ChangedElsewhere,
                "This plan was changed outside this window; it has been reloaded.".into(),
            ),
            AppError::Store(_) => (ProblemKind::Storage, self.to_string()),
            AppError::Report(_) | AppError::Open { .. } => (ProblemKind::Report, self.to_string()),
        };
        Problem {
            kind,
            message,
            fields: vec![],
        }
    }
}

impl From<planner_store::Error> for AppError {
    /// A store refusing an edit by the plan's rules is the same refusal as the form's.
    fn from(err: planner_store::Error) -> Self {
        match err {
            planner_store::Error::Invalid(errors) => AppError::Invalid(errors),
            other => AppError::Store(other),
        }
    }
}

impl Serialize for AppError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.problem().serialize(serializer)
    }
}
