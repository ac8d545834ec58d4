//! The plans a new user and the benchmarks start from: the sample plan, and the large plan
//! (`large.rs`).

mod large;

pub use large::{
    LARGE_CREDENTIALS, LARGE_DRAWS, LARGE_TASKS, large_plan, large_rollout, random_work_plan,
};

use crate::assessment::{AdoptedAction, Answer, AreaKey, AreaResponse, Assessment, WizardPosition};
use crate::calendar::{AcademicCalendar, CalendarSystem, TermStart};
use crate::credit::CreditSystem;
use crate::plan::Plan;
use crate::profile::{InstitutionProfile, InstitutionType, Stage};

/// The plan a new user finds on first start. Its institution is the reference report's system
/// case: a public university system of 240,000 students that already offers industry
/// certificates and wants to expand them.
pub fn sample_plan() -> Plan {
    let mut plan = Plan {
        title: "Industry micro-credentials: system-wide expansion 2027–2031".to_owned(),
        profile: InstitutionProfile {
            name: "Lakeshore State University System".to_owned(),
            country: Some("US".to_owned()),
            institution_type: InstitutionType::UniversitySystem,
            total_enrolment: 240_000,
            degree_programs: 1_150,
            faculty_headcount: 11_800,
            calendar: AcademicCalendar {
                system: CalendarSystem::Semester,
                terms: vec![
                    term("Fall", 8, 25),
                    term("Spring", 1, 12),
                    term("Summer", 6, 1),
                ],
            },
            fiscal_year_start_month: 9,
            currency: "USD".to_owned(),
            credit_system: CreditSystem::UsSemester,
            custom_hours_per_credit: None,
            stage: Stage::Offering,
        },
        assessment: sample_assessment(),
        rollout: Some(crate::rollout::sample_rollout()),
        work_plan: Default::default(),
        risks: Vec::new(),
        kpis: Vec::new(),
        engagement: Default::default(),
        review: Default::default(),
    };
    crate::workplan::fill_sample(&mut plan);
    plan
}

/// A system that already awards credit for industry certificates: well aware and integrated,
/// stretched for money and for faculty time.
fn sample_assessment() -> Assessment {
    use Answer::{DontKnow, Rated};
    let response = |answers: Vec<Answer>, evidence: &str| AreaResponse {
        answers,
        evidence: evidence.to_owned(),
    };
    let responses = [
        (
            AreaKey::Resources,
            response(
                vec![Rated(2), Rated(2), Rated(1), Rated(3), Rated(2)],
                "The first two years ran on a one-off system grant that ends in August 2027.",
            ),
        ),
        (
            AreaKey::CurriculumTransformation,
            response(
                vec![Rated(3), Rated(2), Rated(3), Rated(2), Rated(4), Rated(3)],
                "",
            ),
        ),
        (
            AreaKey::FacultyBuyIn,
            response(
                vec![Rated(3), Rated(1), Rated(1), Rated(3), Rated(3), Rated(4)],
                "Champions exist on three campuses; none has workload credit for it.",
            ),
        ),
        (
            AreaKey::Awareness,
            response(vec![Rated(4), Rated(4), Rated(3), Rated(4), Rated(3)], ""),
        ),
        (
            AreaKey::CurriculumIntegration,
            response(vec![Rated(4), Rated(5), Rated(3), Rated(3), DontKnow], ""),
        ),
        (
            AreaKey::Quality,
            response(vec![Rated(4), Rated(3), Rated(4), DontKnow, Rated(2)], ""),
        ),
    ];
    let adopted = [
        "pilot_budget_line",
        "protected_support_staff",
        "faculty_champions",
        "promotion_tenure_recognition",
        "stackable_pathways",
    ];
    Assessment {
        responses: responses.into_iter().collect(),
        position: WizardPosition::Summary,
        adopted_actions: adopted
            .iter()
            .map(|a| AdoptedAction {
                action: (*a).to_owned(),
                adopted_on: "2026-11-02".to_owned(),
            })
            .collect(),
    }
}

fn term(name: &str, month: u8, day: u8) -> TermStart {
    TermStart {
        name: name.to_owned(),
        month,
        day,
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

    #[test]
    fn the_sample_assessment_is_complete_valid_and_shows_resources_as_weakest() {
        let plan = sample_plan();
        let mut checked = crate::assessment::Assessment::default();
        for (area, response) in &plan.assessment.responses {
            checked
                .set_response(*area, response.clone())
                .expect("sample answers are valid");
        }
        for adopted in &plan.assessment.adopted_actions {
            checked
                .set_adopted(&adopted.action, true, &adopted.adopted_on)
                .expect("known action");
        }
        let result = crate::assessment::assess(&plan.assessment, plan.profile.stage);
        assert_eq!(result.ranking.len(), 6, "every area scored");
        assert_eq!(result.ranking[0], AreaKey::Resources);
    }

    #[test]
    fn the_sample_plan_is_projected_and_calibrated() {
        let stored = crate::StoredPlan::unsaved(sample_plan());
        match stored.detail().projection {
            crate::RolloutStatus::Projected { result } => {
                let calibration = result.calibration.expect("the sample is calibrated");
                assert!(calibration.projected_learners > 0.0, "{calibration:?}");
            }
            other => panic!("the sample's rollout projects: {other:?}"),
        }
    }
}
