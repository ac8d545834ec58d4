//! The rollout model: calendar and phases, credential portfolio and credit conversion, uptake,
//! budget, scenarios, uncertainty and calibration. [`project`] computes every figure once, for
//! the UI, the CLI and the PDF alike.
//!
//! Where each formula lives: terms and fiscal years `terms.rs`, phases `phases.rs`, credit
//! conversion `credit.rs`, who can enrol `learners.rs`, the logistic uptake ramp `uptake.rs`,
//! costs and benefits `budget.rs`, scenarios `scenarios.rs`, the Monte Carlo `montecarlo.rs`
//! (its inner loop `draws.rs`, several draws at once over the walks of `walk.rs`), calibration
//! against the reference system `sample.rs`; the last projection, kept for a plan whose profile
//! and inputs did not change, `memo.rs`.

mod budget;
mod credit;
mod draws;
mod inputs;
mod inputs_file;
mod learners;
mod memo;
mod montecarlo;
mod phases;
mod reference;
mod renumber;
mod sample;
mod scenarios;
mod terms;
mod uptake;
pub(crate) mod validate;
mod walk;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use budget::{BudgetProjection, BudgetTotals, BudgetYear};
pub use credit::{
    CATS_HOURS, CATS_PER_ECTS, CreditConversion, CreditFlag, CreditFlagKind, ECTS_HOURS_HIGH,
    ECTS_HOURS_LOW, NSQF_HOURS, US_SEMESTER_HOURS,
};
pub use inputs::{
    AssessmentType, BudgetInputs, Credential, CredentialField, CredentialRef, CreditRecommendation,
    Grant, GrantMethod, HomeCredit, Participation, PhasePlan, Provider, ProviderKind,
    RolloutInputs, StandardElements, TargetProgram, UptakeAssumptions,
};
pub use inputs_file::{InputsFileError, parse_inputs_file};
pub use learners::default_years_to_degree;
pub use memo::project_remembered;
pub use montecarlo::{
    Band, DrawShape, PaybackBand, UncertaintyBands, UncertaintyInputs, VariedInput,
};
pub use phases::PhaseSpan;
use sample::calibrate;
pub use sample::{Calibration, CalibrationVerdict, FAR_FACTOR, sample_rollout};

pub use scenarios::{ScenarioAdjustment, ScenarioInputs, ScenarioKind, ScenarioResult};
pub use terms::{FiscalYear, Term, fiscal_split};
pub use uptake::{CredentialUptake, TermUptake, UptakeProjection, UptakeTotals};
pub use validate::{MAX_CREDENTIALS, MAX_HORIZON_YEARS};

use crate::error::ValidationErrors;
use crate::profile::InstitutionProfile;
use budget::{CostAdjustment, YearFlows};
use learners::Population;
use uptake::Rates;

/// Every figure of the rollout model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RolloutResult {
    /// ISO 4217 code of every amount.
    pub currency: String,
    #[ts(type = "string")]
    pub start_date: NaiveDate,
    /// The plan's last day: the start date plus the horizon, less a day.
    #[ts(type = "string")]
    pub end_date: NaiveDate,
    pub terms: Vec<Term>,
    pub fiscal_years: Vec<FiscalYear>,
    pub phases: Vec<PhaseSpan>,
    /// One per credential, in portfolio order.
    pub credits: Vec<CreditConversion>,
    pub uptake: UptakeProjection,
    pub budget: BudgetProjection,
    /// Conservative, expected, ambitious.
    pub scenarios: Vec<ScenarioResult>,
    /// `None` when the dean asked for no draws.
    pub uncertainty: Option<UncertaintyBands>,
    /// The projection's first years beside the reference system; `None` when no credential
    /// launches.
    pub calibration: Option<Calibration>,
}

/// Where a new rollout starts: the sample's assumptions with an empty portfolio, beginning on
/// the first of August after `today` for five years, piloting from the second term, scaling
/// from the third year and sustained from the fourth. The dean adds credentials and edits the
/// rest.
pub fn starter_rollout(profile: &InstitutionProfile, today: NaiveDate) -> RolloutInputs {
    use chrono::Datelike;
    let mut inputs = sample_rollout();
    let this_year = NaiveDate::from_ymd_opt(today.year(), 8, 1);
    let next_year = NaiveDate::from_ymd_opt(today.year() + 1, 8, 1);
    inputs.start_date = this_year
        .filter(|d| *d > today)
        .or(next_year)
        .unwrap_or(inputs.start_date);
    inputs.horizon_years = 5;
    let terms_a_year = profile.calendar.terms.len().max(1) as u32;
    inputs.phases.pilot_start_term = 1;
    inputs.phases.scale_start_term = 2 * terms_a_year;
    inputs.phases.sustain_start_term = 3 * terms_a_year;
    inputs.credentials.clear();
    inputs.budget.grants.clear();
    inputs
}

/// Validates `inputs` against `profile` and computes the whole model.
pub fn project(
    profile: &InstitutionProfile,
    inputs: &RolloutInputs,
) -> Result<RolloutResult, ValidationErrors> {
    inputs.validate(profile)?;
    Ok(project_valid(
        profile,
        inputs,
        montecarlo::default_threads(),
    ))
}

/// The model's central figures only: what [`project`] gives without the uncertainty bands (no
/// Monte Carlo draws). The work plan's calendar and the model's KPIs read nothing else, so
/// keeping them in step with an edit costs a fraction of the whole model.
pub fn project_central(
    profile: &InstitutionProfile,
    inputs: &RolloutInputs,
) -> Result<RolloutResult, ValidationErrors> {
    inputs.validate(profile)?;
    Ok(project_valid(profile, inputs, 0))
}

/// The model for inputs already validated; `threads` only changes speed, never numbers, except
/// that 0 threads draw nothing: the central figures only, with no uncertainty bands.
pub(crate) fn project_valid(
    profile: &InstitutionProfile,
    inputs: &RolloutInputs,
    threads: usize,
) -> RolloutResult {
    let model = Model::new(profile, inputs);
    let rates = Rates::from_assumptions(&inputs.uptake);
    let run = model.run(&rates, &CostAdjustment::NONE);
    // The scenarios and the calibration are worked out while other threads start the draws.
    let rest = || {
        (
            scenarios::compare_scenarios(&model, &rates),
            calibrate(profile, inputs, &model, &rates, &run.uptake),
        )
    };
    let (uncertainty, (scenarios, calibration)) = if inputs.uncertainty.draws > 0 && threads > 0 {
        let basis = model.draw_basis(&rates, &run);
        let (bands, rest) =
            montecarlo::uncertainty_bands(&inputs.uncertainty, &basis, threads, rest);
        (Some(bands), rest)
    } else {
        (None, rest())
    };
    let end = terms::horizon_end(inputs.start_date, inputs.horizon_years)
        .and_then(|d| d.pred_opt())
        .unwrap_or(inputs.start_date);
    RolloutResult {
        currency: profile.currency.clone(),
        start_date: inputs.start_date,
        end_date: end,
        phases: phases::phase_spans(&inputs.phases, &model.terms),
        credits: inputs
            .credentials
            .iter()
            .enumerate()
            .map(|(i, c)| credit::convert(profile, i, c))
            .collect(),
        uptake: run.uptake,
        budget: run.budget,
        scenarios,
        uncertainty,
        calibration,
        terms: model.terms,
        fiscal_years: model.fiscal,
    }
}

/// The calendar of a plan, computed once and shared by the runs of every scenario.
#[derive(Debug)]
pub(crate) struct Model<'a> {
    pub inputs: &'a RolloutInputs,
    pub terms: Vec<Term>,
    pub fiscal: Vec<FiscalYear>,
    pub population: Population,
}

/// One projection: uptake and the budget it leads to.
#[derive(Debug)]
pub(crate) struct Run {
    pub uptake: UptakeProjection,
    pub budget: BudgetProjection,
}

impl<'a> Model<'a> {
    /// Needs a profile whose calendar passed validation and a start date plus horizon that
    /// chrono can represent.
    pub fn new(profile: &InstitutionProfile, inputs: &'a RolloutInputs) -> Self {
        let start = inputs.start_date;
        let end = terms::horizon_end(start, inputs.horizon_years).unwrap_or(start);
        let fiscal = terms::fiscal_years(start, end, profile.fiscal_year_start_month);
        let mut terms = terms::academic_terms(&profile.calendar, start, end, &fiscal);
        for term in &mut terms {
            term.phase = phases::phase_of(&inputs.phases, term.index);
        }
        let shares: Vec<f64> = terms.iter().map(|t| t.share_in_plan).collect();
        let population = Population::new(profile, &inputs.credentials, &shares);
        Model {
            inputs,
            terms,
            fiscal,
            population,
        }
    }

    pub fn run(&self, rates: &Rates, costs: &CostAdjustment) -> Run {
        let uptake = uptake::project_uptake(&self.inputs.credentials, rates, &self.population);
        let flows = self.flows(&uptake);
        let budget = budget::project_budget(&self.inputs.budget, &self.fiscal, &flows, costs);
        Run { uptake, budget }
    }

    /// Term figures gathered by fiscal year, with the launches of each year.
    fn flows(&self, uptake: &UptakeProjection) -> YearFlows {
        let n = self.fiscal.len();
        let mut flows = YearFlows {
            enrolments: vec![0.0; n],
            completions: vec![0.0; n],
            learners: vec![0.0; n],
            launches: vec![0; n],
            first_launch_year: None,
        };
        // A term's figures split across fiscal years by its days in each.
        for (term, figures) in self.terms.iter().zip(&uptake.by_term) {
            for (fy, share) in terms::fiscal_split(term, &self.fiscal) {
                flows.enrolments[fy] += figures.enrolments * share;
                flows.completions[fy] += figures.completions * share;
            }
        }
        // Each learner counted once, in the years they enrol, in proportion to enrolments.
        let per_enrolment = if uptake.totals.enrolments > 0.0 {
            uptake.learners / uptake.totals.enrolments
        } else {
            0.0
        };
        for (learners, enrolments) in flows.learners.iter_mut().zip(&flows.enrolments) {
            *learners = enrolments * per_enrolment;
        }
        for credential in &self.inputs.credentials {
            if let Some(term) = self.terms.get(credential.launch_term as usize) {
                flows.launches[term.fiscal_year_index as usize] += 1;
            }
        }
        flows.first_launch_year = self.first_launch_year();
        flows
    }

    /// The fiscal year the first credential launches in; `None` when none launches in the plan.
    fn first_launch_year(&self) -> Option<usize> {
        self.inputs
            .credentials
            .iter()
            .filter_map(|c| self.terms.get(c.launch_term as usize))
            .map(|term| term.fiscal_year_index as usize)
            .min()
    }

    /// What a Monte Carlo draw needs from the expected run.
    fn draw_basis(&self, rates: &Rates, run: &Run) -> montecarlo::DrawBasis<'_> {
        let b = &self.inputs.budget;
        let fixed = run
            .budget
            .years
            .iter()
            .map(|y| montecarlo::FixedFlows {
                cost: y.cost - y.licences,
                benefit: y.benefit - y.retention_benefit,
            })
            .collect();
        let term_years = self
            .terms
            .iter()
            .enumerate()
            .flat_map(|(term, t)| {
                terms::fiscal_split(t, &self.fiscal)
                    .into_iter()
                    .map(move |(year, share)| montecarlo::TermInYear { term, year, share })
            })
            .collect();
        montecarlo::DrawBasis {
            population: &self.population,
            ramp: uptake::ramp_table(self.terms.len(), rates.midpoint_terms, rates.steepness),
            rates: *rates,
            licence_cost: b.licence_cost_per_learner,
            retention_uplift_pct_points: b.retention_uplift_pct_points,
            net_tuition: b.net_tuition_per_student,
            fixed,
            term_years,
            first_launch_year: self.first_launch_year(),
        }
    }
}
