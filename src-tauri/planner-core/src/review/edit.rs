//! Each change to the review, as the window and `mcplan` ask for it. Reviewers and comments are
//! named by their place in the list; the edit is applied to the latest plan against the
//! revision the window read, so the place names what the dean saw.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{CommentOrigin, Decision, PlanStatus, Review, ReviewComment, Reviewer};
use crate::error::ValidationErrors;
use crate::report::ReportSection;

/// One change to a plan's committee review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ReviewEdit {
    SetStatus {
        status: PlanStatus,
    },
    AddReviewer {
        name: String,
        role: String,
    },
    /// A reviewer's name and role; their decision stays.
    UpdateReviewer {
        index: u32,
        name: String,
        role: String,
    },
    RemoveReviewer {
        index: u32,
    },
    /// Records a reviewer's decision, or clears it with `None`.
    Decide {
        index: u32,
        decision: Option<Decision>,
    },
    /// A comment typed in the window, open.
    AddComment {
        section: ReportSection,
        author: String,
        text: String,
        /// `YYYY-MM-DD`.
        date: String,
    },
    /// Marks a comment resolved, or reopens it.
    SetResolved {
        index: u32,
        resolved: bool,
    },
    RemoveComment {
        index: u32,
    },
    /// Files comments brought back from a PDF. A comment whose PDF key the plan already holds
    /// (or that comes twice in the batch) is skipped, so the same PDF brought back twice files
    /// its notes once.
    FileComments {
        comments: Vec<ReviewComment>,
    },
}

impl ReviewEdit {
    /// The review after this change, or every reason it is refused.
    pub fn apply(self, review: &Review) -> Result<Review, ValidationErrors> {
        let mut review = review.clone();
        let gone = |what: &str| {
            ValidationErrors::single(
                what,
                format!(
                    "That {} is no longer in the plan; it may have been removed elsewhere",
                    if what == "reviewers" {
                        "reviewer"
                    } else {
                        "comment"
                    }
                ),
            )
        };
        match self {
            ReviewEdit::SetStatus { status } => review.status = status,
            ReviewEdit::AddReviewer { name, role } => review.reviewers.push(Reviewer {
                name,
                role,
                decision: None,
            }),
            ReviewEdit::UpdateReviewer { index, name, role } => {
                let reviewer = review
                    .reviewers
                    .get_mut(index as usize)
                    .ok_or_else(|| gone("reviewers"))?;
                reviewer.name = name;
                reviewer.role = role;
            }
            ReviewEdit::RemoveReviewer { index } => {
                if index as usize >= review.reviewers.len() {
                    return Err(gone("reviewers"));
                }
                review.reviewers.remove(index as usize);
            }
            ReviewEdit::Decide { index, decision } => {
                let reviewer = review
                    .reviewers
                    .get_mut(index as usize)
                    .ok_or_else(|| gone("reviewers"))?;
                reviewer.decision = decision;
            }
            ReviewEdit::AddComment {
                section,
                author,
                text,
                date,
            } => review.comments.push(ReviewComment {
                section,
                author,
                date,
                text,
                page: None,
                quoted: None,
                resolved: false,
                origin: CommentOrigin::Window,
            }),
            ReviewEdit::SetResolved { index, resolved } => {
                review
                    .comments
                    .get_mut(index as usize)
                    .ok_or_else(|| gone("comments"))?
                    .resolved = resolved;
            }
            ReviewEdit::RemoveComment { index } => {
                if index as usize >= review.comments.len() {
                    return Err(gone("comments"));
                }
                review.comments.remove(index as usize);
            }
            ReviewEdit::FileComments { comments } => {
                let new = review.unfiled(comments);
                review.comments.extend(new);
            }
        }
        trim(&mut review);
        review.validate()?;
        Ok(review)
    }
}

/// Names, roles and texts as they read, without the spaces around them.
fn trim(review: &mut Review) {
    for reviewer in &mut review.reviewers {
        reviewer.name = reviewer.name.trim().to_owned();
        reviewer.role = reviewer.role.trim().to_owned();
    }
    for comment in &mut review.comments {
        comment.author = comment.author.trim().to_owned();
        comment.text = comment.text.trim().to_owned();
    }
}
