//! What changed between two versions of a plan (or two plan files): the inputs a dean typed,
//! the figures they give, and the credentials, tasks and risks added, removed or changed. The
//! window, `mcplan compare` and the PDF appendix all show this one list.

mod figures;
mod inputs;
mod items;

use serde::Serialize;
use ts_rs::TS;

use crate::format::{Money, count, decimal, long_date, percent};
use crate::json_file::parse_date;
use crate::plan::Plan;
use crate::version::{PlanVersion, VersionSummary};

/// A value as the comparison shows it: words, or a number or date that each reader writes
/// their own way. The window formats these in the reader's locale; `mcplan compare` and the PDF
/// print [`Shown::text`].
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Shown {
    /// Words, shown as they are ("none", "Semesters", "FY2031").
    Words { text: String },
    /// A count of people or credits, to the whole number ("32,512").
    Count { value: f64 },
    /// A number to two decimals at most ("1.5").
    Decimal { value: f64 },
    /// A rate in percent ("2.5%").
    Percent { value: f64 },
    /// An amount, in whole units of `currency` ("$15,000").
    Money { amount: f64, currency: String },
    /// A calendar date, `YYYY-MM-DD` ("3 March 2027").
    Date { date: String },
}

impl Shown {
    pub fn words(text: impl Into<String>) -> Shown {
        Shown::Words { text: text.into() }
    }

    pub fn date(date: chrono::NaiveDate) -> Shown {
        Shown::Date {
            date: date.format("%Y-%m-%d").to_string(),
        }
    }

    /// The value as `mcplan` and the PDF print it.
    pub fn text(&self) -> String {
        match self {
            Shown::Words { text } => text.clone(),
            Shown::Count { value } => count(*value),
            Shown::Decimal { value } => decimal(*value),
            Shown::Percent { value } => percent(*value),
            Shown::Money { amount, currency } => Money::new(currency).format(*amount),
            Shown::Date { date } => parse_date(date).map_or_else(|_| date.clone(), long_date),
        }
    }
}

/// How far a figure moved, as a reader would work it out from the two shown.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Difference {
    /// A count moved by `by` ("+5,084").
    Count { by: f64 },
    /// An amount moved by `by`, in `currency` ("+€12,500").
    Money { by: f64, currency: String },
    /// In words ("1 year later", "3 weeks earlier").
    Words { text: String },
}

impl Difference {
    /// The difference as `mcplan` and the PDF print it, a rise with its "+".
    pub fn text(&self) -> String {
        let signed = |by: f64, shown: String| {
            if by > 0.0 { format!("+{shown}") } else { shown }
        };
        match self {
            Difference::Count { by } => signed(*by, count(*by)),
            Difference::Money { by, currency } => signed(*by, Money::new(currency).format(*by)),
            Difference::Words { text } => text.clone(),
        }
    }
}

/// One value before and after ("Target uptake per term": 2.5% → 3%).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ValueChange {
    pub what: String,
    /// "none" when the earlier plan had no such value.
    pub before: Shown,
    pub after: Shown,
    /// For a figure, how far it moved as a reader would work it out from the two shown
    /// ("+5,084", "+€12,500", "1 year later", "3 weeks earlier"); `None` for the other values.
    pub difference: Option<Difference>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// A credential, task or risk that one plan has and the other has not, or has differently.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ItemChange {
    pub change: ChangeKind,
    /// The credential's, task's or risk's title (in the later plan when it changed).
    pub name: String,
    /// For a changed one, what changed.
    pub details: Vec<ValueChange>,
}

/// Everything that differs between an earlier and a later plan, each list in plan order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, TS)]
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
#[derive(Debug, Clone, PartialEq)]
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
    /// The change of `what` from `before` to `after`; none when the two print the same (two
    /// counts that round to one number did not change for a reader).
    pub(crate) fn new(what: &str, before: Shown, after: Shown) -> Option<ValueChange> {
        (before.text() != after.text()).then(|| ValueChange {
            what: what.to_owned(),
            before,
            after,
            difference: None,
        })
    }

    /// [`ValueChange::new`] for values in words.
    pub(crate) fn words(what: &str, before: String, after: String) -> Option<ValueChange> {
        ValueChange::new(what, Shown::words(before), Shown::words(after))
    }

    /// "What: before → after", and the difference in brackets when there is one.
    pub fn line(&self) -> String {
        let (before, after) = (self.before.text(), self.after.text());
        match &self.difference {
            Some(difference) => {
                format!("{}: {before} → {after} ({})", self.what, difference.text())
            }
            None => format!("{}: {before} → {after}", self.what),
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
