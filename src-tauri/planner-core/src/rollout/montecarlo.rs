//! Uncertainty bands: P10/P50/P90 of total enrolments, completions and net cost from a seeded
//! Monte Carlo over the uncertain inputs (target uptake rate, completion rate, licence cost,
//! retention uplift), each drawn as a multiplier of the expected value.
//!
//! A draw re-runs only what moves: the enrolment ratio of each group of programs (see
//! `learners.rs`) at the drawn target rate, and from them
//!
//! ```text
//! enrolments  = Σ_g E_g · Σ_t e_g(t)/E_g
//! learners    = students in one credential or more, from the same ratios
//! completions = enrolments × C / 100
//! net cost    = fixed costs + enrolments × L − fixed benefits − learners × U/100 × tuition
//! ```
//!
//! where the fixed parts are the expected projection's costs and benefits that do not move with
//! the drawn inputs. Draws come in chunks of [`CHUNK`], chunk `i` from ChaCha8 seeded with the
//! seed on stream `i`, so the numbers are the same whatever the thread count.

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::learners::Population;
use super::uptake::Rates;
use super::walk::WalkBuffers;

pub const CHUNK: usize = 4096;
/// From this many draws they are shared evenly among threads: below it, starting a thread
/// costs about as much as it saves.
const PARALLEL_FROM: usize = 2_000;
pub const MAX_DRAWS: u32 = 200_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DrawShape {
    /// Most likely at the expected value, tapering to the ends.
    Triangular,
    /// Any value in the range equally likely.
    Uniform,
}

/// A range around the expected value, as multipliers of it (0.7 to 1.2 = 30 % lower to 20 %
/// higher). `low` ≤ 1 ≤ `high`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UncertaintyBands {
    pub draws: u32,
    pub seed: u32,
    pub enrolments: Band,
    pub completions: Band,
    /// Total cost − total benefit; negative when the plan returns more than it costs.
    pub net_cost: Band,
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
    /// Costs other than licences, and benefits other than retention.
    pub fixed_cost: f64,
    pub fixed_benefit: f64,
}

/// One draw's (enrolments, completions, net cost) for the drawn multipliers of the target rate,
/// the completion rate, the licence cost and the retention uplift; `buffers` is working space
/// kept from one draw to the next.
pub fn outcome(
    basis: &DrawBasis<'_>,
    [target_m, completion_m, licence_m, uplift_m]: [f64; 4],
    buffers: &mut WalkBuffers,
) -> (f64, f64, f64) {
    let rates = Rates {
        target_pct: (basis.rates.target_pct * target_m).clamp(0.0, 100.0),
        ..basis.rates
    };
    let (enrolments, learners) = basis.population.draw(&rates, &basis.ramp, buffers);
    let completions =
        enrolments * (basis.rates.completion_pct * completion_m).clamp(0.0, 100.0) / 100.0;
    let uplift = (basis.retention_uplift_pct_points * uplift_m).clamp(0.0, 100.0);
    let net_cost = basis.fixed_cost + enrolments * basis.licence_cost * licence_m
        - basis.fixed_benefit
        - learners * uplift / 100.0 * basis.net_tuition;
    (enrolments, completions, net_cost)
}

/// Two uniform numbers in [0, 1) from one 64-bit draw, 32 bits each: ample resolution for
/// multipliers, and half the generator work.
#[inline]
fn two_units(rng: &mut ChaCha8Rng) -> (f64, f64) {
    const SCALE: f64 = 1.0 / 4_294_967_296.0;
    let x = rng.next_u64();
    ((x >> 32) as f64 * SCALE, (x & 0xffff_ffff) as f64 * SCALE)
}

/// Draws `first`, `first + 1`, … (numbered across chunks) into `out`: draw `d` is the
/// `d % CHUNK`-th of chunk `d / CHUNK`, four 32-bit words of that chunk's stream, so a thread
/// can start anywhere inside a chunk and draw the same numbers.
fn run_draws(
    first: usize,
    samplers: &[Sampler; 4],
    seed: u32,
    basis: &DrawBasis<'_>,
    out: (&mut [f64], &mut [f64], &mut [f64]),
) {
    const WORDS_PER_DRAW: u128 = 4;
    let [target, completion, licence, uplift] = samplers;
    let (enrolments, completions, net_costs) = out;
    let mut rng = ChaCha8Rng::seed_from_u64(u64::from(seed));
    let mut buffers = WalkBuffers::default();
    for (i, ((e, c), n)) in enrolments
        .iter_mut()
        .zip(completions.iter_mut())
        .zip(net_costs.iter_mut())
        .enumerate()
    {
        let draw = first + i;
        if i == 0 || draw.is_multiple_of(CHUNK) {
            rng.set_stream((draw / CHUNK) as u64);
            rng.set_word_pos((draw % CHUNK) as u128 * WORDS_PER_DRAW);
        }
        let (u1, u2) = two_units(&mut rng);
        let (u3, u4) = two_units(&mut rng);
        let multipliers = [
            target.sample(u1),
            completion.sample(u2),
            licence.sample(u3),
            uplift.sample(u4),
        ];
        (*e, *c, *n) = outcome(basis, multipliers, &mut buffers);
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

/// The bands from `inputs.draws` draws, shared among up to `threads` threads.
pub fn uncertainty_bands(
    inputs: &UncertaintyInputs,
    basis: &DrawBasis<'_>,
    threads: usize,
) -> UncertaintyBands {
    let n = inputs.draws.min(MAX_DRAWS) as usize;
    let (mut enrolments, mut completions, mut net_costs) =
        (vec![0.0; n], vec![0.0; n], vec![0.0; n]);
    let samplers = [
        Sampler::new(&inputs.target_rate),
        Sampler::new(&inputs.completion_rate),
        Sampler::new(&inputs.licence_cost),
        Sampler::new(&inputs.retention_uplift),
    ];
    let (samplers, seed) = (&samplers, inputs.seed);
    let threads = if n >= PARALLEL_FROM {
        threads.max(1)
    } else {
        1
    };
    let per_thread = n.div_ceil(threads).max(1);
    let jobs = enrolments
        .chunks_mut(per_thread)
        .zip(completions.chunks_mut(per_thread))
        .zip(net_costs.chunks_mut(per_thread))
        .enumerate()
        .map(|(i, ((e, c), k))| (i * per_thread, (e, c, k)));
    if threads == 1 {
        for (first, out) in jobs {
            run_draws(first, samplers, seed, basis, out);
        }
    } else {
        std::thread::scope(|scope| {
            for (first, out) in jobs {
                scope.spawn(move || run_draws(first, samplers, seed, basis, out));
            }
        });
    }
    UncertaintyBands {
        draws: n as u32,
        seed: inputs.seed,
        enrolments: band(&mut enrolments),
        completions: band(&mut completions),
        net_cost: band(&mut net_costs),
    }
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
        // launching in term 0 of 2, at a flat rate (pilot = target = 20 %).
        let mut profile = InstitutionProfile::new("Worked U", 10_000, Stage::Offering);
        profile.calendar.terms.truncate(2);
        let mut c = crate::rollout::sample_rollout().credentials.remove(0);
        c.launch_term = 0;
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
        let basis = DrawBasis {
            population: &population,
            ramp: vec![0.0, 1.0],
            rates,
            licence_cost: 100.0,
            retention_uplift_pct_points: 2.0,
            net_tuition: 10_000.0,
            fixed_cost: 500_000.0,
            fixed_benefit: 100_000.0,
        };
        // Target 20 × 1.5 = 30 %, reached in term 1 (f = 1): term 0 enrols 20 % of 1,000 =
        // 200; P = 800 × 0.875 + 125 = 825; term 1 enrols 30 % of 825 = 247.5. Enrolments
        // 447.5, all different students (one credential): learners 447.5. Completions
        // 447.5 × 50 % × 0.9 = 201.375. Licences 447.5 × 100 × 1.1 = 49,225; retention
        // 447.5 × 2 × 0.5 / 100 × 10,000 = 44,750.
        // Net cost = 500,000 + 49,225 − 100,000 − 44,750 = 404,475.
        let (e, c, n) = outcome(&basis, [1.5, 0.9, 1.1, 0.5], &mut WalkBuffers::default());
        assert!(
            (e - 447.5).abs() < 1e-9 && (c - 201.375).abs() < 1e-9,
            "{e} {c}"
        );
        assert!((n - 404_475.0).abs() < 1e-6, "{n}");
    }
}
