//! The sample plan's work plan, risks, KPI targets and faculty engagement: what a provost's
//! office would have written a few weeks into planning the expansion. Everything goes through
//! the same edits a dean makes, so the sample is valid by the same rules.

use super::{
    Champion, Department, Dependency, EngagementTarget, FacultyEngagement, KpiEdit, KpiKey,
    KpiTarget, Risk, RiskEdit, TaskFields, TrainingSession, WorkPlanEdit, keep_in_step,
};
use crate::assessment::{Phase, assess};
use crate::plan::Plan;
use crate::rollout::project;

/// The sample's critical chain: a rubric the senate approves, a pilot built, run for a year and
/// evaluated, then extended to every campus and reviewed; it ends after the last phase's work.
const SENATE: &str = "Faculty senate approves the credit-mapping rubric";
const BUILD: &str = "Build the pilot courses with the first certificates";
const OPEN: &str = "Pilot courses open for enrolment";
const RUN: &str = "Run the pilot for a full academic year";
const EVALUATE: &str = "Evaluate the pilot and report to the regents";
const EXTEND: &str = "Extend the certificates to every campus";
const REVIEW: &str = "Review outcomes on every campus";

/// Fills the work plan, risks, KPIs and engagement of `plan` (the sample's assessment and
/// rollout).
pub(crate) fn fill_sample(plan: &mut Plan) {
    keep_in_step(plan);
    let inputs = plan.rollout.as_ref().expect("the sample has a rollout");
    let result = project(&plan.profile, inputs).expect("the sample's rollout projects");
    let terms = result.terms.len();

    let custom = [
        (
            "Draft the credit-mapping rubric",
            "Associate provost for curriculum",
            6,
            None,
            Phase::Prepare,
        ),
        (
            "Set up certificate records in the student system",
            "Registrar",
            10,
            None,
            Phase::Prepare,
        ),
        (
            "Board of regents endorses the expansion",
            "Chancellor",
            0,
            None,
            Phase::Prepare,
        ),
        (
            "Train advisors on stackable pathways",
            "Director of advising",
            4,
            Some(3),
            Phase::Pilot,
        ),
        (SENATE, "Faculty senate chair", 0, None, Phase::Prepare),
        (
            BUILD,
            "Associate provost for curriculum",
            40,
            None,
            Phase::Prepare,
        ),
        (OPEN, "Registrar", 0, None, Phase::Pilot),
        (
            RUN,
            "Director of teaching and learning",
            50,
            None,
            Phase::Pilot,
        ),
        (
            EVALUATE,
            "Director of institutional research",
            10,
            None,
            Phase::Scale,
        ),
        (
            EXTEND,
            "Vice chancellor for academic affairs",
            95,
            None,
            Phase::Scale,
        ),
        (
            REVIEW,
            "Director of institutional research",
            30,
            None,
            Phase::Sustain,
        ),
    ];
    for (title, owner, weeks, pinned_term, phase) in custom {
        let task = TaskFields {
            title: title.to_owned(),
            owner_role: owner.to_owned(),
            duration_weeks: weeks,
            pinned_term,
            phase: Some(phase),
            milestone: weeks == 0,
        };
        edit_work(plan, WorkPlanEdit::AddTask { task }, terms);
    }
    let id = |plan: &Plan, title: &str| {
        plan.work_plan
            .tasks
            .iter()
            .find(|t| t.title == title)
            .map(|t| t.id.clone())
            .expect("added above")
    };
    let rubric = id(plan, "Draft the credit-mapping rubric");
    let records = id(plan, "Set up certificate records in the student system");
    let regents = id(plan, "Board of regents endorses the expansion");
    let advisors = id(plan, "Train advisors on stackable pathways");
    let [senate, build, open, run, evaluate, extend, review] =
        [SENATE, BUILD, OPEN, RUN, EVALUATE, EXTEND, REVIEW].map(|title| id(plan, title));
    let dependencies = [
        ("pilot_budget_line", regents.as_str(), 2),
        (rubric.as_str(), regents.as_str(), 0),
        (regents.as_str(), "gate_prepare", 0),
        (rubric.as_str(), records.as_str(), 1),
        (records.as_str(), "gate_prepare", 0),
        ("gate_prepare", advisors.as_str(), 0),
        (advisors.as_str(), "stackable_pathways", 0),
        (records.as_str(), "first_credit_awarded", 0),
        // The chain that sets the end of the plan, from the rubric to the review of the
        // scaled-up system; the pilot courses open after the summer, once the gate is passed.
        (rubric.as_str(), senate.as_str(), 0),
        (senate.as_str(), build.as_str(), 0),
        (build.as_str(), open.as_str(), 6),
        ("gate_prepare", open.as_str(), 0),
        (open.as_str(), run.as_str(), 0),
        (run.as_str(), "gate_pilot", 0),
        (run.as_str(), evaluate.as_str(), 0),
        (evaluate.as_str(), extend.as_str(), 0),
        (extend.as_str(), review.as_str(), 0),
    ];
    for (predecessor, successor, lag) in dependencies {
        let dependency = Dependency::new(predecessor, successor, lag);
        edit_work(plan, WorkPlanEdit::AddDependency { dependency }, terms);
    }

    let assessed = assess(&plan.assessment, plan.profile.stage);
    let accreditor = Risk {
        area: None,
        title: "The accreditor questions credit for industry certificates".to_owned(),
        likelihood: 2,
        impact: 4,
        mitigation: "Brief the accreditation liaison before the pilot and share the rubric"
            .to_owned(),
        owner_role: "Accreditation liaison officer".to_owned(),
    };
    for edit in [RiskEdit::Propose, RiskEdit::Add { risk: accreditor }] {
        plan.risks = edit
            .apply(&plan.risks, &assessed, &plan.assessment)
            .expect("the sample's risks are valid");
    }

    let years: Vec<String> = result
        .fiscal_years
        .iter()
        .map(|f| f.label.clone())
        .collect();
    let rising = |from: f64, step: f64| {
        years
            .iter()
            .enumerate()
            .map(|(i, year)| KpiTarget {
                year: year.clone(),
                value: Some(from + step * i as f64),
            })
            .collect::<Vec<_>>()
    };
    let kpis = [
        (KpiKey::Enrolments, Some(10_400.0), Vec::new()),
        (KpiKey::CompletionRate, Some(52.0), Vec::new()),
        (KpiKey::CreditsAwarded, Some(9_800.0), Vec::new()),
        (KpiKey::RetentionChange, Some(0.0), rising(0.5, 0.5)),
        (KpiKey::LearnerSatisfaction, Some(78.0), rising(80.0, 2.0)),
        (KpiKey::JobReadiness, Some(61.0), rising(64.0, 3.0)),
    ];
    for (key, baseline, targets) in kpis {
        let edit = KpiEdit {
            key,
            baseline,
            targets,
        };
        edit.apply(&mut plan.kpis)
            .expect("the sample's KPIs are valid");
    }

    plan.engagement = sample_engagement();
    plan.engagement
        .validate(plan.profile.faculty_headcount, &result.terms)
        .expect("the sample's engagement is valid");
}

fn edit_work(plan: &mut Plan, edit: WorkPlanEdit, terms: usize) {
    plan.work_plan = edit
        .apply(&plan.work_plan, terms)
        .expect("the sample's work plan is valid");
}

fn sample_engagement() -> FacultyEngagement {
    let champion = |name: &str, role: &str| Champion {
        name: name.to_owned(),
        role: role.to_owned(),
    };
    let department = |name: &str, faculty_count: u32, champions: Vec<Champion>| Department {
        name: name.to_owned(),
        faculty_count,
        champions,
    };
    let session = |title: &str, term: u32, hours: f64, capacity: u32| TrainingSession {
        title: title.to_owned(),
        term,
        hours_per_participant: hours,
        capacity,
    };
    let target = |term: u32, share_pct: f64| EngagementTarget { term, share_pct };
    FacultyEngagement {
        departments: vec![
            department(
                "Computer Science",
                320,
                vec![
                    champion("Dr. Amara Okafor", "Professor of computer science"),
                    champion(
                        "Dr. Lucas Brandt",
                        "Senior lecturer in software engineering",
                    ),
                ],
            ),
            department(
                "Business Administration",
                410,
                vec![champion(
                    "Dr. Priya Raman",
                    "Associate professor of accounting",
                )],
            ),
            department(
                "Health Sciences",
                380,
                vec![champion("Dr. Hannah Cole", "Clinical associate professor")],
            ),
            department("Engineering Technology", 290, Vec::new()),
        ],
        sessions: vec![
            session("Mapping certificates to course outcomes", 1, 3.0, 120),
            session("Teaching with industry certificates", 3, 6.0, 200),
            session("Assessing stackable pathways", 6, 4.0, 150),
        ],
        // Only the champions' circle is engaged in the first year, too few for the spring's
        // training on top of development work: the sample shows the over-capacity warning.
        targets: vec![
            target(0, 0.5),
            target(3, 5.0),
            target(6, 10.0),
            target(12, 15.0),
        ],
        hours_per_engaged_member_per_term: 10.0,
    }
}
