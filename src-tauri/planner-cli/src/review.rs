//! `mcplan review`: the committee review of a plan — its status, the reviewers and their
//! decisions, the comments by report section — and the changes a committee secretary makes
//! from a script: the status, a reviewer added, a reviewer's decision, a comment.

use chrono::NaiveDate;
use planner_core::format::long_date;
use planner_core::report::ReportSection;
use planner_core::review::{Decision, PlanStatus, Review, ReviewComment, ReviewEdit, Verdict};
use planner_core::text::excerpt;
use planner_core::{PlanEdit, PlanId, parse_date};
use planner_store::Store;

use crate::Failure;

/// What `mcplan review` was asked to change.
pub(crate) struct ReviewChanges {
    pub(crate) status: Option<String>,
    pub(crate) add_reviewer: Option<(String, String)>,
    /// The reviewer (name or number) and their decision, as typed.
    pub(crate) decision: Option<(String, String)>,
    pub(crate) comment: Option<NewComment>,
    /// The date a decision or a comment is recorded with.
    pub(crate) today: NaiveDate,
}

/// A comment to add, as typed.
pub(crate) struct NewComment {
    pub(crate) text: String,
    pub(crate) section: String,
    pub(crate) author: String,
}

impl ReviewChanges {
    pub(crate) fn any(&self) -> bool {
        self.status.is_some()
            || self.add_reviewer.is_some()
            || self.decision.is_some()
            || self.comment.is_some()
    }
}

/// Applies the changes asked for, as one edit of the plan, then describes the review as it is.
/// Each change is checked in turn first, so a refusal names the option it is about; then all
/// are saved together, or none (also when the plan changed elsewhere meanwhile).
pub(crate) fn review(
    store: &mut Store,
    id: PlanId,
    changes: ReviewChanges,
) -> Result<String, Failure> {
    let today = changes.today.format("%Y-%m-%d").to_string();
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
    let stored = store.get_plan(id)?;
    let mut plan = stored.plan;
    let mut checked = Vec::new();
    let check = |plan: &planner_core::Plan, option: &str, edit: &ReviewEdit| {
        PlanEdit::Review(edit.clone())
            .apply(plan)
            .map_err(|errors| Failure::Input(format!("{option}: {}", errors.summary())))
    };
    for (option, edit) in edits {
        plan = check(&plan, option, &edit)?;
        checked.push(edit);
    }
    // The reviewer is looked up among those the plan has once the one added here is in.
    if let Some((reviewer, verdict)) = &changes.decision {
        let edit = ReviewEdit::Decide {
            index: reviewer_index(&plan.review, reviewer)?,
            decision: Some(Decision {
                verdict: parse_verdict(verdict)?,
                date: today.clone(),
            }),
        };
        plan = check(&plan, "--decision", &edit)?;
        checked.push(edit);
    }
    if let Some(comment) = changes.comment {
        let edit = ReviewEdit::AddComment {
            section: parse_section(&comment.section)?,
            author: comment.author,
            text: comment.text,
            date: today,
        };
        check(&plan, "--comment", &edit)?;
        checked.push(edit);
    }
    if checked.is_empty() {
        return Ok(describe(&plan.review));
    }
    let edits = checked.into_iter().map(PlanEdit::Review).collect();
    let saved = store.edit_plan_all(id, Some(stored.revision), edits)?;
    Ok(describe(&saved.plan.review))
}

/// The reviewer `typed` names: their number in the list `mcplan review` shows, or their name
/// (any case, spaces trimmed).
fn reviewer_index(review: &Review, typed: &str) -> Result<u32, Failure> {
    let wanted = typed.trim();
    let by_number = wanted
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=review.reviewers.len()).contains(n))
        .map(|n| n - 1);
    let by_name = || {
        review
            .reviewers
            .iter()
            .position(|r| r.name.trim().to_lowercase() == wanted.to_lowercase())
    };
    let index = by_number.or_else(by_name).ok_or_else(|| {
        let names: Vec<String> = review
            .reviewers
            .iter()
            .enumerate()
            .map(|(i, r)| format!("{} {}", i + 1, r.name.trim()))
            .collect();
        Failure::Input(if names.is_empty() {
            "--reviewer: the plan has no reviewers yet; add one with --add-reviewer".to_owned()
        } else {
            format!(
                "--reviewer: “{}” is not one of the plan's reviewers ({})",
                excerpt(typed),
                names.join(", ")
            )
        })
    })?;
    Ok(u32::try_from(index).unwrap_or(u32::MAX))
}

/// `approved`, `approved_with_changes` or `not_approved`, in any case, with spaces or hyphens.
fn parse_verdict(typed: &str) -> Result<Verdict, Failure> {
    let key = typed.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    Verdict::parse(&key).ok_or_else(|| {
        Failure::Input(format!(
            "--decision: “{}” is not a decision; say approved, approved_with_changes or \
             not_approved",
            excerpt(typed)
        ))
    })
}

/// A report section's key, as `mcplan pdf --sections` takes it.
fn parse_section(typed: &str) -> Result<ReportSection, Failure> {
    let key = typed.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    ReportSection::parse(&key)
        .filter(|s| s.is_chosen_by_ticking())
        .ok_or_else(|| {
            let known: Vec<&str> = ReportSection::ALL
                .iter()
                .filter(|s| s.is_chosen_by_ticking())
                .map(|s| s.key())
                .collect();
            Failure::Input(format!(
                "--section: “{}” is not a section of the report; the sections are {}",
                excerpt(typed),
                known.join(", ")
            ))
        })
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
            excerpt(typed)
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
