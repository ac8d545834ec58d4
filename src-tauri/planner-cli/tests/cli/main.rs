//! `mcplan` as a script would use it: every subcommand, on success and on bad input.

mod hostile;

use std::path::PathBuf;
use std::process::Command;

use assert_cmd::prelude::*;
use planner_test_support::pdf_text;
use predicates::prelude::*;
use serde_json::Value;

mod concurrent;
mod csv;
mod pdf_plans;
mod plan_files;
mod report_choices;
mod review;
mod rollup;
mod tasks;
mod versions;

struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Self {
        Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("store").join("plans.sqlite3")
    }

    fn mcplan(&self) -> Command {
        let mut cmd = Command::cargo_bin("mcplan").expect("mcplan is built");
        cmd.arg("--db").arg(self.db()).env_remove("MCPLAN_DB");
        cmd
    }

    fn stdout(&self, args: &[&str]) -> String {
        let out = self
            .mcplan()
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).expect("utf-8 output")
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.stdout(args)).expect("valid JSON on stdout")
    }

    /// Runs `args` with a file holding `text` appended and expects exit 2 with one line on
    /// stderr naming `named`.
    fn refuses_file(&self, args: &[&str], text: &str, named: &str) {
        let file = self.dir.path().join("refused.json");
        std::fs::write(&file, text).expect("write the file");
        let assert = self.mcplan().args(args).arg(&file).assert().code(2);
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        assert!(
            stderr.contains(named),
            "{text}: the message names {named}: {stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    }

    /// Adds the sample plan; returns its number.
    fn demo(&self) -> String {
        self.stdout(&["demo"]).trim().to_owned()
    }

    /// A fresh store holding the sample plan, with the plan's number.
    fn with_demo() -> (Self, String) {
        let sandbox = Sandbox::new();
        let id = sandbox.demo();
        (sandbox, id)
    }

    /// Exports plan `id` with `mcplan pdf` and returns the PDF's text.
    fn pdf_text(&self, id: &str) -> String {
        let out = self.dir.path().join(format!("report-{id}.pdf"));
        self.mcplan()
            .args(["pdf", id, "--out"])
            .arg(&out)
            .assert()
            .success()
            .stdout(predicate::str::contains("Wrote"));
        pdf_text(&out)
    }

    fn new_plan(&self, institution: &str) -> String {
        self.new_plan_with(institution, "Pilot 2027", &[])
    }

    /// Adds a plan with `mcplan new` and the further options `more`; returns its number.
    fn new_plan_with(&self, institution: &str, title: &str, more: &[&str]) -> String {
        let mut args = vec!["new", "--institution", institution, "--title", title];
        args.extend_from_slice(more);
        self.stdout(&args).trim().to_owned()
    }
}

const UNAM: &str = "Universidad Nacional Autónoma de México";

#[test]
fn demo_adds_the_sample_plan_and_prints_its_number() {
    let (sandbox, id) = Sandbox::with_demo();
    let plan = sandbox.json(&["show", &id, "--json"]);
    assert_eq!(plan["plan"]["profile"]["totalEnrolment"], 240_000);
    assert_eq!(plan["plan"]["profile"]["stage"], "offering");
}

#[test]
fn new_creates_a_plan_with_every_option_and_list_shows_it() {
    let sandbox = Sandbox::new();
    let more = [
        "--country",
        "mx",
        "--students",
        "370,000",
        "--stage",
        "offering",
    ];
    let id = sandbox.new_plan_with(UNAM, "Credenciales 2027", &more);
    let id: i64 = id.parse().expect("new prints a plan number");

    let list = sandbox.json(&["list", "--json"]);
    let rows = list.as_array().expect("a JSON array");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["id"], id);
    assert_eq!(rows[0]["institutionName"], UNAM);

    let plan = sandbox.json(&["show", &id.to_string(), "--json"]);
    assert_eq!(plan["plan"]["title"], "Credenciales 2027");
    assert_eq!(plan["plan"]["profile"]["country"], "MX");
    assert_eq!(plan["plan"]["profile"]["totalEnrolment"], 370_000);

    let table = sandbox.stdout(&["list"]);
    assert!(
        table.contains("Credenciales 2027") && table.contains("Autónoma"),
        "{table}"
    );
    let text = sandbox.stdout(&["show", &id.to_string()]);
    assert!(
        text.contains("Mexico (MX)") && text.contains("370,000"),
        "{text}"
    );
}

#[test]
fn list_on_an_empty_store_says_how_to_start() {
    let sandbox = Sandbox::new();
    planner_store::Store::open(&sandbox.db()).expect("an empty store");
    assert!(sandbox.stdout(&["list"]).contains("No plans yet"));
    assert_eq!(sandbox.json(&["list", "--json"]), Value::Array(vec![]));
}

#[test]
fn bad_input_to_new_exits_2_naming_the_field_and_saves_nothing() {
    let sandbox = Sandbox::new();
    let cases: &[(&[&str], &str)] = &[
        (&["--students", "-5"], "negative"),
        (&["--students", "lots"], "lots"),
        (&["--country", "XX"], "XX"),
        (&["--stage", "pondering"], "pondering"),
    ];
    for (extra, named) in cases {
        let mut args = vec!["new", "--institution", "Łódź University", "--title", "T"];
        args.extend_from_slice(extra);
        let assert = sandbox.mcplan().args(&args).assert().code(2);
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        assert!(
            stderr.contains(named),
            "message for {extra:?} names {named}: {stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    sandbox
        .mcplan()
        .args(["new", "--institution", "  ", "--title", "T"])
        .assert()
        .code(2);
    assert_eq!(
        sandbox.json(&["list", "--json"]),
        Value::Array(vec![]),
        "nothing was saved"
    );
}

#[test]
fn an_unknown_or_malformed_plan_number_exits_2_with_one_line() {
    let sandbox = Sandbox::new();
    for args in [
        vec!["show", "42", "--json"],
        vec!["show", "abc"],
        vec!["pdf", "42", "--out", "x.pdf"],
        vec!["pdf", "-3", "--out", "x.pdf"],
    ] {
        sandbox.mcplan().args(&args).assert().code(2).stderr(
            predicate::str::contains("plan").and(predicate::str::contains("panicked").not()),
        );
    }
    sandbox.mcplan().args(["frobnicate"]).assert().code(2);
}

#[test]
fn pdf_writes_a_report_whose_cover_names_the_institution_as_typed() {
    let sandbox = Sandbox::new();
    for name in ["Łódź University of Technology", "Московский университет"]
    {
        let id = sandbox.new_plan(name);
        let text = sandbox.pdf_text(&id);
        assert!(text.contains(name), "PDF text has {name}: {text}");
        assert!(text.contains("Pilot 2027"), "PDF text has the title");
    }
}

#[test]
fn pdf_into_a_missing_folder_fails_with_exit_1_and_writes_nothing() {
    let sandbox = Sandbox::new();
    let id = sandbox.new_plan("Kept University");
    let out = sandbox.dir.path().join("no-such-folder").join("r.pdf");
    sandbox
        .mcplan()
        .args(["pdf", &id, "--out"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no-such-folder"));
    assert!(!out.exists());
}

#[test]
fn html_writes_the_report_as_one_accessible_page() {
    let (sandbox, id) = Sandbox::with_demo();
    let out = sandbox.dir.path().join("report.html");
    let said = sandbox.stdout(&["html", &id, "--out", out.to_str().expect("utf-8 path")]);
    let page = std::fs::read_to_string(&out).expect("the page was written");
    assert_eq!(
        said.trim(),
        format!("Wrote {} ({} bytes)", out.display(), page.len()),
        "mcplan says where and how much"
    );
    assert!(page.contains("<h1 dir=\"auto\">Lakeshore State University System</h1>"));
    assert!(page.contains("<h2 id=\"section-1-title\">Executive summary</h2>"));
    assert!(page.contains("<h2 id=\"section-2-title\">Institution profile</h2>"));
    assert!(!page.contains("<script"), "no script");
    let letter = sandbox.dir.path().join("letter.html");
    sandbox.stdout(&[
        "html",
        &id,
        "--out",
        letter.to_str().expect("utf-8 path"),
        "--paper",
        "letter",
        "--sections",
        "budget",
    ]);
    let page = std::fs::read_to_string(&letter).expect("the page was written");
    assert!(page.contains("@page { size: letter;"), "on US Letter");
    assert!(
        page.contains(">Budget</h2>") && !page.contains(">Institution profile</h2>"),
        "only the budget section"
    );
    sandbox
        .mcplan()
        .args(["html", &id, "--out", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "give a file name such as plan.html",
        ));
}

#[test]
fn the_store_can_be_chosen_with_mcplan_db() {
    let sandbox = Sandbox::new();
    let db = sandbox.dir.path().join("env.sqlite3");
    let mut cmd = Command::cargo_bin("mcplan").expect("built");
    cmd.env("MCPLAN_DB", &db).args(["demo"]).assert().success();
    assert!(db.exists(), "MCPLAN_DB names the store file");
}

#[test]
fn a_store_from_a_newer_planner_exits_1_and_is_left_alone() {
    let sandbox = Sandbox::new();
    sandbox.stdout(&["demo"]);
    let db = sandbox.db();
    {
        let conn = rusqlite::Connection::open(&db).expect("open store");
        conn.pragma_update(None, "user_version", 999)
            .expect("pretend a newer planner wrote it");
    }
    sandbox
        .mcplan()
        .args(["list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("newer version"));
}

fn statements(area: &str) -> usize {
    planner_core::assessment::guide()
        .areas
        .iter()
        .find(|a| a.key.key() == area)
        .map(|a| a.statements.len())
        .expect("known area")
}

#[test]
fn assess_sets_answers_from_a_file_and_show_reports_the_same_scores() {
    let sandbox = Sandbox::new();
    let id = sandbox.new_plan("Łódź University of Technology");
    let mut awareness = vec![Value::from(4); statements("awareness")];
    awareness[1] = Value::Null;
    let file = sandbox.dir.path().join("answers.json");
    let answers = serde_json::json!({
        "awareness": awareness,
        "resources": vec![1; statements("resources")],
    });
    std::fs::write(&file, answers.to_string()).expect("write answers");

    let printed = sandbox.stdout(&["assess", &id, "--answers", file.to_str().expect("utf-8")]);
    assert!(printed.contains("Resource allocation"), "{printed}");

    let plan = sandbox.json(&["show", &id, "--json"]);
    let stored = &plan["plan"]["assessment"]["responses"];
    assert_eq!(
        stored["awareness"]["answers"][1], "dont_know",
        "null in the file means don't know"
    );
    let areas = plan["assessmentResult"]["areas"].as_array().expect("areas");
    let score = |key: &str| {
        areas
            .iter()
            .find(|a| a["area"] == key)
            .map(|a| a["score"].clone())
            .expect("area")
    };
    assert_eq!(score("resources"), 0, "all ones: the largest obstacle");
    assert_eq!(
        score("awareness"),
        75,
        "all fours with one don't know: (4−1)/4"
    );
    assert_eq!(
        score("quality"),
        Value::Null,
        "areas left out stay unscored"
    );
    assert_eq!(plan["assessmentResult"]["ranking"][0], "resources");
    assert!(
        printed.contains(" 75/100") && printed.contains("  0/100"),
        "{printed}"
    );

    let only_quality = sandbox.dir.path().join("quality.json");
    let quality = serde_json::json!({ "quality": vec![5; statements("quality")] });
    std::fs::write(&only_quality, quality.to_string()).expect("write");
    sandbox.stdout(&[
        "assess",
        &id,
        "--answers",
        only_quality.to_str().expect("utf-8"),
    ]);
    let plan = sandbox.json(&["show", &id, "--json"]);
    assert_eq!(
        plan["plan"]["assessment"]["responses"]["resources"]["answers"][0], 1,
        "areas left out of a later file keep their answers"
    );
}

#[test]
fn a_wrong_answers_file_exits_2_naming_the_area_and_statement_and_changes_nothing() {
    let sandbox = Sandbox::new();
    let id = sandbox.new_plan("Kept University");
    let good = serde_json::json!({ "resources": vec![3; statements("resources")] });
    let good_file = sandbox.dir.path().join("good.json");
    std::fs::write(&good_file, good.to_string()).expect("write");
    sandbox.stdout(&[
        "assess",
        &id,
        "--answers",
        good_file.to_str().expect("utf-8"),
    ]);
    let before = sandbox.json(&["show", &id, "--json"]);

    let mut out_of_range = vec![Value::from(3); statements("faculty_buy_in")];
    out_of_range[2] = Value::from(6);
    let cases = [
        (
            serde_json::json!({ "funding": [1, 2, 3] }).to_string(),
            "funding",
        ),
        (
            serde_json::json!({ "quality": [1, 2] }).to_string(),
            "quality",
        ),
        (
            serde_json::json!({ "faculty_buy_in": out_of_range }).to_string(),
            "statement 3",
        ),
        (
            serde_json::json!({
                "resources": vec![1; statements("resources")],
                "awareness": ["high"],
            })
            .to_string(),
            "awareness",
        ),
        ("{ not json".to_owned(), "not valid JSON"),
    ];
    for (text, named) in cases {
        sandbox.refuses_file(&["assess", &id, "--answers"], &text, named);
    }
    let missing = sandbox.dir.path().join("absent.json");
    sandbox
        .mcplan()
        .args(["assess", &id, "--answers"])
        .arg(&missing)
        .assert()
        .code(2);
    assert_eq!(
        sandbox.json(&["show", &id, "--json"]),
        before,
        "nothing changed"
    );
}

#[test]
fn rollout_starts_from_typical_assumptions_and_takes_edited_inputs_from_a_file() {
    let sandbox = Sandbox::new();
    let id = sandbox.new_plan_with(UNAM, "Credenciales", &["--students", "370,000"]);
    let plan = sandbox.json(&["show", &id, "--json"]);
    assert_eq!(plan["projection"]["status"], "not_started");

    let printed = sandbox.stdout(&["rollout", &id, "--starter"]);
    assert!(
        printed.contains("Rollout plan") && printed.contains("0 credentials"),
        "{printed}"
    );
    let plan = sandbox.json(&["show", &id, "--json"]);
    assert_eq!(plan["projection"]["status"], "projected");

    let demo = sandbox.demo();
    let sample = sandbox.json(&["show", &demo, "--json"]);
    let mut inputs = sample["plan"]["rollout"].clone();
    // Three years of two semesters: six terms, so the phases move in.
    inputs["horizonYears"] = Value::from(3);
    inputs["phases"]["scaleStartTerm"] = Value::from(3);
    inputs["phases"]["sustainStartTerm"] = Value::from(5);
    let file = sandbox.dir.path().join("rollout.json");
    std::fs::write(&file, inputs.to_string()).expect("write inputs");
    sandbox.stdout(&["rollout", &id, "--inputs", file.to_str().expect("utf-8")]);
    let plan = sandbox.json(&["show", &id, "--json"]);
    let result = &plan["projection"]["result"];
    assert_eq!(plan["plan"]["rollout"]["horizonYears"], 3);
    assert!(
        result["uptake"]["totals"]["enrolments"]
            .as_f64()
            .expect("number")
            > 0.0
    );
    let text = sandbox.stdout(&["show", &id]);
    assert!(text.contains("10 credentials"), "{text}");
}

#[test]
fn wrong_rollout_inputs_exit_2_naming_the_field_and_change_nothing() {
    let (sandbox, id) = Sandbox::with_demo();
    let before = sandbox.json(&["show", &id, "--json"]);
    let inputs = before["plan"]["rollout"].clone();

    let mut too_long = inputs.clone();
    too_long["horizonYears"] = Value::from(11);
    let mut negative_hours = inputs.clone();
    negative_hours["credentials"][0]["learningHours"] = Value::from(-20);
    let mut rate = inputs.clone();
    rate["uptake"]["completionRatePct"] = Value::from(140);
    let cases = [
        (too_long.to_string(), "horizonYears"),
        (negative_hours.to_string(), "credentials.0.learningHours"),
        (rate.to_string(), "uptake.completionRatePct"),
        ("{\"horizonYears\": 3".to_owned(), "not valid JSON"),
    ];
    for (text, named) in cases {
        sandbox.refuses_file(&["rollout", &id, "--inputs"], &text, named);
    }
    sandbox.mcplan().args(["rollout", &id]).assert().code(2);
    assert_eq!(
        sandbox.json(&["show", &id, "--json"]),
        before,
        "nothing changed"
    );
}

/// The figure `show` prints after `label`, up to the line's end.
fn shown(text: &str, label: &str) -> String {
    text.lines()
        .find_map(|line| line.trim().strip_prefix(label))
        .unwrap_or_else(|| panic!("`show` prints {label:?}: {text}"))
        .trim()
        .to_owned()
}

#[test]
fn show_prints_figures_and_dates_as_the_pdf_does() {
    let (sandbox, id) = Sandbox::with_demo();
    let text = sandbox.stdout(&["show", &id]);
    let pdf = planner_test_support::squeeze(&sandbox.pdf_text(&id));

    let cost = shown(&text, "Total cost:");
    assert!(cost.starts_with("US$"), "dollars as US$: {cost}");
    planner_test_support::position(&pdf, &cost);
    planner_test_support::position(&pdf, &shown(&text, "Total benefit:"));
    let enrolments = shown(&text, "Enrolments:");
    assert!(enrolments.contains(','), "thousands grouped: {enrolments}");
    planner_test_support::position(&pdf, &enrolments);
    // The ranges follow the expected figures, as in the PDF's executive summary.
    let ranges = text
        .split_once("Ranges from 5,000 draws (P10 – P90):")
        .map(|(_, ranges)| ranges)
        .unwrap_or_else(|| panic!("`show` prints the ranges: {text}"));
    for label in [
        "Enrolments:",
        "Completions:",
        "Credits awarded:",
        "Net cost:",
        "Payback:",
    ] {
        let range = shown(ranges, label);
        assert!(range.contains(" – "), "{label} from P10 to P90: {range}");
        planner_test_support::position(&pdf, &range);
    }
    let period = shown(&text, "Rollout plan");
    let (start, _) = period.split_once(" to ").expect("a period");
    assert!(
        start.split(' ').nth(1).is_some_and(|month| month.len() > 3),
        "the month in words: {start}"
    );
    planner_test_support::position(&pdf, start);
}
