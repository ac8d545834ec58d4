//! The rollout plan: timeline, credential portfolio and credit mapping, uptake, budget,
//! scenarios and uncertainty. Every figure is planner-core's `RolloutResult`, printed as it
//! is (rounded for display only); the dean's inputs are printed where they explain a figure.
//! Without a projection, one short page says why.

mod band_chart;
mod budget;
mod budget_chart;
mod gantt;
mod portfolio;
mod scenarios;
mod timeline;
pub(crate) mod uptake;
mod uptake_chart;

use planner_core::FieldError;
use planner_core::report::ReportSection;
use planner_core::rollout::{Credential, RolloutInputs, RolloutResult, Term};
use planner_core::{Plan, RolloutStatus};

use crate::document::ReportDocument;
use crate::layout::{CONTENT_LEFT, CONTENT_WIDTH, MM, styles};
use crate::sections::{ReportContext, bullet, introduction, open_section};
use planner_core::format::Money;

pub(crate) const NOT_STARTED_TITLE: &str = "Rollout plan — not yet set up";
pub(crate) const NEEDS_ATTENTION_TITLE: &str = "Rollout plan — needs attention";
pub(crate) const NOT_STARTED_TEXT: &str = "This plan has no rollout yet: no dated phases, \
     credential portfolio, uptake projection or budget. Once the rollout is set up in the \
     planner, this report adds its timeline, credit mapping, uptake, budget and scenarios.";
pub(crate) const NEEDS_ATTENTION_TEXT: &str = "Some of the rollout's inputs are not valid, or \
     no longer fit the institution profile (say, after the academic calendar changed), so the \
     plan has no figures to print. These need fixing in the planner:";

/// Shown where a value is missing or does not apply.
pub(crate) const NO_VALUE: &str = "—";
/// A payback year the projection does not reach.
pub(crate) const NO_PAYBACK: &str = "Not within the horizon";

/// What every rollout section prints from.
#[derive(Debug)]
pub(crate) struct Rollout<'a> {
    pub(crate) plan: &'a Plan,
    pub(crate) result: &'a RolloutResult,
    /// The dean's inputs, which the result was computed from.
    pub(crate) inputs: Option<&'a RolloutInputs>,
    pub(crate) money: Money,
}

impl Rollout<'_> {
    /// The credential at `index` of the portfolio, as entered.
    pub(crate) fn credential(&self, index: u32) -> Option<&Credential> {
        self.inputs?.credentials.get(index as usize)
    }

    /// "Fall 2027", or "Term 18" for an index beyond the plan's terms.
    pub(crate) fn term_label(&self, index: u32) -> String {
        self.result
            .terms
            .get(index as usize)
            .map_or_else(|| format!("Term {}", index + 1), Term::label)
    }

    /// The title of the credential at `index`, from the projection.
    pub(crate) fn title(&self, index: u32) -> String {
        self.result
            .uptake
            .credentials
            .iter()
            .find(|c| c.credential_index == index)
            .map(|c| c.title.clone())
            .or_else(|| self.credential(index).map(|c| c.title.clone()))
            .unwrap_or_else(|| format!("Credential {}", index + 1))
    }
}

/// The sections drawn from the rollout model's figures, in the report's order.
const SECTIONS: [ReportSection; 5] = [
    ReportSection::Timeline,
    ReportSection::Portfolio,
    ReportSection::Uptake,
    ReportSection::Budget,
    ReportSection::Scenarios,
];

/// Draws one of the rollout's sections; without figures, the first of them asked for says
/// why instead, once.
pub(crate) fn draw(doc: &mut ReportDocument, context: &ReportContext<'_>, section: ReportSection) {
    let first_asked = SECTIONS.into_iter().find(|s| context.choices.includes(*s));
    match context.projection {
        RolloutStatus::NotStarted if first_asked == Some(section) => not_started(doc),
        RolloutStatus::NeedsAttention { problems } if first_asked == Some(section) => {
            needs_attention(doc, problems);
        }
        RolloutStatus::NotStarted | RolloutStatus::NeedsAttention { .. } => {}
        RolloutStatus::Projected { result } => {
            let rollout = Rollout {
                plan: context.plan,
                result,
                inputs: context.plan.rollout.as_ref(),
                money: Money::new(&result.currency),
            };
            match section {
                ReportSection::Timeline => timeline::draw(doc, &rollout),
                ReportSection::Portfolio => portfolio::draw(doc, &rollout),
                ReportSection::Uptake => uptake::draw(doc, &rollout),
                ReportSection::Budget => budget::draw(doc, &rollout),
                ReportSection::Scenarios => scenarios::draw(doc, &rollout),
                _ => {}
            }
        }
    }
}

fn not_started(doc: &mut ReportDocument) {
    open_section(doc, NOT_STARTED_TITLE);
    introduction(doc, NOT_STARTED_TEXT);
}

fn needs_attention(doc: &mut ReportDocument, problems: &[FieldError]) {
    open_section(doc, NEEDS_ATTENTION_TITLE);
    introduction(doc, NEEDS_ATTENTION_TEXT);
    doc.move_down(4.0 * MM);
    for problem in problems {
        bullet(doc, &sentence(&problem.message));
    }
    if problems.is_empty() {
        doc.paragraph(
            CONTENT_LEFT,
            CONTENT_WIDTH,
            &styles::BODY,
            "The planner did not say which inputs; open the rollout plan to see.",
        );
    }
}

/// A message as a sentence, with its full stop.
pub(crate) fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '?', '!']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// "Google, IBM and Microsoft".
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// 1 → "one", … 12 → "twelve", then figures: for counts that open a sentence.
pub(crate) fn number_word(n: usize) -> String {
    const WORDS: [&str; 13] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .get(n)
        .map_or_else(|| planner_core::format_count(n as u64), |w| (*w).to_owned())
}

/// "Ten" from "ten".
pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "1 credential", "3 credentials".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", planner_core::format_count(n as u64))
    }
}

/// The sample plan's projection, for the charts' tests.
#[cfg(test)]
pub(crate) fn sample_projection() -> planner_core::rollout::RolloutResult {
    let stored = planner_core::StoredPlan::unsaved(planner_core::sample_plan());
    match stored.detail().projection {
        planner_core::RolloutStatus::Projected { result } => *result,
        other => panic!("the sample projects: {other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_counts_read_as_sentences() {
        let names = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(and_list(&names(&["Google"])), "Google");
        assert_eq!(
            and_list(&names(&["Google", "IBM", "Microsoft"])),
            "Google, IBM and Microsoft"
        );
        assert_eq!(capitalised(&number_word(10)), "Ten");
        assert_eq!(number_word(1_000), "1,000");
        assert_eq!(plural(1, "term", "terms"), "1 term");
        assert_eq!(plural(15, "term", "terms"), "15 terms");
        assert_eq!(sentence("Fix it"), "Fix it.");
        assert_eq!(sentence("Fix it."), "Fix it.");
    }
}
