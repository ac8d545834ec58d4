//! The Monte Carlo draws side by side: [`LANES`] draws at a time, each lane doing exactly the
//! arithmetic of one draw (the formulas are in `montecarlo.rs`), in the same order, so every
//! figure is the same to the last bit as one draw after another; the processor works on several
//! lanes with one instruction and never waits on one draw's previous step.
//!
//! What does not move with the drawn inputs is worked out once per projection, in
//! [`DrawTables`]:
//! - the walks of the groups (`walk.rs`) as a tree of steps: groups whose walks begin with the
//!   same pool and pass through terms of the same share take the same steps, bit for bit, so a
//!   step is computed once for all of them (in the large plan every credential launching after
//!   the plan's first term shares one walk, all but its last term);
//! - the products that add up each term's enrolments, in the order the walk adds them;
//! - the share of a program's students a credential enrols, once for the credentials sharing
//!   program, pace and launch.

use std::ops::Range;

use super::learners::Population;
use super::montecarlo::{DrawBasis, Outcome};
use super::uptake::uptake_rate;

/// Draws computed side by side.
pub(crate) const LANES: usize = 16;
/// One value of each draw of a batch.
pub(crate) type Lanes = [f64; LANES];

const ZERO: Lanes = [0.0; LANES];

#[inline(always)]
fn lanes(f: impl FnMut(usize) -> f64) -> Lanes {
    std::array::from_fn(f)
}

/// One term of the walk of one or more groups.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Step {
    /// The step before; `None` at launch, where the walk starts from `start`.
    parent: Option<usize>,
    /// Terms since launch: which uptake rate applies.
    offset: usize,
    /// P(launch)/E.
    start: f64,
    /// s(t), u·s(t) and 1 − u·s(t).
    share: f64,
    turnover: f64,
    keep: f64,
}

/// A group's enrolments in one term, as a share of its students (e(t)/E), taken from `step`,
/// times the group's students.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Product {
    step: usize,
    students: f64,
}

/// What one launch term adds to a term's enrolments: one group's, or the sum of the groups
/// launching together (which `products` are theirs).
#[derive(Debug, Clone, PartialEq)]
enum Add {
    One(Product),
    Together(Range<usize>),
}

/// The share of a program's students who could enrol that one credential enrolled.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Taken {
    students: f64,
    group: usize,
    could: f64,
}

/// Everything a draw needs that the drawn inputs do not move.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DrawTables {
    /// In walk order: a step's parent comes before it.
    steps: Vec<Step>,
    /// Uptake rates a draw needs: one per term since the earliest launch.
    offsets: usize,
    /// Term by term, and within a term in the order the walk adds them (launch after launch,
    /// latest first); `term_ranges` says which are each term's.
    adds: Vec<Add>,
    term_ranges: Vec<Range<usize>>,
    /// The groups launching together, for [`Add::Together`].
    products: Vec<Product>,
    /// Per group: its last step (`None` when it launches after the plan), E, and E × credit.
    group_last: Vec<Option<usize>>,
    group_students: Vec<f64>,
    group_credit_students: Vec<f64>,
    /// Per program: the most students who could enrol.
    could_enrol: Vec<f64>,
    taken: Vec<Taken>,
    /// Program by program, and within a program in portfolio order: which of `taken` each
    /// credential's is; `program_takes` says which are each program's.
    takes: Vec<usize>,
    program_takes: Vec<Range<usize>>,
    /// Σ over the years of fixed cost − fixed benefit.
    fixed_net: f64,
    /// Year by year, in term order: each term's share of days in that fiscal year;
    /// `year_ranges` says which are each year's.
    year_terms: Vec<(usize, f64)>,
    year_ranges: Vec<Range<usize>>,
}

impl DrawTables {
    pub fn new(basis: &DrawBasis<'_>) -> Self {
        let population: &Population = basis.population;
        let walks = population.walks();
        let width = walks.order.len();
        let mut steps: Vec<Step> = Vec::new();
        let mut known: foldhash::HashMap<(Option<usize>, [u64; 4]), usize> =
            foldhash::HashMap::default();
        let mut at: Vec<usize> = vec![0; width];
        let mut adds: Vec<(usize, Add)> = Vec::new();
        let mut products = Vec::new();
        let mut offsets = 0;
        for (offset, &count) in walks.active.iter().enumerate() {
            if count == 0 {
                break;
            }
            offsets = offset + 1;
            for (slot, current) in at[..count].iter_mut().enumerate() {
                let i = offset * width + slot;
                let (share, turnover, keep) = (walks.share[i], walks.turnover[i], walks.keep[i]);
                let parent = (offset > 0).then_some(*current);
                let start = if parent.is_none() {
                    walks.start[slot]
                } else {
                    0.0
                };
                let key = (parent, [start, share, turnover, keep].map(f64::to_bits));
                let step = *known.entry(key).or_insert_with(|| {
                    steps.push(Step {
                        parent,
                        offset,
                        start,
                        share,
                        turnover,
                        keep,
                    });
                    steps.len() - 1
                });
                *current = step;
            }
            for (launch, slots) in population.launches() {
                if slots.start >= count {
                    break;
                }
                let active = slots.start..slots.end.min(count);
                let mut together = at[active.clone()]
                    .iter()
                    .zip(&population.walk_students()[active])
                    .map(|(&step, &students)| Product { step, students });
                let add = match (together.next(), together.len()) {
                    (Some(only), 0) => Add::One(only),
                    (first, _) => {
                        let start = products.len();
                        products.extend(first.into_iter().chain(together));
                        Add::Together(start..products.len())
                    }
                };
                adds.push((launch + offset, add));
            }
        }
        // Stable: a term's sums keep the walk's order.
        adds.sort_by_key(|(term, _)| *term);
        let term_ranges = ranges(population.term_count, adds.iter().map(|(term, _)| *term));
        let adds = adds.into_iter().map(|(_, add)| add).collect();
        // A group walks at all when it is active at launch: the first of the walks' order.
        let walked = walks.active.first().copied().unwrap_or(0);
        let mut group_last = vec![None; population.groups.len()];
        for (slot, (&group, &last)) in walks.order.iter().zip(&at).enumerate() {
            group_last[group] = (slot < walked).then_some(last);
        }
        let mut taken: Vec<Taken> = Vec::new();
        let mut known_taken: foldhash::HashMap<(u64, usize, u64), usize> =
            foldhash::HashMap::default();
        let mut takes = Vec::new();
        for e in population.credentials.iter().flatten() {
            let could = population.could_enrol[e.program];
            if could > 0.0 {
                let key = (e.students.to_bits(), e.group, could.to_bits());
                let index = *known_taken.entry(key).or_insert_with(|| {
                    taken.push(Taken {
                        students: e.students,
                        group: e.group,
                        could,
                    });
                    taken.len() - 1
                });
                takes.push((e.program, index));
            }
        }
        takes.sort_by_key(|(program, _)| *program);
        let program_takes = ranges(
            population.could_enrol.len(),
            takes.iter().map(|(program, _)| *program),
        );
        let takes = takes.into_iter().map(|(_, taken)| taken).collect();
        let mut year_terms: Vec<(usize, usize, f64)> = basis
            .term_years
            .iter()
            .map(|t| (t.year, t.term, t.share))
            .collect();
        year_terms.sort_by_key(|(year, _, _)| *year);
        let year_ranges = ranges(
            basis.fixed.len(),
            year_terms.iter().map(|(year, _, _)| *year),
        );
        let year_terms = year_terms
            .into_iter()
            .map(|(_, term, share)| (term, share))
            .collect();
        DrawTables {
            steps,
            offsets,
            adds,
            term_ranges,
            products,
            group_last,
            group_students: population.groups.iter().map(|g| g.students).collect(),
            group_credit_students: population
                .groups
                .iter()
                .map(|g| g.credit_students)
                .collect(),
            could_enrol: population.could_enrol.clone(),
            taken,
            takes,
            program_takes,
            fixed_net: basis.fixed.iter().map(|y| y.cost - y.benefit).sum(),
            year_terms,
            year_ranges,
        }
    }

    /// The figures of [`LANES`] draws, lane by lane, for the drawn multipliers of the target
    /// rate, the completion rate, the licence cost and the retention uplift.
    pub fn draw(
        &self,
        basis: &DrawBasis<'_>,
        [target_m, completion_m, licence_m, uplift_m]: &[Lanes; 4],
        work: &mut Work,
    ) -> LaneOutcomes {
        let rates = &basis.rates;
        let target = lanes(|l| (rates.target_pct * target_m[l]).clamp(0.0, 100.0));
        let Work {
            rate,
            pool,
            sum,
            enrolled,
            by_term,
            sums,
            kept,
        } = work;
        rate.clear();
        rate.extend(
            basis.ramp[..self.offsets]
                .iter()
                .map(|&f| lanes(|l| uptake_rate(rates.pilot_pct, target[l], f))),
        );

        // The walks: e = P · rate / 100 · s, P' = (P − e)(1 − u·s) + u·s, Σ e.
        let steps = self.steps.len();
        for column in [&mut *pool, &mut *sum, &mut *enrolled] {
            column.resize(steps, ZERO);
        }
        for (i, step) in self.steps.iter().enumerate() {
            let (before, total) = match step.parent {
                Some(p) => (pool[p], sum[p]),
                None => ([step.start; LANES], ZERO),
            };
            let rate = &rate[step.offset];
            let e = lanes(|l| before[l] * rate[l] / 100.0 * step.share);
            pool[i] = lanes(|l| (before[l] - e[l]) * step.keep + step.turnover);
            sum[i] = lanes(|l| total[l] + e[l]);
            enrolled[i] = e;
        }

        // Each term's enrolments, added up as the walk adds them; the products of a term
        // are consecutive, so its sum stays in registers.
        by_term.clear();
        by_term.extend(self.term_ranges.iter().map(|range| {
            let mut total = ZERO;
            for add in &self.adds[range.clone()] {
                match add {
                    Add::One(only) => {
                        let e = &enrolled[only.step];
                        for l in 0..LANES {
                            total[l] += e[l] * only.students;
                        }
                    }
                    Add::Together(products) => {
                        let mut launched = [-0.0; LANES];
                        for p in &self.products[products.clone()] {
                            let e = &enrolled[p.step];
                            for l in 0..LANES {
                                launched[l] += e[l] * p.students;
                            }
                        }
                        for l in 0..LANES {
                            total[l] += launched[l];
                        }
                    }
                }
            }
            total
        }));

        // Totals over the plan: Σ e(t)/E of each group, enrolments, credits and learners.
        sums.clear();
        sums.extend(
            self.group_last
                .iter()
                .map(|last| last.map_or(ZERO, |s| sum[s])),
        );
        let weighted = |weights: &[f64]| {
            let mut total = [-0.0; LANES];
            for (w, s) in weights.iter().zip(sums.iter()) {
                for l in 0..LANES {
                    total[l] += w * s[l];
                }
            }
            total
        };
        let enrolments = weighted(&self.group_students);
        let credit_enrolments = weighted(&self.group_credit_students);
        // 1 − x_c for each credential's share x_c of a program's students; per program
        // Π(1 − x_c) of them took none.
        kept.clear();
        kept.extend(self.taken.iter().map(|t| {
            let s = &sums[t.group];
            lanes(|l| 1.0 - (t.students * s[l] / t.could).clamp(0.0, 1.0))
        }));
        let mut learners = [-0.0; LANES];
        for (could, takes) in self.could_enrol.iter().zip(&self.program_takes) {
            let mut left = [1.0; LANES];
            for &taken in &self.takes[takes.clone()] {
                let kept = &kept[taken];
                for l in 0..LANES {
                    left[l] *= kept[l];
                }
            }
            for l in 0..LANES {
                learners[l] += could * (1.0 - left[l]);
            }
        }

        // Money and the payback year.
        let completion =
            lanes(|l| (rates.completion_pct * completion_m[l]).clamp(0.0, 100.0) / 100.0);
        let licence = lanes(|l| basis.licence_cost * licence_m[l]);
        let retention_per_learner = lanes(|l| {
            let uplift = (basis.retention_uplift_pct_points * uplift_m[l]).clamp(0.0, 100.0);
            uplift / 100.0 * basis.net_tuition
        });
        let net_cost = lanes(|l| {
            self.fixed_net + enrolments[l] * licence[l] - learners[l] * retention_per_learner[l]
        });
        // Each learner counted once, in the years they enrol, in proportion to enrolments.
        let per_enrolment = lanes(|l| {
            if enrolments[l] > 0.0 {
                learners[l] / enrolments[l] * retention_per_learner[l]
            } else {
                0.0
            }
        });
        let (mut cost, mut benefit) = (ZERO, ZERO);
        let mut payback_year = [None; LANES];
        for (year, (fixed, terms)) in basis.fixed.iter().zip(&self.year_ranges).enumerate() {
            // The year's enrolments: its terms' by their days in it.
            let mut enrolled = ZERO;
            for &(term, share) in &self.year_terms[terms.clone()] {
                let term = &by_term[term];
                for l in 0..LANES {
                    enrolled[l] += term[l] * share;
                }
            }
            for l in 0..LANES {
                cost[l] += fixed.cost + enrolled[l] * licence[l];
                benefit[l] += fixed.benefit + enrolled[l] * per_enrolment[l];
            }
            if basis.first_launch_year.is_some_and(|first| year >= first) {
                for l in 0..LANES {
                    if payback_year[l].is_none() && benefit[l] > 0.0 && benefit[l] >= cost[l] {
                        payback_year[l] = Some(year as u32);
                    }
                }
                if payback_year.iter().all(Option::is_some) {
                    break;
                }
            }
        }
        LaneOutcomes {
            enrolments,
            completions: lanes(|l| enrolments[l] * completion[l]),
            credits_awarded: lanes(|l| credit_enrolments[l] * completion[l]),
            net_cost,
            payback_year,
        }
    }
}

/// For keys `0..count` given in order, where each key's run of them begins and ends.
fn ranges(count: usize, keys: impl Iterator<Item = usize>) -> Vec<Range<usize>> {
    let mut ends = vec![0; count];
    let mut seen = 0;
    for key in keys {
        seen += 1;
        if let Some(end) = ends.get_mut(key) {
            *end = seen;
        }
    }
    let mut start = 0;
    ends.iter()
        .map(|&end| {
            let end = end.max(start);
            let range = start..end;
            start = end;
            range
        })
        .collect()
}

/// The figures of [`LANES`] draws.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LaneOutcomes {
    pub enrolments: Lanes,
    pub completions: Lanes,
    pub credits_awarded: Lanes,
    pub net_cost: Lanes,
    pub payback_year: [Option<u32>; LANES],
}

impl LaneOutcomes {
    pub fn lane(&self, l: usize) -> Outcome {
        Outcome {
            enrolments: self.enrolments[l],
            completions: self.completions[l],
            credits_awarded: self.credits_awarded[l],
            net_cost: self.net_cost[l],
            payback_year: self.payback_year[l],
        }
    }
}

/// Working space kept from one batch of draws to the next, so that draws allocate nothing.
#[derive(Debug, Default)]
pub(crate) struct Work {
    rate: Vec<Lanes>,
    pool: Vec<Lanes>,
    sum: Vec<Lanes>,
    enrolled: Vec<Lanes>,
    by_term: Vec<Lanes>,
    sums: Vec<Lanes>,
    kept: Vec<Lanes>,
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::profile::InstitutionProfile;
    use crate::rollout::budget::CostAdjustment;
    use crate::rollout::proptests::plan;
    use crate::rollout::uptake::Rates;
    use crate::rollout::{Model, RolloutInputs};

    /// One draw as the model states it, one draw at a time: each group's e(t)/E from a plain
    /// walk ([`Population::ratios`]), summed term after term; each term's enrolments gathered
    /// as the walk gathers them, term since launch after term since launch, the groups
    /// launching together summed in their order; then learners, money and payback year.
    fn one_draw(
        basis: &DrawBasis<'_>,
        [target_m, completion_m, licence_m, uplift_m]: [f64; 4],
    ) -> Outcome {
        let population = basis.population;
        let rates = Rates {
            target_pct: (basis.rates.target_pct * target_m).clamp(0.0, 100.0),
            ..basis.rates
        };
        let ratios = population.ratios(&rates);
        let groups = &population.groups;
        let sums: Vec<f64> = groups
            .iter()
            .zip(&ratios)
            .map(|(g, r)| r.iter().skip(g.launch).fold(0.0, |sum, e| sum + e))
            .collect();
        let terms = population.term_count;
        let mut by_term = vec![0.0; terms];
        for offset in 0..terms {
            for launch in 0..terms - offset {
                let together: Vec<usize> = (0..groups.len())
                    .filter(|&g| groups[g].launch == launch)
                    .collect();
                if !together.is_empty() {
                    by_term[launch + offset] += together
                        .iter()
                        .map(|&g| ratios[g][launch + offset] * groups[g].students)
                        .sum::<f64>();
                }
            }
        }
        let enrolments = population.enrolments(&sums);
        let learners = population.learners(&sums);
        let credit_enrolments: f64 = groups
            .iter()
            .zip(&sums)
            .map(|(g, s)| g.credit_students * s)
            .sum();
        let completion = (basis.rates.completion_pct * completion_m).clamp(0.0, 100.0) / 100.0;
        let licence = basis.licence_cost * licence_m;
        let uplift = (basis.retention_uplift_pct_points * uplift_m).clamp(0.0, 100.0);
        let retention_per_learner = uplift / 100.0 * basis.net_tuition;
        let fixed_net: f64 = basis.fixed.iter().map(|y| y.cost - y.benefit).sum();
        let net_cost = fixed_net + enrolments * licence - learners * retention_per_learner;
        let per_enrolment = if enrolments > 0.0 {
            learners / enrolments * retention_per_learner
        } else {
            0.0
        };
        let mut by_year = vec![0.0; basis.fixed.len()];
        for t in &basis.term_years {
            by_year[t.year] += by_term[t.term] * t.share;
        }
        let (mut cost, mut benefit) = (0.0, 0.0);
        let mut payback_year = None;
        for (year, (fixed, enrolled)) in basis.fixed.iter().zip(&by_year).enumerate() {
            cost += fixed.cost + enrolled * licence;
            benefit += fixed.benefit + enrolled * per_enrolment;
            let offering = basis.first_launch_year.is_some_and(|first| year >= first);
            if offering && benefit > 0.0 && benefit >= cost {
                payback_year = Some(year as u32);
                break;
            }
        }
        Outcome {
            enrolments,
            completions: enrolments * completion,
            credits_awarded: credit_enrolments * completion,
            net_cost,
            payback_year,
        }
    }

    fn bits(o: &Outcome) -> ([u64; 4], Option<u32>) {
        (
            [o.enrolments, o.completions, o.credits_awarded, o.net_cost].map(f64::to_bits),
            o.payback_year,
        )
    }

    /// Every lane of a batch of draws with `multipliers` (one set per lane) against the plain
    /// draw, bit for bit; the tables are returned for a look at their steps.
    fn assert_lanes_are_plain_draws(
        profile: &InstitutionProfile,
        inputs: &RolloutInputs,
        multipliers: &[[f64; 4]; LANES],
    ) -> Result<DrawTables, TestCaseError> {
        let model = Model::new(profile, inputs);
        let rates = Rates::from_assumptions(&inputs.uptake);
        let run = model.run(&rates, &CostAdjustment::NONE);
        let basis = model.draw_basis(&rates, &run);
        let tables = DrawTables::new(&basis);
        let by_input: [Lanes; 4] = std::array::from_fn(|k| lanes(|l| multipliers[l][k]));
        let batch = tables.draw(&basis, &by_input, &mut Work::default());
        for (l, m) in multipliers.iter().enumerate() {
            let plain = one_draw(&basis, *m);
            prop_assert_eq!(
                bits(&batch.lane(l)),
                bits(&plain),
                "lane {} with multipliers {:?}: {:?} against {:?}",
                l,
                m,
                batch.lane(l),
                plain
            );
        }
        Ok(tables)
    }

    #[test]
    fn the_large_plan_s_draws_share_their_walks_and_equal_plain_draws() {
        let plan = crate::sample::large_plan();
        let inputs = plan.rollout.as_ref().expect("a rollout");
        let multipliers: [[f64; 4]; LANES] = std::array::from_fn(|l| {
            let x = l as f64 / LANES as f64;
            [0.6 + 0.7 * x, 0.8 + 0.35 * x, 1.2 - 0.3 * x, 0.5 + x]
        });
        let tables = assert_lanes_are_plain_draws(&plan.profile, inputs, &multipliers)
            .expect("every lane equals its plain draw");
        // Twenty launch terms, from the fourth to the 23rd of 31 (ten years of three terms,
        // and the first days of an eleventh year), at one pace: 28 + 27 + … + 9 = 370 terms
        // walked. One walk of 27 whole terms is computed, and the plan's short last term (a
        // twentieth of a term) after each of its 20 lengths: 47 steps.
        assert_eq!(tables.term_ranges.len(), 31);
        assert_eq!(tables.adds.len(), (9..=28).sum::<usize>());
        assert_eq!(tables.steps.len(), 27 + 20);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        #[test]
        fn every_lane_is_one_plain_draw_to_the_last_bit(
            (profile, mut inputs) in plan(),
            paces in prop::collection::vec(prop::option::of(1.0..=10.0f64), 18),
            multipliers in prop::collection::vec(
                (0.0..2.0f64, 0.0..2.0f64, 0.0..2.0f64, 0.0..2.0f64), LANES),
        ) {
            // Programs of one credential at different paces: groups launching together.
            let programs = inputs.credentials.iter_mut().flat_map(|c| &mut c.target_programs);
            for (program, pace) in programs.zip(&paces) {
                if pace.is_some() {
                    program.years_to_degree = *pace;
                }
            }
            let multipliers: [[f64; 4]; LANES] = std::array::from_fn(|l| {
                let (a, b, c, d) = multipliers[l];
                [a, b, c, d]
            });
            assert_lanes_are_plain_draws(&profile, &inputs, &multipliers)?;
        }
    }
}
