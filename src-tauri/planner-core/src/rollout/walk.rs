//! The draws' inner loop: every group of programs (see `learners.rs`) walked through its terms
//! from launch, at the rates of one draw.

use super::learners::Group;
use super::uptake::{Rates, uptake_rate};

/// The groups as every draw walks them: ordered by launch, with all that does not move with the
/// rates worked out once. Before launch nobody enrols, so P(launch)/E is fixed; from launch each
/// term's s(t), u·s(t) and 1 − u·s(t) are fixed too. Each group does exactly the arithmetic of a
/// walk from term 0, in the same order, so the figures are the same to the last bit; walking
/// the groups side by side, term after term since launch, lets the processor work on several
/// at once instead of waiting on one group's previous term.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Walks {
    /// Group indices, earliest launch first.
    pub order: Vec<usize>,
    /// The launch term of each group in `order`.
    pub launch: Vec<usize>,
    /// P(launch)/E of each group in `order`.
    pub start: Vec<f64>,
    /// Per term since launch, how many groups (the first of `order`) still have a term then.
    pub active: Vec<usize>,
    /// s(t), u·s(t) and 1 − u·s(t) at each term since launch (row) of each group in `order`.
    pub share: Vec<f64>,
    pub turnover: Vec<f64>,
    pub keep: Vec<f64>,
}

impl Walks {
    pub fn new(groups: &[Group], shares: &[f64]) -> Self {
        let term_count = shares.len();
        let mut order: Vec<usize> = (0..groups.len()).collect();
        order.sort_by_key(|&g| groups[g].launch);
        let launch: Vec<usize> = order.iter().map(|&g| groups[g].launch).collect();
        let start = order
            .iter()
            .map(|&g| {
                let group = &groups[g];
                // The walk below with nobody enrolling: P − 0 is P, to the bit.
                let mut pool: f64 = 1.0;
                for share in &shares[..group.launch.min(term_count)] {
                    let turnover = group.turnover * share;
                    pool = pool * (1.0 - turnover) + turnover;
                }
                pool
            })
            .collect();
        let width = order.len();
        let active: Vec<usize> = (0..term_count)
            .map(|offset| {
                launch
                    .iter()
                    .take_while(|&&l| l + offset < term_count)
                    .count()
            })
            .collect();
        let (mut share, mut turnover, mut keep) = (
            vec![0.0; width * term_count],
            vec![0.0; width * term_count],
            vec![0.0; width * term_count],
        );
        for (offset, &count) in active.iter().enumerate() {
            for (slot, &g) in order[..count].iter().enumerate() {
                let s = shares[launch[slot] + offset];
                let u = groups[g].turnover * s;
                let at = offset * width + slot;
                (share[at], turnover[at], keep[at]) = (s, u, 1.0 - u);
            }
        }
        Walks {
            order,
            launch,
            start,
            active,
            share,
            turnover,
            keep,
        }
    }

    /// Walks every group from its launch, handing `each(t − launch, e)` the e(t)/E of the
    /// groups still in the plan then (the first of `order`); e(t) is 0 before launch.
    #[inline]
    pub fn walk(&self, rates: &Rates, ramp: &[f64], mut each: impl FnMut(usize, &[f64])) {
        let width = self.order.len();
        let mut pools = self.start.clone();
        let mut enrolled = vec![0.0; width];
        for (offset, &count) in self.active.iter().enumerate() {
            if count == 0 {
                break;
            }
            let rate = uptake_rate(rates.pilot_pct, rates.target_pct, ramp[offset]);
            let row = offset * width..offset * width + count;
            let terms = self.share[row.clone()]
                .iter()
                .zip(&self.turnover[row.clone()])
                .zip(&self.keep[row]);
            for ((pool, e), ((share, turnover), keep)) in
                pools.iter_mut().zip(enrolled.iter_mut()).zip(terms)
            {
                *e = *pool * rate / 100.0 * share;
                *pool = (*pool - *e) * keep + turnover;
            }
            each(offset, &enrolled[..count]);
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::rollout::uptake::ramp_table;

    /// The walk as `learners.rs` writes it: every group from term 0, one term after another.
    fn plain_walk(group: &Group, shares: &[f64], rates: &Rates, ramp: &[f64]) -> Vec<f64> {
        let mut pool = 1.0;
        let mut ratios = Vec::new();
        for (t, share) in shares.iter().enumerate() {
            let rate = t.checked_sub(group.launch).map_or(0.0, |offset| {
                uptake_rate(rates.pilot_pct, rates.target_pct, ramp[offset])
            });
            let enrolled = pool * rate / 100.0 * share;
            let turnover = group.turnover * share;
            pool = (pool - enrolled) * (1.0 - turnover) + turnover;
            ratios.push(enrolled);
        }
        ratios
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn every_group_enrols_exactly_as_in_a_plain_walk_from_term_0(
            launches in prop::collection::vec((0usize..14, 1usize..5), 1..9),
            first_share in 0.01f64..=1.0,
            last_share in 0.01f64..=1.0,
            terms in 1usize..12,
            pilot in 0.0f64..20.0,
            target in 0.0f64..60.0,
            midpoint in 0.0f64..6.0,
        ) {
            let mut shares = vec![1.0; terms];
            shares[0] = first_share;
            shares[terms - 1] = last_share;
            let groups: Vec<Group> = launches
                .iter()
                .map(|&(launch, years)| Group {
                    launch: launch.min(terms),
                    turnover: 1.0 / (years as f64 * 3.0),
                    students: 100.0,
                    credit_students: 300.0,
                })
                .collect();
            let rates = Rates {
                pilot_pct: pilot,
                target_pct: target,
                midpoint_terms: midpoint,
                steepness: 1.2,
                completion_pct: 50.0,
                non_completer_course_pct: 0.0,
            };
            let ramp = ramp_table(terms, midpoint, 1.2);
            let walks = Walks::new(&groups, &shares);
            let mut walked = vec![vec![0.0; terms]; groups.len()];
            walks.walk(&rates, &ramp, |offset, row| {
                for (slot, enrolled) in row.iter().enumerate() {
                    walked[walks.order[slot]][walks.launch[slot] + offset] = *enrolled;
                }
            });
            for (group, walked) in groups.iter().zip(&walked) {
                let plain = plain_walk(group, &shares, &rates, &ramp);
                let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                prop_assert_eq!(bits(walked), bits(&plain), "launch {}", group.launch);
            }
        }
    }
}
