//! The plan's KPIs: a baseline and a target for each fiscal year. Enrolments, completion rate
//! and credits awarded take their targets from the rollout model and are refreshed whenever it
//! changes; retention change, learner satisfaction and job readiness are the dean's to set.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::rollout::{RolloutResult, UptakeTotals};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum KpiKey {
    Enrolments,
    CompletionRate,
    CreditsAwarded,
    RetentionChange,
    LearnerSatisfaction,
    JobReadiness,
}

impl KpiKey {
    pub const ALL: [KpiKey; 6] = [
        KpiKey::Enrolments,
        KpiKey::CompletionRate,
        KpiKey::CreditsAwarded,
        KpiKey::RetentionChange,
        KpiKey::LearnerSatisfaction,
        KpiKey::JobReadiness,
    ];

    /// The name and the unit of its figures.
    pub fn label_and_unit(self) -> (&'static str, &'static str) {
        match self {
            KpiKey::Enrolments => ("Enrolments", "learners starting a credential"),
            KpiKey::CompletionRate => ("Completion rate", "% of enrolments completed"),
            KpiKey::CreditsAwarded => ("Credits awarded", "credits"),
            KpiKey::RetentionChange => ("Retention change", "percentage points"),
            KpiKey::LearnerSatisfaction => ("Learner satisfaction", "% satisfied"),
            KpiKey::JobReadiness => ("Job readiness", "% who feel ready for work"),
        }
    }

    /// Where the model's targets come from; `None` for the dean's KPIs.
    fn from_model(self) -> Option<fn(&UptakeTotals) -> Option<f64>> {
        match self {
            KpiKey::Enrolments => Some(|t| Some(t.enrolments)),
            KpiKey::CompletionRate => {
                Some(|t| (t.enrolments > 0.0).then(|| 100.0 * t.completions / t.enrolments))
            }
            KpiKey::CreditsAwarded => Some(|t| Some(t.credits_awarded)),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum KpiSource {
    /// Targets follow the rollout model.
    Model,
    /// Targets are the dean's.
    Dean,
}

/// The target for one fiscal year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KpiTarget {
    /// The fiscal year's label, "FY2028".
    pub year: String,
    /// `None` until set (or, for the completion rate, in a year with no enrolments).
    pub value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Kpi {
    pub key: KpiKey,
    pub label: String,
    pub unit: String,
    /// Where the institution stands before the plan; the dean's figure.
    pub baseline: Option<f64>,
    /// One per fiscal year of the plan.
    pub targets: Vec<KpiTarget>,
    pub source: KpiSource,
}

/// The six KPIs for `rollout`: the first three with the model's yearly figures, the rest with
/// empty targets for the dean to fill.
pub fn propose_kpis(rollout: &RolloutResult) -> Vec<Kpi> {
    let years = yearly_totals(rollout);
    KpiKey::ALL
        .into_iter()
        .map(|key| {
            let (label, unit) = key.label_and_unit();
            let figure = key.from_model();
            Kpi {
                key,
                label: label.to_owned(),
                unit: unit.to_owned(),
                baseline: None,
                targets: targets(rollout, &years, figure),
                source: if figure.is_some() {
                    KpiSource::Model
                } else {
                    KpiSource::Dean
                },
            }
        })
        .collect()
}

/// Brings the targets of the model's KPIs in step with `rollout`, keeping baselines and every
/// KPI the dean sets.
pub fn refresh_model_kpis(kpis: &mut [Kpi], rollout: &RolloutResult) {
    let years = yearly_totals(rollout);
    for kpi in kpis.iter_mut().filter(|k| k.source == KpiSource::Model) {
        if let Some(figure) = kpi.key.from_model() {
            kpi.targets = targets(rollout, &years, Some(figure));
        }
    }
}

fn targets(
    rollout: &RolloutResult,
    years: &[UptakeTotals],
    figure: Option<fn(&UptakeTotals) -> Option<f64>>,
) -> Vec<KpiTarget> {
    rollout
        .fiscal_years
        .iter()
        .zip(years)
        .map(|(fy, totals)| KpiTarget {
            year: fy.label.clone(),
            value: figure.and_then(|f| f(totals)),
        })
        .collect()
}

/// The model's term figures summed by the fiscal year each term starts in.
fn yearly_totals(rollout: &RolloutResult) -> Vec<UptakeTotals> {
    let mut years = vec![UptakeTotals::default(); rollout.fiscal_years.len()];
    for (term, totals) in rollout.terms.iter().zip(&rollout.uptake.by_term) {
        if let Some(year) = years.get_mut(term.fiscal_year_index as usize) {
            year.add(totals);
        }
    }
    years
}
