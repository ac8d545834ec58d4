//! The sample plan's rollout, and the calibration of any projection against the reference
//! report's system case (240,000 students; "since launch, over 10,000 students enrolled in 1 or
//! more Professional Certificates", launched May 2023 and reported in 2024).
//!
//! Like for like: the reference counts students, not enrolments, over about one academic year.
//! The plan is compared over its first academic year from the first launch, counting each
//! student once (from the overlap of the target programs, see `learners.rs`), per 1,000
//! students of the institution. More than 1.5 times the reference either way is far from it.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Model;
use super::inputs::*;
use super::montecarlo::UncertaintyInputs;
use super::reference::reference;
use super::scenarios::ScenarioInputs;
use super::terms::horizon_end;
use super::uptake::{Rates, UptakeProjection};
use crate::profile::InstitutionProfile;

/// Beyond this factor either way, the plan is far from the reference.
pub const FAR_FACTOR: f64 = 1.5;

/// How the plan's first year compares with the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CalibrationVerdict {
    /// Less than 1 ÷ 1.5 of the reference's students per 1,000.
    FarBelow,
    Comparable,
    /// More than 1.5 times the reference's students per 1,000.
    FarAbove,
}

/// The projection's first year next to what the reference system reached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Calibration {
    /// "Coursera Micro-Credentials Impact Report 2024".
    pub source: String,
    pub reference_institution: String,
    /// The report's sentence, to quote beside the figures.
    pub reference_quote: String,
    pub reference_students: u32,
    /// Students (not enrolments) in one or more certificates.
    pub reference_enrolled: u32,
    pub reference_courses_completed: u32,
    /// 10,000 ÷ 240,000 × 1,000 ≈ 41.7: comparable across institution sizes.
    pub reference_enrolled_per_thousand: f64,
    /// The compared period: this many academic years from the first launch.
    pub period_years: u8,
    pub first_term: u32,
    pub last_term: u32,
    /// "Fall 2027 – Summer 2028".
    pub period_label: String,
    /// False when the horizon ends before the period does.
    pub period_complete: bool,
    /// The institution's enrolment.
    pub students: u32,
    /// Students in one credential or more over the period, each counted once.
    pub projected_learners: f64,
    /// Enrolments over the period (a student in two credentials counts in both).
    pub projected_enrolments: f64,
    pub projected_courses_completed: f64,
    pub projected_learners_per_thousand: f64,
    /// Projected ÷ reference, per 1,000 students.
    pub ratio_to_reference: f64,
    pub verdict: CalibrationVerdict,
    /// What differs between the two figures beyond the plan's own assumptions.
    pub caveats: Vec<String>,
}

const CAVEATS: [&str; 3] = [
    "The reference counts students \"since launch\" in a report written about a year after \
     Career Academy launched in May 2023, so the plan's first academic year is compared.",
    "The reference is one university system with its own catalogue, promotion and credit \
     policy; scaling it by enrolment is a rough guide, not a target.",
    "The plan counts a student in two credentials once, assuming students choose credentials \
     independently of each other within a program.",
];

/// Learners over the reference period, from the first launch term. `None` when no credential
/// launches within the terms.
pub(crate) fn calibrate(
    profile: &InstitutionProfile,
    inputs: &RolloutInputs,
    model: &Model<'_>,
    rates: &Rates,
    uptake: &UptakeProjection,
) -> Option<Calibration> {
    let r = reference();
    let system = &r.reference_system;
    let terms = &model.terms;
    let first = inputs
        .credentials
        .iter()
        .map(|c| c.launch_term as usize)
        .filter(|t| *t < terms.len())
        .min()?;
    let period_end = terms[first]
        .start
        .checked_add_months(Months::new(12 * u32::from(system.period_years)))?;
    let last = terms
        .iter()
        .rposition(|t| t.start < period_end)
        .unwrap_or(first);
    let (mut enrolments, mut courses) = (0.0, 0.0);
    for figures in &uptake.by_term[first..=last] {
        enrolments += figures.enrolments;
        courses += figures.course_completions;
    }
    let sums: Vec<f64> = model
        .population
        .ratios(rates)
        .iter()
        .map(|ratios| ratios[first..=last].iter().sum())
        .collect();
    let learners = model.population.learners(&sums);
    let per_thousand = |count: f64, students: u32| {
        if students == 0 {
            0.0
        } else {
            count / f64::from(students) * 1_000.0
        }
    };
    let reference_per_thousand = per_thousand(f64::from(system.enrolled), system.students);
    let projected_per_thousand = per_thousand(learners, profile.total_enrolment);
    let ratio = projected_per_thousand / reference_per_thousand;
    let verdict = if ratio > FAR_FACTOR {
        CalibrationVerdict::FarAbove
    } else if ratio * FAR_FACTOR < 1.0 {
        CalibrationVerdict::FarBelow
    } else {
        CalibrationVerdict::Comparable
    };
    Some(Calibration {
        source: r.source.clone(),
        reference_institution: system.name.clone(),
        reference_quote: system.quote.clone(),
        reference_students: system.students,
        reference_enrolled: system.enrolled,
        reference_courses_completed: system.courses_completed,
        reference_enrolled_per_thousand: reference_per_thousand,
        period_years: system.period_years,
        first_term: first as u32,
        last_term: last as u32,
        period_label: format!("{} – {}", terms[first].label(), terms[last].label()),
        period_complete: horizon_end(inputs.start_date, inputs.horizon_years)
            .is_some_and(|end| end >= period_end),
        students: profile.total_enrolment,
        projected_learners: learners,
        projected_enrolments: enrolments,
        projected_courses_completed: courses,
        projected_learners_per_thousand: projected_per_thousand,
        ratio_to_reference: ratio,
        verdict,
        caveats: CAVEATS.iter().map(|c| (*c).to_owned()).collect(),
    })
}

fn credential(
    title: &str,
    provider: &str,
    field: CredentialField,
    learning_hours: f64,
    programs: &[(&str, u32)],
    launch_term: u32,
    course_count: u32,
) -> Credential {
    Credential {
        title: title.to_owned(),
        provider: Provider {
            kind: ProviderKind::Industry,
            name: provider.to_owned(),
        },
        field,
        learning_hours,
        // Illustrative figures for the sample, not the bodies' published recommendations.
        recommendation: CreditRecommendation {
            ace_semester_hours: Some(3.0),
            ects_credits: Some((learning_hours / 30.0).floor()),
            nsqf_level: Some(5),
            nsqf_credits: Some((learning_hours / 30.0).floor()),
            illustrative: true,
        },
        home_credit: HomeCredit {
            amount: 3.0,
            method: GrantMethod::Elective,
        },
        target_programs: programs
            .iter()
            .map(|(name, enrolment)| TargetProgram {
                name: (*name).to_owned(),
                enrolment: *enrolment,
                years_to_degree: None,
            })
            .collect(),
        launch_term,
        // Close to the providers' listings in 2024, but not checked against them.
        course_count,
        course_count_from_listing: false,
        stacks_into: Vec::new(),
        standard_elements: StandardElements {
            learning_outcomes: format!(
                "Entry-level, job-ready skills in {}, assessed through graded hands-on projects.",
                title.trim_end_matches(" Professional Certificate")
            ),
            assessment_type: AssessmentType::Project,
            participation: Participation::Online,
            quality_assurance: "Provider's own course review; mapped to program outcomes and \
                                reviewed each year by the program's curriculum committee."
                .to_owned(),
            eqf_level: Some(5),
        },
    }
}

/// The rollout of the sample plan ([`crate::sample_plan`]): ten Google, IBM and Microsoft
/// Professional Certificates offered for elective credit across the system, piloted from
/// Fall 2027 and launched over the first terms.
pub fn sample_rollout() -> RolloutInputs {
    use CredentialField as F;
    let mut credentials = vec![
        credential(
            "Google IT Support Professional Certificate",
            "Google",
            F::ItSupport,
            180.0,
            &[
                ("Computer Information Systems", 7_500),
                ("Applied Technology (AAS)", 5_000),
            ],
            3,
            5,
        ),
        credential(
            "Google Data Analytics Professional Certificate",
            "Google",
            F::DataAnalytics,
            180.0,
            &[("Business Administration", 22_000), ("Economics", 6_000)],
            3,
            8,
        ),
        credential(
            "Google Project Management Professional Certificate",
            "Google",
            F::ProjectManagement,
            180.0,
            &[("Engineering", 18_000), ("Construction Management", 3_000)],
            3,
            6,
        ),
        credential(
            "Google Cybersecurity Professional Certificate",
            "Google",
            F::Cybersecurity,
            170.0,
            &[("Computer Science", 14_000), ("Criminal Justice", 8_000)],
            3,
            8,
        ),
        credential(
            "Google UX Design Professional Certificate",
            "Google",
            F::UxDesign,
            200.0,
            &[("Art and Design", 6_000), ("Psychology", 10_000)],
            4,
            7,
        ),
        credential(
            "IBM Data Analyst Professional Certificate",
            "IBM",
            F::DataAnalytics,
            160.0,
            &[
                ("Mathematics and Statistics", 4_500),
                ("Public Health", 7_000),
            ],
            4,
            9,
        ),
        credential(
            "IBM Full Stack Software Developer Professional Certificate",
            "IBM",
            F::SoftwareDevelopment,
            200.0,
            &[("Computer Science", 14_000)],
            4,
            12,
        ),
        credential(
            "Microsoft Power BI Data Analyst Professional Certificate",
            "Microsoft",
            F::DataAnalytics,
            150.0,
            &[
                ("Accounting and Finance", 11_000),
                ("Management Information Systems", 5_000),
            ],
            6,
            8,
        ),
        credential(
            "Microsoft Cybersecurity Analyst Professional Certificate",
            "Microsoft",
            F::Cybersecurity,
            160.0,
            &[("Information Technology", 9_000)],
            6,
            9,
        ),
        credential(
            "Google Digital Marketing & E-commerce Professional Certificate",
            "Google",
            F::Other,
            180.0,
            &[("Marketing", 9_000), ("Communication", 6_000)],
            6,
            7,
        ),
    ];
    // The two data-analytics certificates count toward the system's Data Analytics
    // undergraduate certificate, which the Google one anchors.
    for stacking in [5, 7] {
        credentials[stacking].home_credit.method = GrantMethod::Stackable;
        credentials[stacking].stacks_into = vec![CredentialRef::Title(
            "Google Data Analytics Professional Certificate".into(),
        )];
    }
    RolloutInputs {
        start_date: NaiveDate::from_ymd_opt(2026, 9, 1).expect("a valid date"),
        horizon_years: 5,
        phases: PhasePlan {
            pilot_start_term: 3,
            scale_start_term: 6,
            sustain_start_term: 12,
            prepare_gate: None,
            pilot_gate: None,
            scale_gate: None,
            sustain_gate: None,
        },
        credentials,
        uptake: UptakeAssumptions {
            pilot_rate_pct: 0.8,
            target_rate_pct: 2.5,
            midpoint_terms: 3.0,
            steepness: 0.9,
            completion_rate_pct: 55.0,
            non_completer_course_share_pct: 30.0,
            superseded_courses_per_learner: None,
        },
        budget: BudgetInputs {
            licence_cost_per_learner: 100.0,
            mapping_hours_per_credential: 60.0,
            mapping_rate_per_hour: 70.0,
            faculty_development_hours_per_year: 800.0,
            faculty_development_rate_per_hour: 65.0,
            staff_fte: 4.0,
            salary_per_fte: 90_000.0,
            marketing_per_year: 60_000.0,
            technology_integration: 250_000.0,
            retention_uplift_pct_points: 1.5,
            net_tuition_per_student: 9_500.0,
            additional_students_per_year: 30.0,
            grants: vec![Grant {
                name: "System workforce grant (final year)".to_owned(),
                amount: 300_000.0,
                fiscal_year_index: 0,
            }],
        },
        scenarios: ScenarioInputs::default(),
        uncertainty: UncertaintyInputs::default(),
    }
}
