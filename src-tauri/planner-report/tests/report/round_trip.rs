//! PDF → import over generated plans: whatever plan a PDF was exported from — a random work
//! plan, a title and risk text in any script the report prints, versions with labels — the
//! plan file inside the PDF is the one written, and it reads back as the same plan with the
//! same versions.

use planner_core::rollout::project;
use planner_core::sample::random_work_plan;
use planner_core::{
    Plan, PlanFile, PlanVersion, VersionSummary, read_plan_file, sample_plan, write_plan_file,
};
use planner_report::{plan_file_in_pdf, render};
use proptest::prelude::*;

use crate::{detail, options};

/// Text in each script the report prints, and plain Latin.
fn any_script_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9][A-Za-z0-9 ,.'()-]{0,60}[A-Za-z0-9]",
        "[\u{4e00}-\u{9fa5}]{1,20}",
        "[\u{3041}-\u{3093}\u{30a1}-\u{30f3}]{1,20}",
        "[\u{ac00}-\u{d7a3}][\u{ac00}-\u{d7a3} ]{0,20}[\u{ac00}-\u{d7a3}]",
        "[\u{0627}-\u{064a}][\u{0627}-\u{064a} ]{0,30}[\u{0627}-\u{064a}]",
        "[\u{05d0}-\u{05ea}][\u{05d0}-\u{05ea} ]{0,30}[\u{05d0}-\u{05ea}]",
        "[\u{0915}-\u{0939}][\u{0915}-\u{0939}\u{093e}-\u{094d} ]{0,30}[\u{0915}-\u{0939}]",
        "[\u{0391}-\u{03c9}][\u{0391}-\u{03c9} ]{0,30}[\u{0391}-\u{03c9}]",
        "[\u{0410}-\u{044f}][\u{0410}-\u{044f} ]{0,30}[\u{0410}-\u{044f}]",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    #[test]
    fn generated_plans_come_back_from_their_pdf_as_they_went_out(
        seed in any::<u64>(),
        tasks in 0..60usize,
        title in any_script_text(),
        mitigation in any_script_text(),
        (likelihood, impact) in (1..=5u8, 1..=5u8),
        labels in proptest::collection::vec(any_script_text(), 0..3),
    ) {
        let mut plan = sample_plan();
        let inputs = plan.rollout.as_ref().expect("the sample has a rollout");
        let terms = project(&plan.profile, inputs).expect("the sample projects").terms.len();
        plan.work_plan = random_work_plan(tasks, terms as u32, seed);
        plan.title = title;
        plan.risks[0].mitigation = mitigation;
        (plan.risks[0].likelihood, plan.risks[0].impact) = (likelihood, impact);
        let versions: Vec<PlanVersion> = labels
            .into_iter()
            .enumerate()
            .map(|(i, label)| PlanVersion {
                summary: VersionSummary {
                    number: i as u32 + 1,
                    label,
                    created_at: format!("2027-03-{:02}T09:30:00.000Z", i + 1),
                },
                plan: Plan { title: format!("Draft {i}"), ..plan.clone() },
            })
            .collect();
        let text = write_plan_file(&plan, &versions);
        let pdf = render(&detail(plan.clone()), &options().with_plan_file(text.clone()))
            .expect("the plan renders")
            .bytes;
        let inside = plan_file_in_pdf(&pdf).expect("the PDF carries its plan");
        prop_assert_eq!(&inside, &text, "the plan file inside is the one written");
        prop_assert_eq!(read_plan_file(&inside), Ok(PlanFile { plan, versions }));
    }
}
