//! The committee's review of a plan: where the plan stands (draft, sent to committee,
//! approved), who reviews it and what each decided, and the comments they made on the report's
//! sections, typed in the window or brought back from an annotated PDF. It travels in the plan
//! (and so in the plan file) and prints on the report's cover and sign-off page.

mod brought_back;
mod edit;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{FieldError, ValidationErrors};
use crate::json_file::parse_date;
use crate::report::ReportSection;
use crate::text::text_problem;

pub use brought_back::{CommentsFound, SectionCount, another_plan};
pub use edit::ReviewEdit;

/// A committee is a handful of people; far more is a mistake in a file.
pub const MAX_REVIEWERS: usize = 100;
/// Many annotated PDFs coming back, each with many notes.
pub const MAX_COMMENTS: usize = 10_000;
pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_COMMENT_CHARS: usize = 5_000;
pub const MAX_QUOTE_CHARS: usize = 2_000;
pub const MAX_PDF_KEY_CHARS: usize = 200;
/// A report is a few dozen pages; a page number past this is not one of ours.
pub const MAX_PAGE: u32 = 10_000;

/// The committee review of one plan. A plan nobody has reviewed yet has the default: a draft
/// with no reviewers and no comments.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    pub status: PlanStatus,
    pub reviewers: Vec<Reviewer>,
    pub comments: Vec<ReviewComment>,
}

/// Where the plan stands with its committee; printed on the report's cover.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    #[default]
    Draft,
    SentToCommittee,
    Approved,
}

/// A member of the committee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Reviewer {
    pub name: String,
    /// Such as "Provost" or "Chair, curriculum committee".
    pub role: String,
    /// `None` until the reviewer has decided.
    pub decision: Option<Decision>,
}

/// What a reviewer decided, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    pub verdict: Verdict,
    /// `YYYY-MM-DD`.
    pub date: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Approved,
    ApprovedWithChanges,
    NotApproved,
}

/// A comment on one section of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReviewComment {
    pub section: ReportSection,
    pub author: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub text: String,
    /// The PDF page it was made on, when it came from a PDF.
    pub page: Option<u32>,
    /// The words it highlights, when it was made on a highlight.
    pub quoted: Option<String>,
    pub resolved: bool,
    pub origin: CommentOrigin,
}

/// Where a comment was made.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum CommentOrigin {
    /// Typed in the window.
    Window,
    /// An annotation in a PDF of the report. `key` is the same each time the same annotation
    /// comes back, so it is filed once.
    Pdf { key: String },
}

impl ReviewComment {
    /// The PDF annotation's key, for a comment brought back from a PDF.
    pub fn pdf_key(&self) -> Option<&str> {
        match &self.origin {
            CommentOrigin::Pdf { key } => Some(key),
            CommentOrigin::Window => None,
        }
    }
}

impl Review {
    /// The comments not yet resolved, grouped by section in the report's order, each group in
    /// the order the comments were filed.
    pub fn open_comments_by_section(&self) -> Vec<(ReportSection, Vec<&ReviewComment>)> {
        ReportSection::ALL
            .into_iter()
            .filter_map(|section| {
                let open: Vec<&ReviewComment> = self
                    .comments
                    .iter()
                    .filter(|c| c.section == section && !c.resolved)
                    .collect();
                (!open.is_empty()).then_some((section, open))
            })
            .collect()
    }

    /// The reviewer named `name` (in any case, spaces around ignored), with their place.
    pub fn reviewer_named(&self, name: &str) -> Option<(usize, &Reviewer)> {
        let wanted = name.trim().to_lowercase();
        self.reviewers
            .iter()
            .enumerate()
            .find(|(_, r)| r.name.trim().to_lowercase() == wanted)
    }

    /// Every problem, keyed `reviewers.N.name`, `comments.N.date` and so on.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        if self.reviewers.len() > MAX_REVIEWERS {
            errors.push(problem(
                "reviewers",
                format!(
                    "A plan lists at most {MAX_REVIEWERS} reviewers; this one has {}",
                    self.reviewers.len()
                ),
            ));
        }
        if self.comments.len() > MAX_COMMENTS {
            errors.push(problem(
                "comments",
                format!(
                    "A plan holds at most {} comments; this one has {}",
                    crate::format_count(MAX_COMMENTS as u64),
                    crate::format_count(self.comments.len() as u64)
                ),
            ));
        }
        if !errors.is_empty() {
            return Err(ValidationErrors(errors));
        }
        for (i, reviewer) in self.reviewers.iter().enumerate() {
            check_reviewer(i, reviewer, &self.reviewers[..i], &mut errors);
        }
        for (i, comment) in self.comments.iter().enumerate() {
            check_comment(i, comment, &self.comments[..i], &mut errors);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors(errors))
        }
    }
}

fn problem(field: &str, message: String) -> FieldError {
    FieldError {
        field: field.to_owned(),
        message,
    }
}

fn check_reviewer(
    i: usize,
    reviewer: &Reviewer,
    before: &[Reviewer],
    errors: &mut Vec<FieldError>,
) {
    let at = |key: &str| format!("reviewers.{i}.{key}");
    let n = i + 1;
    let texts = [
        ("name", "name", &reviewer.name),
        ("role", "role", &reviewer.role),
    ];
    for (key, what, value) in texts {
        let label = format!("The {what} of reviewer {n}");
        if let Some(message) = text_problem(&label, value, MAX_NAME_CHARS, false) {
            errors.push(problem(&at(key), message));
        }
    }
    let name = reviewer.name.trim().to_lowercase();
    if !name.is_empty() && before.iter().any(|r| r.name.trim().to_lowercase() == name) {
        errors.push(problem(
            &at("name"),
            format!(
                "Two reviewers are named “{}”; give each their own name",
                crate::text::excerpt(reviewer.name.trim())
            ),
        ));
    }
    if let Some(decision) = &reviewer.decision
        && let Err(message) = parse_date(&decision.date)
    {
        errors.push(problem(
            &at("decision.date"),
            format!("The date of reviewer {n}’s decision: {message}"),
        ));
    }
}

fn check_comment(
    i: usize,
    comment: &ReviewComment,
    before: &[ReviewComment],
    errors: &mut Vec<FieldError>,
) {
    let at = |key: &str| format!("comments.{i}.{key}");
    let n = i + 1;
    let texts = [
        (
            "author",
            "The author of comment",
            &comment.author,
            MAX_NAME_CHARS,
            false,
        ),
        (
            "text",
            "The text of comment",
            &comment.text,
            MAX_COMMENT_CHARS,
            true,
        ),
    ];
    for (key, what, value, max, multi_line) in texts {
        if let Some(message) = text_problem(&format!("{what} {n}"), value, max, multi_line) {
            errors.push(problem(&at(key), message));
        }
    }
    if let Some(quoted) = &comment.quoted
        && let Some(message) = text_problem(
            &format!("The highlighted text of comment {n}"),
            quoted,
            MAX_QUOTE_CHARS,
            true,
        )
    {
        errors.push(problem(&at("quoted"), message));
    }
    if let Err(message) = parse_date(&comment.date) {
        errors.push(problem(
            &at("date"),
            format!("The date of comment {n}: {message}"),
        ));
    }
    if let Some(page) = comment.page
        && !(1..=MAX_PAGE).contains(&page)
    {
        errors.push(problem(
            &at("page"),
            format!("Comment {n} is on page {page}; pages are numbered from 1 to {MAX_PAGE}"),
        ));
    }
    if let Some(key) = comment.pdf_key() {
        if let Some(message) = text_problem(
            &format!("The PDF key of comment {n}"),
            key,
            MAX_PDF_KEY_CHARS,
            false,
        ) {
            errors.push(problem(&at("origin.key"), message));
        } else if before.iter().any(|c| c.pdf_key() == Some(key)) {
            errors.push(problem(
                &at("origin.key"),
                format!("Comment {n} is filed twice from the same PDF note; keep one"),
            ));
        }
    }
}

#[cfg(test)]
mod tests;
