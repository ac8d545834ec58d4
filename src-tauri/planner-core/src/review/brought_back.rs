//! Comments brought back from a report PDF a committee annotated: whether the PDF is a report of
//! the plan at all, which of its comments the plan does not hold yet, and what filing them adds,
//! counted per section. `mcplan comments` and the window's "Bring back comments from a PDF…"
//! both decide and say it here, in the same words.

use serde::Serialize;
use ts_rs::TS;

use super::{Review, ReviewComment};
use crate::format_count;
use crate::plan::Plan;
use crate::plan_file::PlanFile;
use crate::report::ReportSection;
use crate::version::PlanVersion;

/// What a report PDF's comments would add to a plan's review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CommentsFound {
    /// Every comment read from the PDF, in reading order; filing them skips those the plan
    /// already holds.
    pub comments: Vec<ReviewComment>,
    /// How many of them the plan does not hold yet, per section, in the report's order.
    pub new_by_section: Vec<SectionCount>,
    /// What filing them adds, in a sentence naming the file.
    pub summary: String,
}

/// How many comments sit on one section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct SectionCount {
    pub section: ReportSection,
    pub count: u32,
}

impl Review {
    /// The comments among `comments` this review does not hold yet (by their PDF annotation's
    /// key), each once, in their order.
    pub fn unfiled(&self, comments: Vec<ReviewComment>) -> Vec<ReviewComment> {
        let mut new: Vec<ReviewComment> = Vec::new();
        for comment in comments {
            let known = comment.pdf_key().is_some_and(|key| {
                self.comments
                    .iter()
                    .chain(&new)
                    .any(|c| c.pdf_key() == Some(key))
            });
            if !known {
                new.push(comment);
            }
        }
        new
    }
}

impl CommentsFound {
    /// What `comments`, read from the file `file_name`, add to `review`.
    pub fn new(file_name: &str, comments: Vec<ReviewComment>, review: &Review) -> Self {
        let new = review.unfiled(comments.clone());
        let new_by_section: Vec<SectionCount> = ReportSection::ALL
            .into_iter()
            .filter_map(|section| {
                let count = new.iter().filter(|c| c.section == section).count();
                (count > 0).then(|| SectionCount {
                    section,
                    count: u32::try_from(count).unwrap_or(u32::MAX),
                })
            })
            .collect();
        let summary = summary(file_name, comments.len(), new.len(), &new_by_section);
        CommentsFound {
            comments,
            new_by_section,
            summary,
        }
    }

    /// How many comments filing these adds.
    pub fn new_count(&self) -> u32 {
        self.new_by_section.iter().map(|s| s.count).sum()
    }
}

fn summary(file_name: &str, read: usize, new: usize, by_section: &[SectionCount]) -> String {
    let count = |n: usize| format_count(n as u64);
    if read == 0 {
        return format!("“{file_name}” holds no comments; nothing was filed.");
    }
    if new == 0 {
        return match read {
            1 => "No new comments: the one in it was already here.".to_owned(),
            n => format!("No new comments: all {} were already here.", count(n)),
        };
    }
    let sections: Vec<String> = by_section
        .iter()
        .map(|s| {
            format!(
                "{} on {}",
                format_count(u64::from(s.count)),
                s.section.label()
            )
        })
        .collect();
    let mut said = format!(
        "Brought back {} from “{file_name}”: {}.",
        match new {
            1 => "1 new comment".to_owned(),
            n => format!("{} new comments", count(n)),
        },
        sections.join(", ")
    );
    match read - new {
        0 => {}
        1 => said.push_str(" 1 other was already here."),
        n => said.push_str(&format!(" {} others were already here.", count(n))),
    }
    said
}

/// Why the plan `carried` (the one a report PDF was made from) is not `plan`, or `None` when it
/// is: the same plan as it is now or as one of its `versions` was (same institution and title),
/// or one sharing a version with it (a plan file imported back keeps its versions).
pub fn another_plan(plan: &Plan, versions: &[PlanVersion], carried: &PlanFile) -> Option<String> {
    let shares_a_version = carried
        .versions
        .iter()
        .any(|theirs| versions.iter().any(|ours| ours.summary == theirs.summary));
    let names = |plan: &Plan| (plain(&plan.profile.name), plain(&plan.title));
    let ours: Vec<(String, String)> = std::iter::once(plan)
        .chain(versions.iter().map(|v| &v.plan))
        .map(names)
        .collect();
    let same_names = std::iter::once(&carried.plan)
        .chain(carried.versions.iter().map(|v| &v.plan))
        .any(|theirs| ours.contains(&names(theirs)));
    if shares_a_version || same_names {
        return None;
    }
    Some(format!(
        "it is the report of another plan, “{}” of {}; open that plan to bring its comments back",
        carried.plan.title.trim(),
        carried.plan.profile.name.trim()
    ))
}

/// A name compared without case and with its spaces evened out.
fn plain(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
