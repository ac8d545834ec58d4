//! The plan health check: a checklist of what would weaken the plan in a committee's eyes,
//! computed from the plan and its figures. The rules are data (`data/health_rules.json`: the
//! severity, the sentence a dean reads and the place it is fixed); `rules.rs` finds where each
//! applies and names the thing (a credential's title, a task's title, a term), never an id.

mod rules;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::plan::{EngagementStatus, PlanDetail};
use crate::workplan::{EngagementProjection, Risk, WorkPlan};

const RULES_JSON: &str = include_str!("../../data/health_rules.json");

/// Each rule the code knows how to check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HealthRuleKey {
    TaskWithoutOwner,
    RiskWithoutOwner,
    CreditUnsupportedByHours,
    PaybackBeyondHorizon,
    FacultyHoursOverCapacity,
    CredentialMissingEuElements,
    PhaseWithoutGateCriteria,
    ScenariosOutOfOrder,
    CalibrationFarFromReference,
    AssessmentMostlyDontKnow,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A committee would send the plan back for it.
    High,
    /// A committee would ask about it.
    Medium,
    /// Worth tidying before the plan goes out.
    Low,
}

/// Where in the plan an item is fixed: a stable key the window and the PDF link to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FixPlace {
    Assessment,
    Phases,
    Credentials,
    CreditMapping,
    Uptake,
    Budget,
    Scenarios,
    Engagement,
    WorkPlan,
    Risks,
}

/// One thing that weakens the plan.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HealthItem {
    pub rule: HealthRuleKey,
    pub severity: Severity,
    /// What is wrong, in plain words, naming the thing.
    pub message: String,
    pub place: FixPlace,
    /// The form field to focus within the place (`credentials.2.standardElements.eqfLevel`),
    /// where there is one.
    pub field: Option<String>,
}

/// What the check reads: the plan with its computed figures, and the work plan, risks and
/// engagement figures where the plan has them.
#[derive(Debug, Clone, Copy)]
pub struct HealthInputs<'a> {
    pub detail: &'a PlanDetail,
    pub work_plan: Option<&'a WorkPlan>,
    pub risks: &'a [Risk],
    pub engagement: Option<&'a EngagementProjection>,
}

/// Every item, most severe first, then in the rules' order, then in the plan's order.
pub fn check_health(inputs: &HealthInputs<'_>) -> Vec<HealthItem> {
    let book = rule_book();
    let mut items = Vec::new();
    for rule in &book.rules {
        for finding in rules::findings(rule.key, rule.threshold, inputs) {
            items.push(HealthItem {
                rule: rule.key,
                severity: rule.severity,
                message: fill(&rule.sentence, &finding.values),
                place: rule.place,
                field: finding.field,
            });
        }
    }
    // Stable: within a severity, the rules' order and each rule's own order stay.
    items.sort_by_key(|item| item.severity);
    items
}

/// The checklist for a plan as it is stored, for the window and the report alike.
pub fn check_plan(detail: &PlanDetail) -> Vec<HealthItem> {
    let plan = &detail.stored.plan;
    check_health(&HealthInputs {
        detail,
        work_plan: Some(&plan.work_plan),
        risks: &plan.risks,
        engagement: match &detail.engagement {
            EngagementStatus::Projected { projection } => Some(projection),
            _ => None,
        },
    })
}

/// One place a rule applies: the values its sentence names, and the field to focus.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Finding {
    pub values: BTreeMap<&'static str, String>,
    pub field: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct RuleBook {
    #[allow(dead_code, reason = "the file's own explanation, for whoever edits it")]
    about: String,
    pub rules: Vec<HealthRule>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct HealthRule {
    pub key: HealthRuleKey,
    pub severity: Severity,
    pub sentence: String,
    pub place: FixPlace,
    /// The rule's limit, for the rules that have one (a share, a factor).
    #[serde(default)]
    pub threshold: Option<f64>,
}

/// `{name}` replaced by the finding's value for it.
fn fill(sentence: &str, values: &BTreeMap<&'static str, String>) -> String {
    let mut out = sentence.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The names inside braces in a sentence.
fn placeholders(sentence: &str) -> Vec<&str> {
    sentence
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

impl RuleBook {
    /// Each rule once, each sentence naming only what its rule fills in, each threshold
    /// present exactly where the rule needs one.
    fn check(&self) -> Result<(), String> {
        for (i, rule) in self.rules.iter().enumerate() {
            if self.rules[..i].iter().any(|r| r.key == rule.key) {
                return Err(format!("{:?} is listed twice", rule.key));
            }
            let names = rules::placeholders_of(rule.key);
            if let Some(unknown) = placeholders(&rule.sentence)
                .into_iter()
                .find(|p| !names.contains(p))
            {
                return Err(format!("{:?} has no value {{{unknown}}}", rule.key));
            }
            let needs = rules::needs_threshold(rule.key);
            match rule.threshold {
                Some(t) if !(needs && t.is_finite() && t > 0.0) => {
                    return Err(format!("{:?} has threshold {t}", rule.key));
                }
                None if needs => return Err(format!("{:?} needs a threshold", rule.key)),
                _ => {}
            }
        }
        Ok(())
    }
}

/// The rules, loaded and checked on first use.
pub(crate) fn rule_book() -> &'static RuleBook {
    static BOOK: OnceLock<RuleBook> = OnceLock::new();
    BOOK.get_or_init(|| {
        let book: RuleBook = serde_json::from_str(RULES_JSON)
            .unwrap_or_else(|e| panic!("data/health_rules.json does not read: {e}"));
        if let Err(problem) = book.check() {
            panic!("data/health_rules.json is inconsistent: {problem}");
        }
        book
    })
}
