//! Several plans side by side, as a system office rolls up its campuses' plans: per fiscal
//! year, the campuses' enrolments, completions, credits, cost and benefit and their totals;
//! and for each campus its headline figures and its three weakest challenge areas.
//!
//! How plans with different start dates, horizons and calendars are made comparable:
//! - Rows are fiscal years named by the calendar year they end in ("FY2028"). Each campus's
//!   figures sit in its own fiscal year of that name, as its budget shows them; a term's
//!   credits are split across fiscal years by its days, as its budget splits enrolments.
//! - A year only partly inside a campus's plan (the plan starts or ends inside it) holds only
//!   the part inside: each campus's share of the year is given, and the row says it is partly
//!   covered. A campus whose plan does not reach a year adds nothing to it.
//! - Amounts are added only when every campus counts money in the same currency, and credits
//!   only when every campus counts them in the same credit system; otherwise each campus's own
//!   figures are shown and the total is left out, with the reason in the notes. Nothing is
//!   converted.
//! - A plan whose rollout is not set up (or needs attention) is listed with its challenges but
//!   adds nothing to the totals, and the notes say so.

mod csv;
mod notes;
#[cfg(test)]
mod tests;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use csv::rollup_csv;

use crate::plan::{PlanDetail, PlanId, RolloutStatus};
use crate::rollout::{RolloutResult, fiscal_split};

/// The most plans one roll-up takes (a system's campuses; its tables stay readable).
pub const MAX_ROLLUP_PLANS: usize = 40;

/// What one year (or a whole plan) adds up to. `None` where the campuses' units differ.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RollupFigures {
    pub enrolments: f64,
    pub completions: f64,
    pub credits_awarded: Option<f64>,
    pub cost: Option<f64>,
    pub benefit: Option<f64>,
    pub net_benefit: Option<f64>,
}

impl RollupFigures {
    fn add(&mut self, other: &RollupFigures) {
        let sum = |a: Option<f64>, b: Option<f64>| Some(a? + b?);
        self.enrolments += other.enrolments;
        self.completions += other.completions;
        self.credits_awarded = sum(self.credits_awarded, other.credits_awarded);
        self.cost = sum(self.cost, other.cost);
        self.benefit = sum(self.benefit, other.benefit);
        self.net_benefit = sum(self.net_benefit, other.net_benefit);
    }

    /// Zero, with the figures that cannot be added across campuses left out.
    fn zero(money: bool, credits: bool) -> Self {
        let zero = |comparable: bool| comparable.then_some(0.0);
        RollupFigures {
            enrolments: 0.0,
            completions: 0.0,
            credits_awarded: zero(credits),
            cost: zero(money),
            benefit: zero(money),
            net_benefit: zero(money),
        }
    }
}

/// One campus in one fiscal year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampusYear {
    /// The share (0–1) of the year inside the campus's plan; 0 when its plan misses the year.
    pub share_in_plan: f64,
    /// The campus's own figures, in its own currency and credit; `None` when it adds nothing.
    pub figures: Option<RollupFigures>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RollupYear {
    /// "FY2028": the fiscal years ending in 2028.
    pub label: String,
    /// In the order of [`Rollup::campuses`].
    pub campuses: Vec<CampusYear>,
    pub total: RollupFigures,
    /// Some counted campus's plan holds only part of the year, or none of it.
    pub partly_covered: bool,
}

/// A campus's plan in a line or two.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampusSummary {
    #[ts(type = "number")]
    pub plan_id: PlanId,
    pub institution: String,
    pub title: String,
    pub currency: String,
    /// The plan's credit system in words: "ECTS credits".
    pub credit_unit: String,
    pub students: u32,
    /// The three weakest challenge areas, weakest first (fewer while fewer are scored).
    pub top_challenges: Vec<String>,
    /// `None` when the plan adds nothing to the totals.
    pub headline: Option<CampusHeadline>,
    /// Why it adds nothing, in words; `None` when it is counted.
    pub not_counted: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampusHeadline {
    #[ts(type = "string")]
    pub start_date: NaiveDate,
    #[ts(type = "string")]
    pub end_date: NaiveDate,
    pub credentials: u32,
    /// Every figure over the whole plan, in the campus's own units.
    pub totals: RollupFigures,
    pub payback_year: Option<String>,
}

/// Several plans side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Rollup {
    pub campuses: Vec<CampusSummary>,
    /// Fiscal years in order, from the earliest any counted plan reaches to the latest.
    pub years: Vec<RollupYear>,
    /// Over every year.
    pub total: RollupFigures,
    /// The one currency of every amount, when the campuses share one.
    pub currency: Option<String>,
    /// The one credit system of every credit figure, in words, when the campuses share one.
    pub credit_unit: Option<String>,
    /// How the plans were aligned, and what was left out or not added, in sentences.
    pub notes: Vec<String>,
}

/// What a roll-up is saved as from the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RollupFile {
    /// One table for a spreadsheet ([`rollup_csv`]).
    Csv,
    /// The roll-up report.
    Pdf,
    /// The same report as one accessible web page.
    Html,
}

impl Rollup {
    /// The name a file of it is suggested under, without extension: "Roll-up of 3 plans".
    pub fn file_stem(&self) -> String {
        format!("Roll-up of {} plans", self.campuses.len())
    }
}

/// Why plans cannot be rolled up.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RollupError {
    #[error("A roll-up needs two plans or more; {0} given")]
    TooFew(usize),
    #[error("A roll-up takes at most {MAX_ROLLUP_PLANS} plans; {0} given")]
    TooMany(usize),
    #[error("Plan number {0} is given twice")]
    Repeated(PlanId),
}

/// One counted campus: its model and each fiscal year's figures, keyed by the year it ends in.
struct Counted<'a> {
    result: &'a RolloutResult,
    years: Vec<(i32, f64, RollupFigures)>,
}

/// The roll-up of `plans`, in the order given.
pub fn roll_up(plans: &[PlanDetail]) -> Result<Rollup, RollupError> {
    check_choice(&plans.iter().map(|p| p.stored.id).collect::<Vec<_>>())?;
    let counted: Vec<Option<Counted>> = plans.iter().map(counted).collect();
    let shared = |key: &dyn Fn(&PlanDetail) -> String| {
        let mut keys = plans
            .iter()
            .zip(&counted)
            .filter(|(_, c)| c.is_some())
            .map(|(p, _)| key(p));
        let first = keys.next()?;
        keys.all(|k| k == first).then_some(first)
    };
    let currency = shared(&|p| p.stored.plan.profile.currency.clone());
    let credit_unit = shared(&|p| p.stored.plan.profile.credit_system.label().to_owned());
    let mut ends: Vec<i32> = counted
        .iter()
        .flatten()
        .flat_map(|c| c.years.iter().map(|(end, _, _)| *end))
        .collect();
    ends.sort_unstable();
    ends.dedup();
    let (money, credits) = (currency.is_some(), credit_unit.is_some());
    let years: Vec<RollupYear> = ends
        .iter()
        .map(|&end| year_row(end, &counted, money, credits))
        .collect();
    let mut total = RollupFigures::zero(money, credits);
    for year in &years {
        total.add(&year.total);
    }
    let campuses = plans
        .iter()
        .zip(&counted)
        .map(|(p, c)| campus(p, c.as_ref()))
        .collect();
    let mut rollup = Rollup {
        campuses,
        years,
        total,
        currency,
        credit_unit,
        notes: Vec::new(),
    };
    rollup.notes = notes::notes(&rollup, plans);
    Ok(rollup)
}

/// Whether plans `ids` can be rolled up (two to [`MAX_ROLLUP_PLANS`], each once), checked before
/// any is read.
pub fn check_choice(ids: &[PlanId]) -> Result<(), RollupError> {
    match ids.len() {
        n if n < 2 => return Err(RollupError::TooFew(n)),
        n if n > MAX_ROLLUP_PLANS => return Err(RollupError::TooMany(n)),
        _ => {}
    }
    for (i, id) in ids.iter().enumerate() {
        if ids[..i].contains(id) {
            return Err(RollupError::Repeated(*id));
        }
    }
    Ok(())
}

fn counted(plan: &PlanDetail) -> Option<Counted<'_>> {
    let RolloutStatus::Projected { result } = &plan.projection else {
        return None;
    };
    let mut credits = vec![0.0; result.fiscal_years.len()];
    for (term, figures) in result.terms.iter().zip(&result.uptake.by_term) {
        for (fy, share) in fiscal_split(term, &result.fiscal_years) {
            credits[fy] += figures.credits_awarded * share;
        }
    }
    let years = result
        .fiscal_years
        .iter()
        .zip(&result.budget.years)
        .zip(credits)
        .map(|((fy, y), credits)| {
            let figures = RollupFigures {
                enrolments: y.enrolments,
                completions: y.completions,
                credits_awarded: Some(credits),
                cost: Some(y.cost),
                benefit: Some(y.benefit),
                net_benefit: Some(y.net_benefit),
            };
            (fy.end.year(), fy.share_in_plan, figures)
        })
        .collect();
    Some(Counted { result, years })
}

fn year_row(end: i32, counted: &[Option<Counted>], money: bool, credits: bool) -> RollupYear {
    let mut total = RollupFigures::zero(money, credits);
    let mut partly_covered = false;
    let campuses = counted
        .iter()
        .map(|c| {
            let Some(c) = c else {
                return CampusYear {
                    share_in_plan: 0.0,
                    figures: None,
                };
            };
            let Some((_, share, figures)) = c.years.iter().find(|(e, _, _)| *e == end) else {
                partly_covered = true;
                return CampusYear {
                    share_in_plan: 0.0,
                    figures: None,
                };
            };
            partly_covered |= *share < 1.0;
            total.add(figures);
            CampusYear {
                share_in_plan: *share,
                figures: Some(*figures),
            }
        })
        .collect();
    RollupYear {
        label: format!("FY{end}"),
        campuses,
        total,
        partly_covered,
    }
}

fn campus(plan: &PlanDetail, counted: Option<&Counted>) -> CampusSummary {
    let profile = &plan.stored.plan.profile;
    let areas = &plan.assessment_result.areas;
    let top_challenges = plan
        .assessment_result
        .ranking
        .iter()
        .take(3)
        .filter_map(|key| areas.iter().find(|a| a.area == *key))
        .map(|a| a.title.clone())
        .collect();
    let headline = counted.map(|c| {
        let mut totals = RollupFigures::zero(true, true);
        for (_, _, figures) in &c.years {
            totals.add(figures);
        }
        CampusHeadline {
            start_date: c.result.start_date,
            end_date: c.result.end_date,
            credentials: c.result.credits.len() as u32,
            totals,
            payback_year: c.result.budget.payback_year.clone(),
        }
    });
    let not_counted = match &plan.projection {
        RolloutStatus::Projected { .. } => None,
        RolloutStatus::NotStarted => Some("its rollout is not set up yet".to_owned()),
        RolloutStatus::NeedsAttention { .. } => {
            Some("its rollout needs attention before its figures can be worked out".to_owned())
        }
    };
    CampusSummary {
        plan_id: plan.stored.id,
        institution: profile.name.clone(),
        title: plan.stored.plan.title.clone(),
        currency: profile.currency.clone(),
        credit_unit: profile.credit_system.label().to_owned(),
        students: profile.total_enrolment,
        top_challenges,
        headline,
        not_counted,
    }
}
