//! Term numbers saved under the rule before a plan's edge terms counted.

use super::{RolloutInputs, terms};
use crate::InstitutionProfile;

impl RolloutInputs {
    /// Until store version 3 a plan's terms were the ones *starting* inside it, so a term its
    /// start date cuts (Fall from 25 August in a plan starting 1 September) was left out and
    /// term 0 was the one after it. Every overlapping term counts now, the cut one first, so a
    /// term number saved before then moves on by one to keep naming the same term. Returns
    /// whether anything moved.
    pub fn renumber_for_cut_first_term(&mut self, profile: &InstitutionProfile) -> bool {
        let start = self.start_date;
        let end = terms::horizon_end(start, self.horizon_years).unwrap_or(start);
        let fiscal = terms::fiscal_years(start, end, profile.fiscal_year_start_month);
        let plan_terms = terms::academic_terms(&profile.calendar, start, end, &fiscal);
        if !plan_terms.first().is_some_and(|t| t.share_in_plan < 1.0) {
            return false;
        }
        let phases = &mut self.phases;
        for term in [
            &mut phases.pilot_start_term,
            &mut phases.scale_start_term,
            &mut phases.sustain_start_term,
        ] {
            *term = term.saturating_add(1);
        }
        for credential in &mut self.credentials {
            credential.launch_term = credential.launch_term.saturating_add(1);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::sample_plan;

    #[test]
    fn a_plan_whose_start_cuts_its_first_term_names_the_same_terms_after_renumbering() {
        // The sample starts 1 September 2026 and its Fall terms start 25 August, so Fall 2026
        // is cut: it is term 0 now and was no term at all before, when Spring 2027 was term 0.
        // Term N saved then (Fall 2027 was 2) is the same term as N + 1 now (Fall 2027 is 3).
        let plan = sample_plan();
        let mut inputs = plan.rollout.clone().expect("the sample has a rollout");
        let before = inputs.clone();
        assert!(inputs.renumber_for_cut_first_term(&plan.profile));
        assert_eq!(
            inputs.phases.pilot_start_term,
            before.phases.pilot_start_term + 1
        );
        assert_eq!(
            inputs.phases.sustain_start_term,
            before.phases.sustain_start_term + 1
        );
        for (after, was) in inputs.credentials.iter().zip(&before.credentials) {
            assert_eq!(after.launch_term, was.launch_term + 1, "{}", after.title);
        }
    }

    #[test]
    fn a_plan_starting_on_a_term_start_keeps_its_numbers() {
        // Starting on 25 August, the day Fall 2026 starts, cuts no term: nothing moves.
        let plan = sample_plan();
        let mut inputs = plan.rollout.clone().expect("the sample has a rollout");
        inputs.start_date = NaiveDate::from_ymd_opt(2026, 8, 25).expect("a real day");
        let before = inputs.clone();
        assert!(!inputs.renumber_for_cut_first_term(&plan.profile));
        assert_eq!(inputs, before);
    }
}
