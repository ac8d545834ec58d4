//! Comments read from a PDF, as review comments the plan can file: every field within what the
//! review model accepts, so a committee's long note or odd date never refuses the whole batch.

use chrono::NaiveDate;
use planner_core::report::ReportSection;
use planner_core::review::{
    CommentOrigin, MAX_COMMENT_CHARS, MAX_NAME_CHARS, MAX_PAGE, MAX_PDF_KEY_CHARS, MAX_QUOTE_CHARS,
    ReviewComment,
};
use planner_core::text::is_hidden_character;

use super::annotations::{PdfComment, PdfCommentKind, comments_in_pdf};
use crate::error::Result;

/// Where a comment on the cover (which opens no section) is filed: the summary, which the
/// cover introduces.
pub const COVER_SECTION: ReportSection = ReportSection::Summary;

/// The comments in the PDF `bytes` as review comments, each keyed by its annotation; dated
/// `today` when the reader recorded no date.
pub fn review_comments_in_pdf(bytes: &[u8], today: NaiveDate) -> Result<Vec<ReviewComment>> {
    let comments = comments_in_pdf(bytes)?;
    Ok(comments
        .iter()
        .map(|comment| review_comment(comment, &comments, today))
        .collect())
}

fn review_comment(comment: &PdfComment, all: &[PdfComment], today: NaiveDate) -> ReviewComment {
    let author = if comment.author.trim().is_empty() {
        "A committee member".to_owned()
    } else {
        clean(&comment.author, MAX_NAME_CHARS, false)
    };
    let note = if comment.text.trim().is_empty() {
        match comment.kind {
            PdfCommentKind::Underline => "Underlined",
            PdfCommentKind::StrikeOut => "Struck out",
            PdfCommentKind::Squiggly => "Marked with a wavy line",
            _ => "Highlighted",
        }
        .to_owned()
    } else {
        comment.text.clone()
    };
    // The review has no threads: a reply says whom it answers.
    let replied_to = comment
        .reply_to
        .as_ref()
        .and_then(|key| all.iter().find(|c| &c.key == key))
        .map(|parent| parent.author.trim())
        .filter(|author| !author.is_empty());
    let text = match replied_to {
        Some(parent) => format!("In reply to {parent}: {note}"),
        None => note,
    };
    let date = comment
        .date
        .map(|d| d.date_naive())
        .filter(|d| planner_core::parse_date(&d.format("%Y-%m-%d").to_string()).is_ok())
        .unwrap_or(today);
    ReviewComment {
        section: comment.section.unwrap_or(COVER_SECTION),
        author,
        date: date.format("%Y-%m-%d").to_string(),
        text: clean(&text, MAX_COMMENT_CHARS, true),
        page: Some(comment.page.min(MAX_PAGE)),
        quoted: comment
            .quoted
            .as_deref()
            .map(|q| clean(q, MAX_QUOTE_CHARS, false))
            .filter(|q| !q.is_empty()),
        resolved: false,
        origin: CommentOrigin::Pdf {
            key: clean(&comment.key, MAX_PDF_KEY_CHARS, false),
        },
    }
}

/// `text` without hidden characters (line breaks kept in a note), trimmed, and cut to `max`
/// characters with an ellipsis.
fn clean(text: &str, max: usize, multi_line: bool) -> String {
    let kept: String = text
        .chars()
        .map(|c| match c {
            '\n' if multi_line => '\n',
            '\n' | '\t' => ' ',
            c => c,
        })
        .filter(|c| (multi_line && *c == '\n') || !is_hidden_character(*c))
        .collect();
    let kept = kept.trim();
    if kept.chars().count() <= max {
        return kept.to_owned();
    }
    let mut cut: String = kept.chars().take(max - 1).collect();
    cut.push('…');
    cut
}
