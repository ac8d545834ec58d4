//! Budget per fiscal year: costs, benefits, their running totals and the payback year.
//!
//! ```text
//! licences             = enrolments × licence cost per learner
//! curriculum mapping   = credentials launching that year × mapping hours × rate   (one-time)
//! faculty development  = hours per year × rate × share of the year in the plan
//! staff                = FTE × salary per FTE × share
//! marketing            = marketing per year × share
//! technology           = integration cost, first fiscal year only
//! retention benefit    = learners × uplift (pp) / 100 × net tuition per student
//! additional enrolment = students per year × net tuition × share, from the first launch year
//! grants               = the grants arriving that year
//! ```
//!
//! Payback is the first year, from the first launch on, whose cumulative benefit reaches the
//! cumulative cost; it says so when the grants received so far are what carry it there.
//!
//! Every cost is multiplied by a scenario's cost multiplier (1 for the expected case).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::inputs::BudgetInputs;
use super::terms::FiscalYear;

/// What the plan's learners do in each fiscal year, and when credentials launch.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct YearFlows {
    pub enrolments: Vec<f64>,
    pub completions: Vec<f64>,
    /// Students, each counted once however many credentials they take.
    pub learners: Vec<f64>,
    pub launches: Vec<u32>,
    pub first_launch_year: Option<usize>,
}

/// A scenario's changes to costs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CostAdjustment {
    pub multiplier: f64,
    /// Replaces the licence cost per learner (and is not multiplied).
    pub licence_cost_per_learner: Option<f64>,
}

impl CostAdjustment {
    pub const NONE: CostAdjustment = CostAdjustment {
        multiplier: 1.0,
        licence_cost_per_learner: None,
    };
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BudgetYear {
    pub fiscal_year_index: u32,
    pub label: String,
    pub enrolments: f64,
    pub completions: f64,
    pub licences: f64,
    pub curriculum_mapping: f64,
    pub faculty_development: f64,
    pub staff: f64,
    pub marketing: f64,
    pub technology_integration: f64,
    pub cost: f64,
    pub retention_benefit: f64,
    pub additional_enrolment_benefit: f64,
    pub grants: f64,
    pub benefit: f64,
    /// benefit − cost; negative while the plan costs more than it returns.
    pub net_benefit: f64,
    pub cumulative_cost: f64,
    pub cumulative_benefit: f64,
    pub cumulative_net_benefit: f64,
}

/// Each kind of cost and benefit summed over the plan's fiscal years.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BudgetTotals {
    pub licences: f64,
    pub curriculum_mapping: f64,
    pub faculty_development: f64,
    pub staff: f64,
    pub marketing: f64,
    pub technology_integration: f64,
    pub retention_benefit: f64,
    pub additional_enrolment_benefit: f64,
    pub grants: f64,
}

impl BudgetTotals {
    fn of(years: &[BudgetYear]) -> Self {
        years
            .iter()
            .fold(BudgetTotals::default(), |t, y| BudgetTotals {
                licences: t.licences + y.licences,
                curriculum_mapping: t.curriculum_mapping + y.curriculum_mapping,
                faculty_development: t.faculty_development + y.faculty_development,
                staff: t.staff + y.staff,
                marketing: t.marketing + y.marketing,
                technology_integration: t.technology_integration + y.technology_integration,
                retention_benefit: t.retention_benefit + y.retention_benefit,
                additional_enrolment_benefit: t.additional_enrolment_benefit
                    + y.additional_enrolment_benefit,
                grants: t.grants + y.grants,
            })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BudgetProjection {
    pub years: Vec<BudgetYear>,
    /// Each kind of cost and benefit over the whole plan.
    pub totals: BudgetTotals,
    pub total_cost: f64,
    pub total_benefit: f64,
    pub net_benefit: f64,
    /// Total cost ÷ enrolments; `None` without enrolments.
    pub cost_per_enrolment: Option<f64>,
    pub cost_per_completion: Option<f64>,
    /// The first fiscal year, from the one the first credential launches in, whose cumulative
    /// benefit reaches the cumulative cost; `None` when no credential launches or it never does.
    pub payback_year_index: Option<u32>,
    pub payback_year: Option<String>,
    /// True when the payback year reaches the cost only with the grants received so far: the
    /// learners' benefits alone have not yet paid for the plan.
    pub payback_carried_by_grants: bool,
}

/// The licence cost per learner after a scenario's adjustment.
pub fn licence_cost(budget: &BudgetInputs, adjust: &CostAdjustment) -> f64 {
    adjust
        .licence_cost_per_learner
        .unwrap_or(budget.licence_cost_per_learner * adjust.multiplier)
}

pub fn project_budget(
    budget: &BudgetInputs,
    fiscal: &[FiscalYear],
    flows: &YearFlows,
    adjust: &CostAdjustment,
) -> BudgetProjection {
    let m = adjust.multiplier;
    let licence = licence_cost(budget, adjust);
    let mapping_per_credential =
        budget.mapping_hours_per_credential * budget.mapping_rate_per_hour * m;
    let faculty_per_year =
        budget.faculty_development_hours_per_year * budget.faculty_development_rate_per_hour * m;
    let staff_per_year = budget.staff_fte * budget.salary_per_fte * m;
    let mut years = Vec::with_capacity(fiscal.len());
    let (mut cumulative_cost, mut cumulative_benefit, mut cumulative_grants) = (0.0, 0.0, 0.0);
    let mut payback = None;
    let mut carried_by_grants = false;
    for (i, fy) in fiscal.iter().enumerate() {
        let share = fy.share_in_plan;
        let enrolments = flows.enrolments.get(i).copied().unwrap_or(0.0);
        let launches = flows.launches.get(i).copied().unwrap_or(0);
        let licences = enrolments * licence;
        let curriculum_mapping = f64::from(launches) * mapping_per_credential;
        let faculty_development = faculty_per_year * share;
        let staff = staff_per_year * share;
        let marketing = budget.marketing_per_year * m * share;
        let technology_integration = if i == 0 {
            budget.technology_integration * m
        } else {
            0.0
        };
        let cost = licences
            + curriculum_mapping
            + faculty_development
            + staff
            + marketing
            + technology_integration;
        let learners = flows.learners.get(i).copied().unwrap_or(0.0);
        let retention_benefit =
            learners * budget.retention_uplift_pct_points / 100.0 * budget.net_tuition_per_student;
        let offering = flows.first_launch_year.is_some_and(|first| i >= first);
        let additional_enrolment_benefit = if offering {
            budget.additional_students_per_year * budget.net_tuition_per_student * share
        } else {
            0.0
        };
        let grants: f64 = budget
            .grants
            .iter()
            .filter(|g| g.fiscal_year_index as usize == i)
            // A fold from +0.0: `sum()` of no grants is −0.0, which would print as "−0".
            .fold(0.0, |total, g| total + g.amount);
        let benefit = retention_benefit + additional_enrolment_benefit + grants;
        cumulative_cost += cost;
        cumulative_benefit += benefit;
        cumulative_grants += grants;
        // A year before any credential launches has no learners: a grant arriving then cannot
        // make it the payback year.
        if payback.is_none()
            && offering
            && cumulative_benefit > 0.0
            && cumulative_benefit >= cumulative_cost
        {
            payback = Some(i);
            carried_by_grants = cumulative_benefit - cumulative_grants < cumulative_cost;
        }
        years.push(BudgetYear {
            fiscal_year_index: fy.index,
            label: fy.label.clone(),
            enrolments,
            completions: flows.completions.get(i).copied().unwrap_or(0.0),
            licences,
            curriculum_mapping,
            faculty_development,
            staff,
            marketing,
            technology_integration,
            cost,
            retention_benefit,
            additional_enrolment_benefit,
            grants,
            benefit,
            net_benefit: benefit - cost,
            cumulative_cost,
            cumulative_benefit,
            cumulative_net_benefit: cumulative_benefit - cumulative_cost,
        });
    }
    let enrolments: f64 = flows.enrolments.iter().sum();
    let completions: f64 = flows.completions.iter().sum();
    let per = |count: f64| (count > 0.0).then(|| cumulative_cost / count);
    BudgetProjection {
        totals: BudgetTotals::of(&years),
        total_cost: cumulative_cost,
        total_benefit: cumulative_benefit,
        net_benefit: cumulative_benefit - cumulative_cost,
        cost_per_enrolment: per(enrolments),
        cost_per_completion: per(completions),
        payback_year_index: payback.map(|i| i as u32),
        payback_year: payback.map(|i| fiscal[i].label.clone()),
        payback_carried_by_grants: carried_by_grants,
        years,
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::rollout::inputs::Grant;

    fn fy(index: u32, year: i32, share: f64) -> FiscalYear {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
        FiscalYear {
            index,
            label: format!("FY{}", year + 1),
            start: date(year, 7, 1),
            end: date(year + 1, 6, 30),
            share_in_plan: share,
        }
    }

    fn inputs() -> BudgetInputs {
        BudgetInputs {
            licence_cost_per_learner: 100.0,
            mapping_hours_per_credential: 40.0,
            mapping_rate_per_hour: 50.0,
            faculty_development_hours_per_year: 100.0,
            faculty_development_rate_per_hour: 60.0,
            staff_fte: 2.0,
            salary_per_fte: 50_000.0,
            marketing_per_year: 10_000.0,
            technology_integration: 30_000.0,
            retention_uplift_pct_points: 2.0,
            net_tuition_per_student: 8_000.0,
            additional_students_per_year: 5.0,
            grants: vec![Grant {
                name: "State workforce grant".into(),
                amount: 50_000.0,
                fiscal_year_index: 1,
            }],
        }
    }

    #[test]
    fn a_two_year_budget_worked_by_hand() {
        let fiscal = [fy(0, 2026, 0.5), fy(1, 2027, 1.0)];
        let flows = YearFlows {
            enrolments: vec![200.0, 1_000.0],
            learners: vec![200.0, 1_000.0],
            completions: vec![100.0, 600.0],
            launches: vec![2, 1],
            first_launch_year: Some(0),
        };
        let b = project_budget(&inputs(), &fiscal, &flows, &CostAdjustment::NONE);
        let y0 = &b.years[0];
        // Year 0 (half in the plan): licences 200 × 100 = 20,000; mapping 2 × 40 × 50 = 4,000;
        // faculty 100 × 60 × 0.5 = 3,000; staff 2 × 50,000 × 0.5 = 50,000; marketing
        // 10,000 × 0.5 = 5,000; technology 30,000. Cost = 112,000.
        assert_eq!(
            (
                y0.licences,
                y0.curriculum_mapping,
                y0.faculty_development,
                y0.staff
            ),
            (20_000.0, 4_000.0, 3_000.0, 50_000.0)
        );
        assert_eq!(
            (y0.marketing, y0.technology_integration, y0.cost),
            (5_000.0, 30_000.0, 112_000.0)
        );
        // Benefits: retention 200 × 2 % × 8,000 = 32,000; additional 5 × 8,000 × 0.5 = 20,000.
        assert_eq!(
            (
                y0.retention_benefit,
                y0.additional_enrolment_benefit,
                y0.benefit
            ),
            (32_000.0, 20_000.0, 52_000.0)
        );
        let y1 = &b.years[1];
        // Year 1: 100,000 + 2,000 + 6,000 + 100,000 + 10,000 = 218,000 cost;
        // 160,000 + 40,000 + 50,000 grant = 250,000 benefit.
        assert_eq!((y1.cost, y1.benefit), (218_000.0, 250_000.0));
        // Cumulative: cost 330,000, benefit 302,000 → not yet paid back.
        assert_eq!(
            (y1.cumulative_cost, y1.cumulative_benefit),
            (330_000.0, 302_000.0)
        );
        assert_eq!(b.payback_year, None);
        assert_eq!(b.net_benefit, -28_000.0);
        // 330,000 / 1,200 enrolments = 275; / 700 completions = 471.43.
        assert_eq!(b.cost_per_enrolment, Some(275.0));
        assert!((b.cost_per_completion.expect("completions") - 471.428_571).abs() < 1e-5);
    }

    #[test]
    fn payback_never_comes_before_the_first_launch_and_says_when_grants_carry_it() {
        // Three full years; nothing launches until year 1. A 400,000 grant arrives in year 0.
        let fiscal = [fy(0, 2026, 1.0), fy(1, 2027, 1.0), fy(2, 2028, 1.0)];
        let mut budget = inputs();
        budget.grants = vec![Grant {
            name: "Start-up grant".into(),
            amount: 400_000.0,
            fiscal_year_index: 0,
        }];
        let flows = YearFlows {
            enrolments: vec![0.0, 1_000.0, 2_000.0],
            learners: vec![0.0, 1_000.0, 2_000.0],
            completions: vec![0.0, 500.0, 1_000.0],
            launches: vec![0, 1, 0],
            first_launch_year: Some(1),
        };
        let b = project_budget(&budget, &fiscal, &flows, &CostAdjustment::NONE);
        // Year 0: cost 6,000 faculty + 100,000 staff + 10,000 marketing + 30,000 technology
        // = 146,000; benefit 400,000 grant. Cumulative benefit ≥ cost, but no learner yet.
        assert_eq!(
            (b.years[0].cost, b.years[0].benefit),
            (146_000.0, 400_000.0)
        );
        // Year 1: cost 100,000 licences + 2,000 mapping + 116,000 = 218,000; benefit 1,000 ×
        // 2 % × 8,000 = 160,000 retention + 40,000 additional = 200,000.
        // Cumulative: cost 364,000, benefit 600,000 → payback in year 1, the first launch year.
        assert_eq!(
            (b.years[1].cost, b.years[1].benefit),
            (218_000.0, 200_000.0)
        );
        assert_eq!(b.payback_year_index, Some(1));
        assert_eq!(b.payback_year.as_deref(), Some("FY2028"));
        // Without the grant the benefits are 200,000 against 364,000: the grant carries it.
        assert!(b.payback_carried_by_grants);

        // Nothing launching: no payback, whatever the grants.
        let idle = YearFlows {
            enrolments: vec![0.0; 3],
            learners: vec![0.0; 3],
            completions: vec![0.0; 3],
            launches: vec![0; 3],
            first_launch_year: None,
        };
        let none = project_budget(&budget, &fiscal, &idle, &CostAdjustment::NONE);
        assert_eq!(
            (none.payback_year_index, none.payback_carried_by_grants),
            (None, false)
        );
    }

    #[test]
    fn payback_is_the_first_year_cumulative_benefit_reaches_cost_and_costs_scale() {
        let fiscal = [fy(0, 2026, 1.0), fy(1, 2027, 1.0)];
        let flows = YearFlows {
            enrolments: vec![1_000.0, 3_000.0],
            learners: vec![1_000.0, 3_000.0],
            completions: vec![500.0, 1_500.0],
            launches: vec![1, 0],
            first_launch_year: Some(0),
        };
        let b = project_budget(&inputs(), &fiscal, &flows, &CostAdjustment::NONE);
        // Year 0 cost 100,000 + 2,000 + 6,000 + 100,000 + 10,000 + 30,000 = 248,000;
        // benefit 160,000 + 40,000 = 200,000. Year 1 cost 518,000 − 30,000 − 2,000 = 416,000;
        // benefit 480,000 + 40,000 + 50,000 = 570,000. Cumulative 664,000 vs 770,000: FY2028.
        assert_eq!((b.years[0].cost, b.years[1].cost), (248_000.0, 416_000.0));
        assert_eq!(b.payback_year.as_deref(), Some("FY2028"));
        // Without the 50,000 grant: 720,000 ≥ 664,000, so the learners carry it.
        assert!(!b.payback_carried_by_grants);
        let dearer = CostAdjustment {
            multiplier: 1.5,
            licence_cost_per_learner: Some(120.0),
        };
        let d = project_budget(&inputs(), &fiscal, &flows, &dearer);
        // Licences at the absolute 120: 1,000 × 120 = 120,000; the rest × 1.5:
        // 148,000 × 1.5 = 222,000 → 342,000.
        assert_eq!(d.years[0].cost, 342_000.0);
    }
}
