//! The last projection computed, kept with the profile and inputs it was computed from. The
//! model is a pure function of the two, so a plan whose profile and rollout did not change (a
//! task moved, a risk rated, the save that follows a preview of the same inputs) gets its
//! figures without running the Monte Carlo draws again.

use std::sync::{Mutex, MutexGuard};

use super::{RolloutInputs, RolloutResult, project};
use crate::error::ValidationErrors;
use crate::profile::InstitutionProfile;

struct Last {
    profile: InstitutionProfile,
    inputs: RolloutInputs,
    result: Result<RolloutResult, ValidationErrors>,
}

static LAST: Mutex<Option<Last>> = Mutex::new(None);

fn last() -> MutexGuard<'static, Option<Last>> {
    // A panic while holding the lock leaves at worst a whole earlier entry: still a true one.
    LAST.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// [`project`], answered from the last projection when it was of the same profile and inputs.
/// The model runs outside the lock, so projections of other plans run side by side.
pub fn project_remembered(
    profile: &InstitutionProfile,
    inputs: &RolloutInputs,
) -> Result<RolloutResult, ValidationErrors> {
    if let Some(known) = last()
        .as_ref()
        .filter(|l| l.profile == *profile && l.inputs == *inputs)
    {
        return known.result.clone();
    }
    let result = project(profile, inputs);
    *last() = Some(Last {
        profile: profile.clone(),
        inputs: inputs.clone(),
        result: result.clone(),
    });
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rollout::sample_rollout;
    use crate::sample_plan;

    #[test]
    fn a_remembered_projection_is_the_projection_of_the_same_inputs() {
        let profile = sample_plan().profile;
        let first = sample_rollout();
        let mut second = first.clone();
        second.uptake.target_rate_pct += 1.0;
        let mut refused = first.clone();
        refused.horizon_years = 11;
        for inputs in [&first, &second, &second, &refused, &refused, &first] {
            assert_eq!(
                project_remembered(&profile, inputs),
                project(&profile, inputs)
            );
        }
        let mut other = profile.clone();
        other.total_enrolment += 10_000;
        assert_eq!(
            project_remembered(&other, &first),
            project(&other, &first),
            "another profile is projected afresh"
        );
        assert_ne!(project(&other, &first), project(&profile, &first));
    }
}
