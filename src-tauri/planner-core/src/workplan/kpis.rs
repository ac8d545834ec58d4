//! The plan's KPIs: a baseline and a target for each fiscal year. Enrolments, completion rate
//! and credits awarded take their targets from the rollout model and are refreshed whenever it
//! changes; retention change, learner satisfaction and job readiness are the dean's to set.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::validate::error;
use crate::error::ValidationErrors;
use crate::format::{MINUS, count, one_decimal};
use crate::rollout::{RolloutResult, UptakeTotals, fiscal_split};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
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

    /// A figure of this KPI as the plan prints it: enrolments and credits as counts
    /// ("1,119"), rates in percent to one decimal ("55%", "82.5%"), the retention change in
    /// signed percentage points ("+1.5 pp", "−0.5 pp").
    pub fn format(self, value: f64) -> String {
        match self {
            KpiKey::Enrolments | KpiKey::CreditsAwarded => count(value),
            KpiKey::CompletionRate | KpiKey::LearnerSatisfaction | KpiKey::JobReadiness => {
                format!("{}%", one_decimal(value))
            }
            KpiKey::RetentionChange => {
                let points = one_decimal(value.abs());
                match value {
                    v if points == "0" || !v.is_finite() => "0 pp".to_owned(),
                    v if v < 0.0 => format!("{MINUS}{points} pp"),
                    _ => format!("+{points} pp"),
                }
            }
        }
    }

    /// Where the model's targets come from; `None` for the dean's KPIs.
    fn model_figure(self) -> Option<fn(&UptakeTotals) -> Option<f64>> {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum KpiSource {
    /// Targets follow the rollout model.
    Model,
    /// Targets are the dean's.
    Dean,
}

/// The target for one fiscal year. The model's figures for a year count the terms that start
/// in it, so a year only partly inside the plan has only those terms' figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct KpiTarget {
    /// The fiscal year's label, "FY2028".
    pub year: String,
    /// `None` until set (or, for the completion rate, in a year with no enrolments).
    pub value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
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
            let figure = key.model_figure();
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
        if let Some(figure) = kpi.key.model_figure() {
            kpi.targets = targets(rollout, &years, Some(figure));
        }
    }
}

/// The most a count KPI (enrolments, credits) can be set to.
pub const MAX_KPI_COUNT: f64 = 100_000_000.0;

impl KpiKey {
    /// The values a baseline or target of this KPI can take.
    fn range(self) -> (f64, f64) {
        match self {
            KpiKey::Enrolments | KpiKey::CreditsAwarded => (0.0, MAX_KPI_COUNT),
            KpiKey::RetentionChange => (-100.0, 100.0),
            KpiKey::CompletionRate | KpiKey::LearnerSatisfaction | KpiKey::JobReadiness => {
                (0.0, 100.0)
            }
        }
    }
}

/// The dean's figures for one KPI: its baseline and, for a KPI the model does not fill, a
/// target for each fiscal year named (a year left out has none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KpiEdit {
    pub key: KpiKey,
    pub baseline: Option<f64>,
    pub targets: Vec<KpiTarget>,
}

impl KpiEdit {
    /// Sets the KPI among `kpis` (already in step with the rollout), or refuses, keyed
    /// `baseline`, `targets.N.year` and `targets.N.value`.
    pub fn apply(self, kpis: &mut [Kpi]) -> Result<(), ValidationErrors> {
        let (label, _) = self.key.label_and_unit();
        let Some(kpi) = kpis.iter_mut().find(|k| k.key == self.key) else {
            return Err(ValidationErrors::single(
                "key",
                format!("{label} is not among the plan's KPIs yet; set up the rollout first"),
            ));
        };
        let (low, high) = self.key.range();
        let in_range = |v: f64| v.is_finite() && (low..=high).contains(&v);
        let bounds = format!("{} to {}", self.key.format(low), self.key.format(high));
        let mut errors = Vec::new();
        if let Some(b) = self.baseline.filter(|b| !in_range(*b)) {
            errors.push(error(
                "baseline",
                format!(
                    "The {label} baseline must be {bounds}, not {}",
                    self.key.format(b)
                ),
            ));
        }
        if kpi.source == KpiSource::Model && !self.targets.is_empty() {
            errors.push(error(
                "targets",
                format!(
                    "The {label} targets follow the rollout model; change the rollout's \
                     assumptions to move them"
                ),
            ));
        }
        for (i, t) in self.targets.iter().enumerate() {
            let at = |key: &str| format!("targets.{i}.{key}");
            if !kpi.targets.iter().any(|k| k.year == t.year) {
                errors.push(error(
                    &at("year"),
                    format!(
                        "{} is not a fiscal year of the plan",
                        crate::text::excerpt(&t.year)
                    ),
                ));
            } else if self.targets[..i].iter().any(|e| e.year == t.year) {
                errors.push(error(
                    &at("year"),
                    format!("{} has two {label} targets; keep one", t.year),
                ));
            }
            if let Some(v) = t.value.filter(|v| !in_range(*v)) {
                errors.push(error(
                    &at("value"),
                    format!(
                        "The {label} target for {} must be {bounds}, not {v}",
                        t.year
                    ),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(ValidationErrors(errors));
        }
        kpi.baseline = self.baseline;
        if kpi.source == KpiSource::Dean {
            for target in &mut kpi.targets {
                target.value = self
                    .targets
                    .iter()
                    .find(|t| t.year == target.year)
                    .and_then(|t| t.value);
            }
        }
        Ok(())
    }
}

/// The KPIs as shown for `rollout`: the six proposed when the plan has none yet; otherwise
/// the model's figures refreshed and each of the dean's targets set against the plan's fiscal
/// years by label (a year no longer in the plan is not shown, but stays in the plan).
pub fn aligned_kpis(kpis: &[Kpi], rollout: &RolloutResult) -> Vec<Kpi> {
    if kpis.is_empty() {
        return propose_kpis(rollout);
    }
    let mut shown = kpis.to_vec();
    refresh_model_kpis(&mut shown, rollout);
    for kpi in shown.iter_mut().filter(|k| k.source == KpiSource::Dean) {
        kpi.targets = rollout
            .fiscal_years
            .iter()
            .map(|fy| KpiTarget {
                year: fy.label.clone(),
                value: kpi.target(&fy.label),
            })
            .collect();
    }
    shown
}

/// Keeps the plan's own KPIs in step with `rollout`: proposed when there are none, the model's
/// refreshed, and each of the dean's given a target for every fiscal year of the plan while
/// keeping every value typed (including for years the plan no longer reaches, should it reach
/// them again).
pub fn keep_kpis_in_step(kpis: &mut Vec<Kpi>, rollout: &RolloutResult) {
    if kpis.is_empty() {
        *kpis = propose_kpis(rollout);
        return;
    }
    refresh_model_kpis(kpis, rollout);
    for kpi in kpis.iter_mut().filter(|k| k.source == KpiSource::Dean) {
        for fy in &rollout.fiscal_years {
            if !kpi.targets.iter().any(|t| t.year == fy.label) {
                kpi.targets.push(KpiTarget {
                    year: fy.label.clone(),
                    value: None,
                });
            }
        }
    }
}

impl Kpi {
    /// The target set for the fiscal year labelled `year`.
    pub fn target(&self, year: &str) -> Option<f64> {
        self.targets
            .iter()
            .find(|t| t.year == year)
            .and_then(|t| t.value)
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

/// The model's term figures by fiscal year, each term split by its days in each, as the
/// budget does.
fn yearly_totals(rollout: &RolloutResult) -> Vec<UptakeTotals> {
    let mut years = vec![UptakeTotals::default(); rollout.fiscal_years.len()];
    for (term, totals) in rollout.terms.iter().zip(&rollout.uptake.by_term) {
        for (fy, share) in fiscal_split(term, &rollout.fiscal_years) {
            years[fy].add(&totals.scaled(share));
        }
    }
    years
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> (crate::InstitutionProfile, crate::rollout::RolloutInputs) {
        let plan = crate::sample_plan();
        (
            plan.profile,
            plan.rollout.expect("the sample has a rollout"),
        )
    }

    fn project(inputs: &crate::rollout::RolloutInputs) -> RolloutResult {
        crate::rollout::project(&sample().0, inputs).expect("valid")
    }

    fn values(kpi: &Kpi) -> Vec<Option<f64>> {
        kpi.targets.iter().map(|t| t.value).collect()
    }

    #[test]
    fn the_models_kpis_add_up_to_its_totals_year_by_year() {
        let result = project(&sample().1);
        let kpis = propose_kpis(&result);
        let keys: Vec<_> = kpis.iter().map(|k| k.key).collect();
        assert_eq!(keys, KpiKey::ALL);
        let years: Vec<_> = result
            .fiscal_years
            .iter()
            .map(|f| f.label.clone())
            .collect();
        for kpi in &kpis {
            let labels: Vec<_> = kpi.targets.iter().map(|t| t.year.clone()).collect();
            assert_eq!(labels, years, "{:?}: one target per fiscal year", kpi.key);
        }
        let sum = |kpi: &Kpi| values(kpi).into_iter().flatten().sum::<f64>();
        let totals = result.uptake.totals;
        assert!((sum(&kpis[0]) - totals.enrolments).abs() < 1e-6);
        assert!((sum(&kpis[2]) - totals.credits_awarded).abs() < 1e-6);
        // The sample completes 55% of enrolments, every year.
        for rate in values(&kpis[1]) {
            assert!((rate.expect("enrolments every year") - 55.0).abs() < 1e-9);
        }
        for kpi in &kpis[3..] {
            assert_eq!(kpi.source, KpiSource::Dean);
            assert!(values(kpi).iter().all(Option::is_none), "left to the dean");
        }
        assert_eq!(kpis[0].source, KpiSource::Model);
    }

    #[test]
    fn each_kpi_prints_in_its_own_unit() {
        assert_eq!(KpiKey::Enrolments.format(1_119.49), "1,119");
        assert_eq!(KpiKey::CreditsAwarded.format(12_000.0), "12,000");
        assert_eq!(KpiKey::CompletionRate.format(55.0), "55%");
        assert_eq!(KpiKey::LearnerSatisfaction.format(82.54), "82.5%");
        assert_eq!(KpiKey::RetentionChange.format(1.5), "+1.5 pp");
        assert_eq!(KpiKey::RetentionChange.format(-0.5), "\u{2212}0.5 pp");
        assert_eq!(
            KpiKey::RetentionChange.format(-0.01),
            "0 pp",
            "no sign on a rounded zero"
        );
    }

    #[test]
    fn refreshing_follows_the_model_and_keeps_what_the_dean_set() {
        let (_, mut inputs) = sample();
        let mut kpis = propose_kpis(&project(&inputs));
        kpis[0].baseline = Some(1_200.0);
        kpis[4].targets[0].value = Some(85.0);
        inputs.uptake.target_rate_pct *= 2.0;
        let doubled = project(&inputs);
        let before = values(&kpis[0]);
        refresh_model_kpis(&mut kpis, &doubled);
        assert_ne!(
            values(&kpis[0]),
            before,
            "enrolments follow the new target rate"
        );
        assert_eq!(values(&kpis[0]), values(&propose_kpis(&doubled)[0]));
        assert_eq!(
            kpis[0].baseline,
            Some(1_200.0),
            "the baseline is the dean's"
        );
        assert_eq!(
            kpis[4].targets[0].value,
            Some(85.0),
            "satisfaction is the dean's"
        );
    }
}
