use serde_json::{Value, json};

use super::*;
use crate::sample_plan;

fn sample_file() -> Value {
    serde_json::from_str(&write_plan_file(&sample_plan(), &[])).expect("the written file is JSON")
}

fn refusal_of_text(text: &str) -> String {
    let message = read_plan_file(text).expect_err("the file is refused").0;
    assert!(!message.contains('\n'), "one line: {message}");
    message
}

fn refusal(file: &Value) -> String {
    refusal_of_text(&file.to_string())
}

fn assert_says(message: &str, expected: &str) {
    assert!(
        message.contains(expected),
        "expected the refusal to say {expected:?}, it said {message:?}"
    );
}

#[test]
fn the_sample_plan_comes_back_as_it_went_out() {
    let plan = sample_plan();
    assert!(
        !plan.work_plan.tasks.is_empty(),
        "the sample has a work plan"
    );
    assert!(
        !plan.risks.is_empty() && !plan.kpis.is_empty(),
        "risks and KPIs"
    );
    let text = write_plan_file(&plan, &[]);
    assert!(
        text.starts_with("{\n  \"format\": \"mcplan\",\n  \"version\": 2,"),
        "{text:.60}"
    );
    assert_eq!(read_plan_file(&text).map(|f| f.plan), Ok(plan.clone()));
    let with_bom = format!("\u{FEFF}{text}");
    assert_eq!(
        read_plan_file(&with_bom).map(|f| f.plan),
        Ok(plan),
        "a byte-order mark is skipped"
    );
}

#[test]
fn text_that_is_not_json_or_is_cut_short_is_refused_with_its_line() {
    assert_says(&refusal_of_text("hello"), "not valid JSON");
    let text = write_plan_file(&sample_plan(), &[]);
    let cut = &text[..text.len() / 2];
    let message = refusal_of_text(cut);
    assert_says(&message, "not valid JSON");
    assert_says(&message, "line ");
    assert_says(&refusal_of_text(&format!("{text} {{}}")), "not valid JSON");
}

#[test]
fn a_file_of_another_kind_or_a_newer_version_is_refused() {
    assert_says(&refusal(&json!([1, 2])), "not a plan file");
    let mut file = sample_file();
    file["format"] = json!("excel");
    assert_says(&refusal(&file), "format: not a plan file");
    file.as_object_mut().expect("object").remove("format");
    assert_says(&refusal(&file), "format: missing");
    let mut file = sample_file();
    file["version"] = json!(3);
    assert_says(&refusal(&file), "made by a newer version of the planner");
    file["version"] = json!(0);
    assert_says(
        &refusal(&file),
        "version: the format version is a whole number from 1",
    );
}

#[test]
fn a_missing_or_wrongly_typed_field_is_named_by_its_place() {
    let mut file = sample_file();
    file["plan"]
        .as_object_mut()
        .expect("plan")
        .remove("profile");
    assert_says(&refusal(&file), "plan: missing field `profile`");
    let mut file = sample_file();
    file["plan"]["risks"][1]["likelihood"] = json!("often");
    assert_says(&refusal(&file), "plan.risks[1].likelihood: invalid type");
}

#[test]
fn an_unknown_key_anywhere_is_refused_with_the_nearest_known_one() {
    let mut file = sample_file();
    file["plan"]["workPlan"]["tasks"][2]["durationWeks"] = json!(3);
    assert_eq!(
        refusal(&file),
        "plan.workPlan.tasks[2].durationWeks: unknown key “durationWeks”; did you mean \
         “durationWeeks”?"
    );
    let mut file = sample_file();
    file["comment"] = json!("hi");
    assert_says(&refusal(&file), "comment: unknown key “comment”");
}

#[test]
fn a_key_given_twice_is_refused_even_where_serde_would_keep_the_last() {
    let text = write_plan_file(&sample_plan(), &[]);
    let twice = text.replacen("\"responses\": {", "\"responses\": {\"digital\": {}, ", 1);
    let twice = twice.replacen("\"digital\": {}, ", "\"digital\": {}, \"digital\": {}, ", 1);
    let message = refusal_of_text(&twice);
    assert_says(&message, "the key “digital” is given twice");
    assert_says(&message, "plan.assessment.responses");
}

#[test]
fn a_value_out_of_range_is_refused_as_the_edit_would_refuse_it() {
    let mut file = sample_file();
    file["plan"]["risks"][0]["impact"] = json!(9);
    assert_says(
        &refusal(&file),
        "plan.risks[0].impact: Risk 1: the impact must be 1 to 5, not 9",
    );
    let mut file = sample_file();
    file["plan"]["workPlan"]["tasks"][0]["durationWeeks"] = json!(5000);
    assert_says(&refusal(&file), "plan.workPlan.tasks[0].durationWeeks:");
    let mut file = sample_file();
    file["plan"]["profile"]["name"] = json!("Lakeshore \u{202E}fdp.exe");
    assert_says(&refusal(&file), "hidden character (U+202E)");
}

#[test]
fn many_problems_are_listed_three_at_a_time_on_one_line() {
    let mut file = sample_file();
    for i in 0..5 {
        file["plan"]["workPlan"]["tasks"][i]["durationWeeks"] = json!(-1);
    }
    let message = refusal(&file);
    assert_says(&message, "plan.workPlan.tasks[2].durationWeeks: ");
    assert!(message.ends_with("; and 2 more problems"), "{message}");
}

#[test]
fn a_dependency_cycle_and_duplicate_task_ids_are_refused() {
    let file = sample_file();
    let tasks = &file["plan"]["workPlan"]["tasks"];
    let (first, second) = (tasks[0]["id"].clone(), tasks[1]["id"].clone());
    let mut cycle = file.clone();
    let deps = cycle["plan"]["workPlan"]["dependencies"]
        .as_array_mut()
        .expect("dependencies");
    deps.push(json!({"predecessor": first, "successor": second, "lagWeeks": 0}));
    deps.push(json!({"predecessor": second, "successor": first, "lagWeeks": 0}));
    let message = refusal(&cycle);
    assert_says(&message, "plan.workPlan");
    assert_says(&message, "wait for one another in a circle");
    let mut twice = file.clone();
    twice["plan"]["workPlan"]["tasks"][1]["id"] = first;
    assert_says(&refusal(&twice), "plan.workPlan.tasks[1].id");
}

#[test]
fn nesting_past_the_format_and_size_past_the_cap_are_refused_before_parsing() {
    let deep = "[".repeat(100_000);
    assert_says(&refusal_of_text(&deep), "nested more than 20 levels deep");
    let big = format!("\"{}\"", "x".repeat(MAX_PLAN_FILE_BYTES as usize));
    assert_says(&refusal_of_text(&big), "larger than 16,777,216 bytes");
}

#[test]
fn a_raw_control_character_in_a_string_is_refused() {
    let text = write_plan_file(&sample_plan(), &[]).replacen("Lakeshore", "Lake\u{1b}shore", 1);
    assert_says(&refusal_of_text(&text), "not valid JSON: control character");
}

mod generated {
    use proptest::prelude::*;

    use super::*;
    use crate::rollout::project;
    use crate::sample::random_work_plan;
    use crate::version::{PlanVersion, VersionSummary};

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// Plans with a random work plan, a title and risk texts in any script, any risk
        /// ratings and versions with labels in any script come back from their file exactly
        /// as they went out, and write the same file again.
        #[test]
        fn generated_plans_come_back_as_they_went_out(
            seed in any::<u64>(),
            tasks in 0..80usize,
            title in "[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{P} ]{0,80}[\\p{L}\\p{N}]",
            mitigation in "[\\p{L}\\p{N}\\p{P} ]{0,300}[\\p{L}]",
            (likelihood, impact) in (1..=5u8, 1..=5u8),
            labels in proptest::collection::vec("[\\p{L}\\p{N}]([\\p{L}\\p{N}\\p{P} ]{0,60}[\\p{L}\\p{N}])?", 0..3),
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
                        number: 2 * i as u32 + 1,
                        label,
                        created_at: format!("2027-03-{:02}T09:30:00.000Z", i + 1),
                    },
                    plan: Plan { title: format!("Draft {i}"), ..plan.clone() },
                })
                .collect();
            let text = write_plan_file(&plan, &versions);
            let read = read_plan_file(&text);
            prop_assert_eq!(&read, &Ok(PlanFile { plan, versions }));
            let again = read.map(|f| write_plan_file(&f.plan, &f.versions));
            prop_assert_eq!(again, Ok(text), "written again, the file is the same");
        }
    }
}

mod schema {
    use serde_json::{Value, json};

    use crate::sample::large_plan;
    use crate::{PlanVersion, VersionSummary, plan_file_schema, read_plan_file, sample_plan};

    fn validator() -> jsonschema::Validator {
        let schema: Value = serde_json::from_str(&plan_file_schema()).expect("the schema is JSON");
        jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
    }

    fn file_with_a_version() -> Value {
        let plan = sample_plan();
        let version = PlanVersion {
            summary: VersionSummary {
                number: 1,
                label: "Sent to committee, 3 March".to_owned(),
                created_at: "2027-03-03T09:15:00Z".to_owned(),
            },
            plan: plan.clone(),
        };
        serde_json::from_str(&super::write_plan_file(&plan, &[version])).expect("JSON")
    }

    /// What a case calls the change, and the change made to a file the planner wrote.
    type Mutation = (&'static str, fn(&mut Value));

    fn problems(validator: &jsonschema::Validator, file: &Value) -> Vec<String> {
        validator.iter_errors(file).map(|e| e.to_string()).collect()
    }

    #[test]
    fn plan_files_the_planner_writes_meet_the_schema() {
        let validator = validator();
        let sample = file_with_a_version();
        assert_eq!(
            problems(&validator, &sample),
            Vec::<String>::new(),
            "the sample"
        );
        let large: Value =
            serde_json::from_str(&super::write_plan_file(&large_plan(), &[])).expect("JSON");
        assert_eq!(
            problems(&validator, &large),
            Vec::<String>::new(),
            "the large plan"
        );
    }

    #[test]
    fn what_the_reader_refuses_the_schema_refuses_too() {
        let validator = validator();
        let cases: [Mutation; 5] = [
            ("an unknown key deep in the plan", |f| {
                f["plan"]["risks"][0]["colour"] = json!("red");
            }),
            ("a stage that is not one", |f| {
                f["plan"]["profile"]["stage"] = json!("thinking_about_it");
            }),
            ("a missing title", |f| {
                f["plan"].as_object_mut().expect("plan").remove("title");
            }),
            ("a newer format version", |f| f["version"] = json!(3)),
            ("a version without its label", |f| {
                f["versions"][0]
                    .as_object_mut()
                    .expect("a version")
                    .remove("label");
            }),
        ];
        for (what, change) in cases {
            let mut file = file_with_a_version();
            change(&mut file);
            assert!(!validator.is_valid(&file), "the schema refuses {what}");
            assert!(
                read_plan_file(&file.to_string()).is_err(),
                "the reader refuses {what} too"
            );
        }
    }
}
