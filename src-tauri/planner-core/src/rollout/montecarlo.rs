//! Uncertainty bands: P10/P50/P90 of total enrolments, completions, credits awarded, net cost
//! and the payback year from a seeded Monte Carlo over the uncertain inputs (target uptake rate,
//! completion rate, licence cost, retention uplift), each drawn as a multiplier of the expected
//! value.
//!
//! A draw re-runs only what moves: the enrolment ratio of each group of programs (see
//! `learners.rs`) at the drawn target rate, and from them
//!
//! ```text
//! enrolments   = Σ_g E_g · Σ_t e_g(t)/E_g
//! learners     = students in one credential or more, from the same ratios
//! completions  = enrolments × C / 100
//! credits      = Σ_g (Σ E·credit)_g · Σ_t e_g(t)/E_g × C / 100   each completer granted their
//!                                                                credential's home credit
//! net cost     = Σ_y fixed cost(y) − fixed benefit(y) + enrolments × L
//!                − learners × U/100 × tuition
//! payback year = the first year y from the first launch whose running total of
//!                fixed benefit + enrolments(y) × learners/enrolments × U/100 × tuition
//!                reaches that of fixed cost + enrolments(y) × L, and is above 0
//! ```
//!
//! where the fixed parts are the expected projection's costs and benefits of each fiscal year
//! that do not move with the drawn inputs, and enrolments(y) gathers the terms' enrolments into
//! fiscal years by their days in each, as the budget does. Draws come in chunks of [`CHUNK`], chunk `i` from ChaCha8 seeded with the
//! seed on stream `i`, so the numbers are the same whatever the thread count.

use std::sync::{Mutex, PoisonError};

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::draws::{DrawTables, LANES, Lanes, Work};
use super::learners::Population;
use super::uptake::Rates;

pub const CHUNK: usize = 4096;
/// From this many draws they are shared evenly among threads: below it, starting a thread
/// costs about as much as it saves.
const PARALLEL_FROM: usize = 2_000;
/// Draws a thread takes at a time: a whole number of batches of [`LANES`].
const JOB: usize = 32 * LANES;
pub const MAX_DRAWS: u32 = 200_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DrawShape {
    /// Most likely at the expected value, tapering to the ends.
    Triangular,
    /// Any value in the range equally likely.
    Uniform,
}

/// A range around the expected value, as multipliers of it (0.7 to 1.2 = 30 % lower to 20 %
/// higher). `low` ≤ 1 ≤ `high`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VariedInput {
    pub low: f64,
    pub high: f64,
    pub shape: DrawShape,
}

impl VariedInput {
    const fn new(low: f64, high: f64, shape: DrawShape) -> Self {
        VariedInput { low, high, shape }
    }

    /// The multiplier for a uniform number `u` in [0, 1), by the inverse distribution function.
    pub fn sample(&self, u: f64) -> f64 {
        Sampler::new(self).sample(u)
    }
}

/// A [`VariedInput`] with the constants of its inverse distribution function worked out once,
/// outside the draw loop.
#[derive(Debug, Clone, Copy)]
struct Sampler {
    low: f64,
    high: f64,
    width: f64,
    /// F(mode): below it the rising side of the triangle.
    cut: f64,
    rise: f64,
    fall: f64,
    uniform: bool,
}

impl Sampler {
    fn new(v: &VariedInput) -> Self {
        let (a, b) = (v.low, v.high);
        let width = (b - a).max(0.0);
        let c = 1.0_f64.clamp(a.min(b), b.max(a));
        Sampler {
            low: a,
            high: b,
            width,
            cut: if width > 0.0 { (c - a) / width } else { 0.0 },
            rise: width * (c - a),
            fall: width * (b - c),
            uniform: v.shape == DrawShape::Uniform,
        }
    }

    /// [`Sampler::sample`] of each lane, with the same arithmetic: both sides of the triangle
    /// are worked out and the one `u` falls on kept, so that lanes need no branch.
    #[inline]
    fn sample_lanes(&self, u: &Lanes) -> Lanes {
        if self.width <= 0.0 {
            [self.low; LANES]
        } else if self.uniform {
            std::array::from_fn(|l| self.low + u[l] * self.width)
        } else {
            std::array::from_fn(|l| {
                let rising = self.low + (u[l] * self.rise).sqrt();
                let falling = self.high - ((1.0 - u[l]) * self.fall).sqrt();
                if u[l] < self.cut { rising } else { falling }
            })
        }
    }

    #[inline]
    fn sample(&self, u: f64) -> f64 {
        if self.width <= 0.0 {
            self.low
        } else if self.uniform {
            self.low + u * self.width
        } else if u < self.cut {
            self.low + (u * self.rise).sqrt()
        } else {
            self.high - ((1.0 - u) * self.fall).sqrt()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct UncertaintyInputs {
    /// 0 turns the bands off; at most 200,000.
    pub draws: u32,
    /// The same seed gives the same bands.
    pub seed: u32,
    pub target_rate: VariedInput,
    pub completion_rate: VariedInput,
    pub licence_cost: VariedInput,
    pub retention_uplift: VariedInput,
}

impl Default for UncertaintyInputs {
    fn default() -> Self {
        UncertaintyInputs {
            draws: 5_000,
            seed: 2024,
            target_rate: VariedInput::new(0.6, 1.3, DrawShape::Triangular),
            completion_rate: VariedInput::new(0.8, 1.15, DrawShape::Triangular),
            licence_cost: VariedInput::new(0.9, 1.2, DrawShape::Uniform),
            retention_uplift: VariedInput::new(0.5, 1.5, DrawShape::Triangular),
        }
    }
}

/// The 10th, 50th and 90th percentiles of one outcome over the draws.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Band {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// When the plan pays back over the draws, as fiscal-year indices: P10 is the first year by
/// which one draw in ten has paid back, P50 half of them, P90 nine in ten. `None` when fewer
/// than that share pay back within the plan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PaybackBand {
    pub p10: Option<u32>,
    pub p50: Option<u32>,
    pub p90: Option<u32>,
    /// Draws that pay back within the plan.
    pub paid_back: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UncertaintyBands {
    pub draws: u32,
    pub seed: u32,
    pub enrolments: Band,
    pub completions: Band,
    pub credits_awarded: Band,
    /// Total cost − total benefit; negative when the plan returns more than it costs.
    pub net_cost: Band,
    pub payback_year: PaybackBand,
}

/// The costs and benefits of one fiscal year that the drawn inputs do not move.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FixedFlows {
    /// Costs other than licences.
    pub cost: f64,
    /// Benefits other than retention.
    pub benefit: f64,
}

/// One term's share of days in one fiscal year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TermInYear {
    pub term: usize,
    pub year: usize,
    pub share: f64,
}

/// One draw's figures.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Outcome {
    pub enrolments: f64,
    pub completions: f64,
    pub credits_awarded: f64,
    pub net_cost: f64,
    /// The fiscal year it pays back in; `None` when not within the plan.
    pub payback_year: Option<u32>,
}

/// What each draw needs from the expected projection.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawBasis<'a> {
    pub population: &'a Population,
    /// f(0), f(1), …: the ramp does not move with the target rate.
    pub ramp: Vec<f64>,
    /// The expected rates, which the drawn multipliers scale.
    pub rates: Rates,
    pub licence_cost: f64,
    pub retention_uplift_pct_points: f64,
    pub net_tuition: f64,
    /// One per fiscal year.
    pub fixed: Vec<FixedFlows>,
    /// How the terms fall into fiscal years.
    pub term_years: Vec<TermInYear>,
    /// The fiscal year the first credential launches in: no earlier year pays back.
    pub first_launch_year: Option<usize>,
}

/// One draw's figures for the drawn multipliers of the target rate, the completion rate, the
/// licence cost and the retention uplift.
#[cfg(test)]
pub fn outcome(basis: &DrawBasis<'_>, multipliers: [f64; 4]) -> Outcome {
    let every_lane = multipliers.map(|m| [m; LANES]);
    DrawTables::new(basis)
        .draw(basis, &every_lane, &mut Work::default())
        .lane(0)
}

/// Two uniform numbers in [0, 1) from one 64-bit draw, 32 bits each: ample resolution for
/// multipliers, and half the generator work.
#[inline]
fn two_units(rng: &mut ChaCha8Rng) -> (f64, f64) {
    const SCALE: f64 = 1.0 / 4_294_967_296.0;
    let x = rng.next_u64();
    ((x >> 32) as f64 * SCALE, (x & 0xffff_ffff) as f64 * SCALE)
}

/// Draws `first`, `first + 1`, … (numbered across chunks) into `out`, [`LANES`] at a time:
/// draw `d` is the `d % CHUNK`-th of chunk `d / CHUNK`, four 32-bit words of that chunk's
/// stream, so a thread can start anywhere inside a chunk and draw the same numbers.
fn run_draws(
    first: usize,
    samplers: &[Sampler; 4],
    seed: u32,
    (basis, tables): (&DrawBasis<'_>, &DrawTables),
    out: &mut [Outcome],
    work: &mut Work,
) {
    const WORDS_PER_DRAW: u128 = 4;
    let mut rng = ChaCha8Rng::seed_from_u64(u64::from(seed));
    for (batch, drawn) in out.chunks_mut(LANES).enumerate() {
        let mut by_lane = [[0.0; 4]; LANES];
        for (units, draw) in by_lane
            .iter_mut()
            .zip(first + batch * LANES..)
            .take(drawn.len())
        {
            if draw == first || draw.is_multiple_of(CHUNK) {
                rng.set_stream((draw / CHUNK) as u64);
                rng.set_word_pos((draw % CHUNK) as u128 * WORDS_PER_DRAW);
            }
            let (u1, u2) = two_units(&mut rng);
            let (u3, u4) = two_units(&mut rng);
            *units = [u1, u2, u3, u4];
        }
        // A last batch short of draws fills its spare lanes with a copy of its first draw.
        let first_draw = by_lane[0];
        by_lane[drawn.len()..].fill(first_draw);
        let multipliers: [Lanes; 4] = std::array::from_fn(|k| {
            samplers[k].sample_lanes(&std::array::from_fn(|lane| by_lane[lane][k]))
        });
        let figures = tables.draw(basis, &multipliers, work);
        for (lane, o) in drawn.iter_mut().enumerate() {
            *o = figures.lane(lane);
        }
    }
}

/// Where percentile `p` falls among `n` sorted values: the index below it and the fraction of
/// the way to the next (linear interpolation between order statistics).
fn rank(n: usize, p: f64) -> (usize, f64) {
    let h = (n - 1) as f64 * p;
    (h.floor() as usize, h - h.floor())
}

/// The `k`-th smallest of `values` and the one after it (`next` when there is none),
/// reordering `values`. The scan for the next one is skipped when `want_next` is false.
fn order_pair(values: &mut [f64], k: usize, want_next: bool, next: f64) -> (f64, f64) {
    let (_, at, rest) = values.select_nth_unstable_by(k, f64::total_cmp);
    let at = *at;
    let after = if want_next {
        rest.iter().copied().min_by(f64::total_cmp).unwrap_or(next)
    } else {
        at
    };
    (at, after)
}

/// P10, P50, P90 with one selection over all values and two over its halves.
fn band(values: &mut [f64]) -> Band {
    let n = values.len();
    if n == 0 {
        return Band::default();
    }
    let ((k10, f10), (k50, f50), (k90, f90)) = (rank(n, 0.1), rank(n, 0.5), rank(n, 0.9));
    let (m, m_next) = order_pair(values, k50, f50 > 0.0 || k10 == k50 || k90 == k50, f64::NAN);
    let (left, right) = values.split_at_mut(k50);
    let right = &mut right[1..];
    let lerp = |(low, high): (f64, f64), f: f64| if f > 0.0 { low + f * (high - low) } else { low };
    let p10 = if k10 == k50 {
        lerp((m, m_next), f10)
    } else {
        lerp(order_pair(left, k10, f10 > 0.0, m), f10)
    };
    let p90 = if k90 == k50 {
        lerp((m, m_next), f90)
    } else {
        lerp(order_pair(right, k90 - k50 - 1, f90 > 0.0, f64::NAN), f90)
    };
    Band {
        p10,
        p50: lerp((m, m_next), f50),
        p90,
    }
}

/// P10, P50 and P90 of the payback years: the first year by which at least that share of the
/// draws has paid back (the ⌈n·p⌉-th earliest payback, a draw never paying back counting as
/// latest). Years are whole, so nothing is interpolated.
fn payback_band(years: &[Option<u32>]) -> PaybackBand {
    let n = years.len();
    if n == 0 {
        return PaybackBand::default();
    }
    // How many draws pay back in each year: the k-th earliest is found by counting, no sort.
    let mut in_year: Vec<usize> = Vec::new();
    for &year in years.iter().flatten() {
        let year = year as usize;
        if year >= in_year.len() {
            in_year.resize(year + 1, 0);
        }
        in_year[year] += 1;
    }
    let at = |pct: usize| {
        let k = (n * pct).div_ceil(100).max(1);
        let mut earlier = 0;
        in_year.iter().position(|&count| {
            earlier += count;
            earlier >= k
        })
    };
    let year = |pct| at(pct).map(|y| y as u32);
    PaybackBand {
        p10: year(10),
        p50: year(50),
        p90: year(90),
        paid_back: in_year.iter().sum::<usize>() as u32,
    }
}

/// The bands from `inputs.draws` draws, shared among up to `threads` threads, and what
/// `meanwhile` gives: this thread runs it while the others draw, then draws with them. The
/// draws come in jobs of [`JOB`] that each thread takes in turn as it finishes the last, so the
/// threads end together however long `meanwhile` takes.
pub fn uncertainty_bands<T>(
    inputs: &UncertaintyInputs,
    basis: &DrawBasis<'_>,
    threads: usize,
    meanwhile: impl FnOnce() -> T,
) -> (UncertaintyBands, T) {
    let n = inputs.draws.min(MAX_DRAWS) as usize;
    let mut outcomes = vec![Outcome::default(); n];
    let samplers = [
        Sampler::new(&inputs.target_rate),
        Sampler::new(&inputs.completion_rate),
        Sampler::new(&inputs.licence_cost),
        Sampler::new(&inputs.retention_uplift),
    ];
    let tables = DrawTables::new(basis);
    let jobs = Mutex::new(outcomes.chunks_mut(JOB).enumerate());
    let draw_jobs = || {
        let mut work = Work::default();
        loop {
            let job = jobs.lock().unwrap_or_else(PoisonError::into_inner).next();
            let Some((i, out)) = job else { break };
            run_draws(
                i * JOB,
                &samplers,
                inputs.seed,
                (basis, &tables),
                out,
                &mut work,
            );
        }
    };
    let helpers = if n >= PARALLEL_FROM {
        threads.saturating_sub(1)
    } else {
        0
    };
    let other = std::thread::scope(|scope| {
        for _ in 0..helpers {
            scope.spawn(draw_jobs);
        }
        let other = meanwhile();
        draw_jobs();
        other
    });
    let figure = |of: fn(&Outcome) -> f64| {
        let mut values: Vec<f64> = outcomes.iter().map(of).collect();
        band(&mut values)
    };
    let bands = UncertaintyBands {
        draws: n as u32,
        seed: inputs.seed,
        enrolments: figure(|o| o.enrolments),
        completions: figure(|o| o.completions),
        credits_awarded: figure(|o| o.credits_awarded),
        net_cost: figure(|o| o.net_cost),
        payback_year: payback_band(&outcomes.iter().map(|o| o.payback_year).collect::<Vec<_>>()),
    };
    (bands, other)
}

/// Threads worth using on this machine for the draws.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_between_order_statistics() {
        // 1..=11: P10 at h = 10 × 0.1 = 1 → 2; P50 at h = 5 → 6; P90 at h = 9 → 10.
        let mut v: Vec<f64> = (1..=11).rev().map(f64::from).collect();
        assert_eq!(
            band(&mut v),
            Band {
                p10: 2.0,
                p50: 6.0,
                p90: 10.0
            }
        );
        // [10, 20, 30, 40]: P10 at h = 3 × 0.1 = 0.3 → 10 + 0.3 × 10 = 13; P50 at h = 1.5 → 25;
        // P90 at h = 2.7 → 30 + 0.7 × 10 = 37.
        let b = band(&mut [40.0, 10.0, 30.0, 20.0]);
        assert!(
            (b.p10 - 13.0).abs() < 1e-12 && b.p50 == 25.0 && (b.p90 - 37.0).abs() < 1e-12,
            "{b:?}"
        );
        // One value is every percentile; two interpolate.
        assert_eq!(
            band(&mut [7.0]),
            Band {
                p10: 7.0,
                p50: 7.0,
                p90: 7.0
            }
        );
        let two = band(&mut [2.0, 1.0]);
        assert!((two.p10 - 1.1).abs() < 1e-12 && two.p50 == 1.5 && (two.p90 - 1.9).abs() < 1e-12);
    }

    #[test]
    fn triangular_and_uniform_draws_by_the_inverse_distribution_function() {
        let tri = VariedInput::new(0.5, 2.0, DrawShape::Triangular);
        // Mode 1: F(1) = (1 − 0.5)/(2 − 0.5) = 1/3, so u = 1/3 gives the mode.
        assert!((tri.sample(1.0 / 3.0) - 1.0).abs() < 1e-12);
        // u = 0.12: 0.5 + √(0.12 × 1.5 × 0.5) = 0.5 + √0.09 = 0.8.
        assert!((tri.sample(0.12) - 0.8).abs() < 1e-12);
        // u = 0.76: 2 − √(0.24 × 1.5 × 1) = 2 − 0.6 = 1.4.
        assert!((tri.sample(0.76) - 1.4).abs() < 1e-12);
        assert_eq!(
            VariedInput::new(0.8, 1.2, DrawShape::Uniform).sample(0.25),
            0.9
        );
        assert_eq!(
            VariedInput::new(1.0, 1.0, DrawShape::Triangular).sample(0.7),
            1.0
        );
    }

    #[test]
    fn one_draw_worked_by_hand() {
        use crate::profile::{InstitutionProfile, Stage};
        // One program of 1,000 students, two terms a year, four years to degree (u = 1/8),
        // launching in term 0 of 2, at a flat rate (pilot = target = 20 %), granting 3 credits.
        let mut profile = InstitutionProfile::new("Worked U", 10_000, Stage::Offering);
        profile.calendar.terms.truncate(2);
        let mut c = crate::rollout::sample_rollout().credentials.remove(0);
        c.launch_term = 0;
        c.home_credit.amount = 3.0;
        c.target_programs.truncate(1);
        c.target_programs[0].enrolment = 1_000;
        c.target_programs[0].years_to_degree = Some(4.0);
        let population = Population::new(&profile, &[c], &[1.0; 2]);
        let rates = Rates {
            pilot_pct: 20.0,
            target_pct: 20.0,
            midpoint_terms: 0.0,
            steepness: 1.0,
            completion_pct: 50.0,
            non_completer_course_pct: 0.0,
        };
        // Term 0 in fiscal year 0, term 1 in fiscal year 1.
        let mut basis = DrawBasis {
            population: &population,
            ramp: vec![0.0, 1.0],
            rates,
            licence_cost: 100.0,
            retention_uplift_pct_points: 2.0,
            net_tuition: 10_000.0,
            fixed: vec![
                FixedFlows {
                    cost: 300_000.0,
                    benefit: 50_000.0,
                },
                FixedFlows {
                    cost: 200_000.0,
                    benefit: 50_000.0,
                },
            ],
            term_years: vec![
                TermInYear {
                    term: 0,
                    year: 0,
                    share: 1.0,
                },
                TermInYear {
                    term: 1,
                    year: 1,
                    share: 1.0,
                },
            ],
            first_launch_year: Some(0),
        };
        let multipliers = [1.5, 0.9, 1.1, 0.5];
        // Target 20 × 1.5 = 30 %, reached in term 1 (f = 1): term 0 enrols 20 % of 1,000 =
        // 200; P = 800 × 0.875 + 125 = 825; term 1 enrols 30 % of 825 = 247.5. Enrolments
        // 447.5, all different students (one credential): learners 447.5. Completions
        // 447.5 × 50 % × 0.9 = 201.375, each granted 3 credits: 604.125. Licences
        // 447.5 × 100 × 1.1 = 49,225; retention 447.5 × 2 × 0.5 / 100 × 10,000 = 44,750.
        // Net cost = 500,000 + 49,225 − 100,000 − 44,750 = 404,475.
        let o = outcome(&basis, multipliers);
        assert!(
            (o.enrolments - 447.5).abs() < 1e-9 && (o.completions - 201.375).abs() < 1e-9,
            "{o:?}"
        );
        assert!((o.credits_awarded - 604.125).abs() < 1e-9, "{o:?}");
        assert!((o.net_cost - 404_475.0).abs() < 1e-6, "{o:?}");
        // Year 0: cost 300,000 + 200 × 110 = 322,000; benefit 50,000 + 200 × 100 = 70,000.
        // Year 1, running: cost 322,000 + 200,000 + 247.5 × 110 = 549,225; benefit 70,000 +
        // 50,000 + 247.5 × 100 = 144,750. Never paid back.
        assert_eq!(o.payback_year, None);
        // Fixed benefits of 450,000 in year 1 bring the running benefit to 70,000 + 450,000 +
        // 24,750 = 544,750, short of 549,225; 460,000 bring it to 554,750: paid back in year 1.
        basis.fixed[1].benefit = 450_000.0;
        let short = outcome(&basis, multipliers);
        basis.fixed[1].benefit = 460_000.0;
        let paid = outcome(&basis, multipliers);
        assert_eq!((short.payback_year, paid.payback_year), (None, Some(1)));
        // A year before the first launch never pays back, however large its benefits.
        basis.fixed[0].benefit = 1_000_000.0;
        basis.first_launch_year = Some(1);
        let late = outcome(&basis, multipliers);
        assert_eq!(late.payback_year, Some(1));
    }

    #[test]
    fn payback_percentiles_are_the_years_by_which_that_share_of_draws_paid_back() {
        // Ten draws: paid back in years 1, 1, 2, 2, 2, 3, 4 and three never.
        let years = [
            Some(2),
            Some(1),
            None,
            Some(3),
            Some(1),
            None,
            Some(2),
            Some(4),
            None,
            Some(2),
        ];
        // P10: the 1st earliest, year 1. P50: the 5th, year 2. P90: the 9th, never.
        assert_eq!(
            payback_band(&years),
            PaybackBand {
                p10: Some(1),
                p50: Some(2),
                p90: None,
                paid_back: 7
            }
        );
        // Three draws: P10 is the 1st (⌈0.3⌉), P50 the 2nd (⌈1.5⌉), P90 the 3rd (⌈2.7⌉).
        assert_eq!(
            payback_band(&[Some(5), Some(3), Some(4)]),
            PaybackBand {
                p10: Some(3),
                p50: Some(4),
                p90: Some(5),
                paid_back: 3
            }
        );
        assert_eq!(payback_band(&[None, None]).p10, None);
    }
}
