use crate::plan::Plan;
use crate::profile::{InstitutionProfile, Stage};

/// The plan a new user finds on first start. Its institution is the reference report's system
/// case: a public university system of 240,000 students that already offers industry
/// certificates and wants to expand them.
pub fn sample_plan() -> Plan {
    Plan {
        title: "Industry micro-credentials: system-wide expansion 2027–2031".to_owned(),
        profile: InstitutionProfile {
            name: "Lakeshore State University System".to_owned(),
            country: Some("US".to_owned()),
            total_enrolment: 240_000,
            stage: Stage::Offering,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::ProfileForm;

    #[test]
    fn the_sample_plan_passes_the_same_validation_as_a_typed_one() {
        let plan = sample_plan();
        let (title, profile) = ProfileForm::from_plan(&plan.title, &plan.profile)
            .validate()
            .expect("sample is valid");
        assert_eq!(title, plan.title);
        assert_eq!(profile, plan.profile);
    }
}
