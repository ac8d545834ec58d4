//! Conservative / expected / ambitious scenarios, computed side by side. The expected
//! scenario is the dean's inputs as entered; the other two adjust them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Model;
use super::budget::CostAdjustment;
use super::uptake::Rates;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ScenarioKind {
    Conservative,
    Expected,
    Ambitious,
}

/// How a scenario departs from the expected inputs. An absolute value, where given, wins over
/// the multiplier for the same input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ScenarioAdjustment {
    pub target_rate_multiplier: f64,
    pub target_rate_pct: Option<f64>,
    pub completion_rate_multiplier: f64,
    pub completion_rate_pct: Option<f64>,
    /// Applies to every cost line.
    pub cost_multiplier: f64,
    /// Replaces the licence cost per learner (the cost multiplier does not apply to it).
    pub licence_cost_per_learner: Option<f64>,
}

impl Default for ScenarioAdjustment {
    fn default() -> Self {
        ScenarioAdjustment {
            target_rate_multiplier: 1.0,
            target_rate_pct: None,
            completion_rate_multiplier: 1.0,
            completion_rate_pct: None,
            cost_multiplier: 1.0,
            licence_cost_per_learner: None,
        }
    }
}

impl ScenarioAdjustment {
    /// The rates of this scenario; rates stay within 0–100 %.
    pub fn rates(&self, expected: &Rates) -> Rates {
        let pct = |absolute: Option<f64>, base: f64, multiplier: f64| {
            absolute.unwrap_or(base * multiplier).clamp(0.0, 100.0)
        };
        Rates {
            target_pct: pct(
                self.target_rate_pct,
                expected.target_pct,
                self.target_rate_multiplier,
            ),
            completion_pct: pct(
                self.completion_rate_pct,
                expected.completion_pct,
                self.completion_rate_multiplier,
            ),
            ..*expected
        }
    }

    pub fn costs(&self) -> CostAdjustment {
        CostAdjustment {
            multiplier: self.cost_multiplier,
            licence_cost_per_learner: self.licence_cost_per_learner,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScenarioInputs {
    pub conservative: ScenarioAdjustment,
    pub ambitious: ScenarioAdjustment,
}

impl Default for ScenarioInputs {
    fn default() -> Self {
        ScenarioInputs {
            conservative: ScenarioAdjustment {
                target_rate_multiplier: 0.7,
                completion_rate_multiplier: 0.85,
                cost_multiplier: 1.1,
                ..ScenarioAdjustment::default()
            },
            ambitious: ScenarioAdjustment {
                target_rate_multiplier: 1.3,
                completion_rate_multiplier: 1.1,
                ..ScenarioAdjustment::default()
            },
        }
    }
}

/// One scenario's totals over the whole horizon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScenarioResult {
    pub kind: ScenarioKind,
    pub label: String,
    /// The rates and costs the scenario ran with.
    pub target_rate_pct: f64,
    pub completion_rate_pct: f64,
    pub cost_multiplier: f64,
    pub licence_cost_per_learner: f64,
    pub enrolments: f64,
    pub completions: f64,
    pub course_completions: f64,
    pub credits_awarded: f64,
    pub total_cost: f64,
    pub total_benefit: f64,
    pub net_benefit: f64,
    pub payback_year_index: Option<u32>,
    pub payback_year: Option<String>,
    pub payback_carried_by_grants: bool,
}

/// The three scenarios, conservative first.
pub fn compare_scenarios(model: &Model<'_>, expected: &Rates) -> Vec<ScenarioResult> {
    let inputs = &model.inputs.scenarios;
    [
        (ScenarioKind::Conservative, inputs.conservative.clone()),
        (ScenarioKind::Expected, ScenarioAdjustment::default()),
        (ScenarioKind::Ambitious, inputs.ambitious.clone()),
    ]
    .into_iter()
    .map(|(kind, adjustment)| {
        let rates = adjustment.rates(expected);
        let costs = adjustment.costs();
        let run = model.run(&rates, &costs);
        let totals = run.uptake.totals;
        ScenarioResult {
            kind,
            label: kind.label().to_owned(),
            target_rate_pct: rates.target_pct,
            completion_rate_pct: rates.completion_pct,
            cost_multiplier: costs.multiplier,
            licence_cost_per_learner: super::budget::licence_cost(&model.inputs.budget, &costs),
            enrolments: totals.enrolments,
            completions: totals.completions,
            course_completions: totals.course_completions,
            credits_awarded: totals.credits_awarded,
            total_cost: run.budget.total_cost,
            total_benefit: run.budget.total_benefit,
            net_benefit: run.budget.net_benefit,
            payback_year_index: run.budget.payback_year_index,
            payback_year: run.budget.payback_year,
            payback_carried_by_grants: run.budget.payback_carried_by_grants,
        }
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_overrides_win_over_multipliers_and_rates_stay_within_100() {
        let expected = Rates {
            pilot_pct: 1.0,
            target_pct: 4.0,
            midpoint_terms: 2.0,
            steepness: 1.0,
            completion_pct: 80.0,
            non_completer_course_pct: 30.0,
        };
        let bold = ScenarioAdjustment {
            target_rate_multiplier: 1.5,
            completion_rate_multiplier: 1.5,
            ..ScenarioAdjustment::default()
        };
        // 4 × 1.5 = 6 %; 80 × 1.5 = 120 % → capped at 100 %.
        let r = bold.rates(&expected);
        assert_eq!((r.target_pct, r.completion_pct), (6.0, 100.0));
        let fixed = ScenarioAdjustment {
            target_rate_pct: Some(2.5),
            ..bold
        };
        assert_eq!(fixed.rates(&expected).target_pct, 2.5);
        assert_eq!(
            fixed.rates(&expected).pilot_pct,
            1.0,
            "pilot rate unchanged"
        );
    }
}
