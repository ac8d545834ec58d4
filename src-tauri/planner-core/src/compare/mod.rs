//! What changed between two versions of a plan (or two plan files): the inputs a dean typed,
//! the figures they give, and the credentials, tasks and risks added, removed or changed. The
//! window, `mcplan compare` and the PDF appendix all show this one list.

mod figures;
mod inputs;
mod items;

use serde::Serialize;
use ts_rs::TS;

use crate::format::long_date;
use crate::plan::Plan;
use crate::version::{PlanVersion, VersionSummary};

/// One value before and after, in plain words ("Target uptake per term": "2.5%" → "3%").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ValueChange {
    pub what: String,
    /// "none" when the earlier plan had no such value.
    pub before: String,
    pub after: String,
    /// For a figure, how far it moved as a reader would work it out from the two printed
    /// ("+5,084", "+€12,500", "1 year later", "3 weeks earlier"); `None` for the other values.
    pub difference: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// A credential, task or risk that one plan has and the other has not, or has differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ItemChange {
    pub change: ChangeKind,
    /// The credential's, task's or risk's title (in the later plan when it changed).
    pub name: String,
    /// For a changed one, what changed.
    pub details: Vec<ValueChange>,
}

/// Everything that differs between an earlier and a later plan, each list in plan order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanComparison {
    /// The title, the profile and the rollout model's inputs.
    pub inputs: Vec<ValueChange>,
    /// The figures they give: enrolments, completions, credits, cost, payback, dates.
    pub figures: Vec<ValueChange>,
    pub credentials: Vec<ItemChange>,
    pub tasks: Vec<ItemChange>,
    pub risks: Vec<ItemChange>,
}

/// What changed from `before` to `after`.
pub fn compare(before: &Plan, after: &Plan) -> PlanComparison {
    PlanComparison {
        inputs: inputs::changed_inputs(before, after),
        figures: figures::changed_figures(before, after),
        credentials: items::credentials(before, after),
        tasks: items::tasks(before, after),
        risks: items::risks(before, after),
    }
}

/// What changed since one of the plan's versions: the version and the changes from it to the
/// plan as it is now. The report's appendix "What changed since the version you reviewed"
/// prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangesSince {
    pub version: VersionSummary,
    pub comparison: PlanComparison,
}

impl ChangesSince {
    /// The changes from `version` to `now`.
    pub fn new(version: &PlanVersion, now: &Plan) -> Self {
        ChangesSince {
            version: version.summary.clone(),
            comparison: compare(&version.plan, now),
        }
    }

    /// “version 2, “Sent to committee, 3 March”, kept on 3 March 2027”.
    pub fn version_named(&self) -> String {
        let kept = self
            .version
            .created_at
            .get(..10)
            .and_then(|day| chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
            .map(|day| format!(", kept on {}", long_date(day)))
            .unwrap_or_default();
        format!(
            "version {}, “{}”{kept}",
            self.version.number, self.version.label
        )
    }
}

impl PlanComparison {
    /// True when the two plans say the same.
    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty()
            && self.figures.is_empty()
            && self.credentials.is_empty()
            && self.tasks.is_empty()
            && self.risks.is_empty()
    }

    /// Each part with a heading and its lines ("Target uptake per term: 2.5% → 3%"), parts with
    /// no change left out: the text `mcplan compare`, the PDF and the web page print.
    pub fn sections(&self) -> Vec<(&'static str, Vec<String>)> {
        let values = |changes: &[ValueChange]| changes.iter().map(ValueChange::line).collect();
        let items = |changes: &[ItemChange]| changes.iter().map(ItemChange::line).collect();
        [
            ("Inputs", values(&self.inputs)),
            ("Resulting figures", values(&self.figures)),
            ("Credentials", items(&self.credentials)),
            ("Tasks", items(&self.tasks)),
            ("Risks", items(&self.risks)),
        ]
        .into_iter()
        .filter(|(_, lines): &(_, Vec<String>)| !lines.is_empty())
        .collect()
    }
}

impl ValueChange {
    pub(crate) fn new(what: &str, before: String, after: String) -> Option<ValueChange> {
        (before != after).then(|| ValueChange {
            what: what.to_owned(),
            before,
            after,
            difference: None,
        })
    }

    /// "What: before → after", and the difference in brackets when there is one.
    pub fn line(&self) -> String {
        match &self.difference {
            Some(difference) => format!(
                "{}: {} → {} ({difference})",
                self.what, self.before, self.after
            ),
            None => format!("{}: {} → {}", self.what, self.before, self.after),
        }
    }
}

impl ItemChange {
    /// "Added: X", "Removed: X", or "Changed: X (what: before → after; …)".
    pub fn line(&self) -> String {
        match self.change {
            ChangeKind::Added => format!("Added: {}", self.name),
            ChangeKind::Removed => format!("Removed: {}", self.name),
            ChangeKind::Changed => {
                let details: Vec<String> = self.details.iter().map(ValueChange::line).collect();
                format!("Changed: {} ({})", self.name, details.join("; "))
            }
        }
    }
}

#[cfg(test)]
mod tests;
