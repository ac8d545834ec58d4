//! `mcplan review`: the committee review of a plan — its status, the reviewers and their
//! decisions, the comments by report section — and the two changes a script most often makes:
//! the status, and a reviewer added.

use planner_core::format::long_date;
use planner_core::report::ReportSection;
use planner_core::review::{PlanStatus, Review, ReviewComment, ReviewEdit};
use planner_core::{PlanEdit, PlanId, parse_date};
use planner_store::Store;

use crate::Failure;

/// What `mcplan review` was asked to change.
pub(crate) struct ReviewChanges {
    pub(crate) status: Option<String>,
    pub(crate) add_reviewer: Option<(String, String)>,
}

/// Applies the changes asked for, in one edit each, then describes the review as it is.
pub(crate) fn review(
    store: &mut Store,
    id: PlanId,
    changes: ReviewChanges,
) -> Result<String, Failure> {
    let mut edits = Vec::new();
    if let Some(typed) = &changes.status {
        edits.push((
            "--status",
            ReviewEdit::SetStatus {
                status: parse_status(typed)?,
            },
        ));
    }
    if let Some((name, role)) = changes.add_reviewer {
        edits.push(("--add-reviewer", ReviewEdit::AddReviewer { name, role }));
    }
    for (option, edit) in edits {
        match store.edit_plan(id, None, PlanEdit::Review(edit)) {
            Ok(_) => {}
            Err(planner_store::Error::Invalid(errors)) => {
                return Err(Failure::Input(format!("{option}: {}", errors.summary())));
            }
            Err(other) => return Err(other.into()),
        }
    }
    Ok(describe(&store.get_plan(id)?.plan.review))
}

/// `draft`, `sent` (or `sent_to_committee`) or `approved`, in any case.
fn parse_status(typed: &str) -> Result<PlanStatus, Failure> {
    let key = typed.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    if key == "sent" {
        return Ok(PlanStatus::SentToCommittee);
    }
    PlanStatus::parse(&key).ok_or_else(|| {
        Failure::Input(format!(
            "--status: “{}” is not a status; say draft, sent or approved",
            planner_core::text::excerpt(typed)
        ))
    })
}

fn day(date: &str) -> String {
    parse_date(date).map_or_else(|_| date.to_owned(), long_date)
}

/// The review as a dean reads it: status, reviewers, then every comment under its section.
pub(crate) fn describe(review: &Review) -> String {
    let mut out = vec![format!("Status: {}", review.status.label())];
    if review.reviewers.is_empty() {
        out.push("Reviewers: none yet".to_owned());
    } else {
        out.push("Reviewers:".to_owned());
        for reviewer in &review.reviewers {
            let decision = reviewer.decision.as_ref().map_or_else(
                || "no decision yet".to_owned(),
                |d| format!("{}, {}", d.verdict.label(), day(&d.date)),
            );
            out.push(format!(
                "  {} ({}): {decision}",
                reviewer.name, reviewer.role
            ));
        }
    }
    let open = review.comments.iter().filter(|c| !c.resolved).count();
    if review.comments.is_empty() {
        out.push("Comments: none yet".to_owned());
    } else {
        out.push(format!(
            "Comments: {open} open, {} resolved",
            review.comments.len() - open
        ));
    }
    for section in ReportSection::ALL {
        let on: Vec<&ReviewComment> = review
            .comments
            .iter()
            .filter(|c| c.section == section)
            .collect();
        if on.is_empty() {
            continue;
        }
        out.push(format!("  {}", section.label()));
        for comment in on {
            out.push(format!("    {}", comment_line(comment)));
        }
    }
    out.join("\n")
}

/// "[open] Amira Haddad, 4 March 2027, page 7: “quoted” — text", on one line.
fn comment_line(comment: &ReviewComment) -> String {
    let state = if comment.resolved { "resolved" } else { "open" };
    let page = comment
        .page
        .map_or(String::new(), |p| format!(", page {p}"));
    let quoted = comment
        .quoted
        .as_deref()
        .map_or(String::new(), |q| format!("“{}” — ", q.trim()));
    let text = comment
        .text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "[{state}] {}, {}{page}: {quoted}{text}",
        comment.author,
        day(&comment.date)
    )
}
