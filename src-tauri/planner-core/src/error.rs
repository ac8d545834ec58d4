use serde::Serialize;
use ts_rs::TS;

/// One invalid field: which one, and a sentence a dean can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    /// The form field the message belongs next to.
    pub field: String,
    pub message: String,
}

/// Every problem found in one form, so the UI can mark all fields at once.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.summary())]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    pub fn single(field: &str, message: impl Into<String>) -> Self {
        Self(vec![FieldError {
            field: field.to_owned(),
            message: message.into(),
        }])
    }

    /// All messages on one line, for the CLI and logs.
    pub fn summary(&self) -> String {
        self.0
            .iter()
            .map(|e| e.message.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The first three problems, each with its field, and how many more there are: one
    /// readable line for a refused file, however many problems it has.
    pub fn first_problems(&self) -> String {
        const SHOWN: usize = 3;
        let listed: Vec<String> = self
            .0
            .iter()
            .take(SHOWN)
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect();
        match self.0.len().saturating_sub(SHOWN) {
            0 => listed.join("; "),
            more => format!("{}; and {more} more problems", listed.join("; ")),
        }
    }

    /// The refusal as the UI receives it: one sentence for the whole form, and each field's.
    pub fn problem(&self) -> Problem {
        Problem {
            kind: ProblemKind::Invalid,
            message: "Some details need attention before they can be saved".to_owned(),
            fields: self.0.clone(),
        }
    }
}

/// What kind of failure the UI is told about, so it never matches on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// Something typed or sent is not acceptable; `fields` says where.
    Invalid,
    /// The plan asked for does not exist (any more).
    NotFound,
    /// Reading or writing the plan store failed.
    Storage,
    /// Writing the PDF report failed.
    Report,
    /// The plan changed elsewhere (the CLI, another window) since this window last read it, so
    /// the edit was not applied over that change.
    ChangedElsewhere,
}

/// A failure as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    pub kind: ProblemKind,
    /// One sentence for a dean: what went wrong and, where it helps, what to do.
    pub message: String,
    /// Per-field messages, for `invalid`; empty otherwise.
    pub fields: Vec<FieldError>,
}
