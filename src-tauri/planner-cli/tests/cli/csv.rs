//! `mcplan csv`: each table opens in a spreadsheet reader as the header and rows it should, and
//! a title that looks like a formula stays text.

use std::path::Path;
use std::process::Command;

use assert_cmd::prelude::*;
use serde_json::Value;

use super::Sandbox;

/// The rows of `file` as Python's csv module reads them (the reader a spreadsheet import or a
/// data script would use), each row a list of cells.
pub(crate) fn read_with_python(file: &Path) -> Vec<Vec<String>> {
    let script = "import csv, json, sys\n\
                  with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n    \
                  print(json.dumps(list(csv.reader(f, strict=True))))";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(file)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "Python's csv module reads {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the rows as JSON")
}

impl Sandbox {
    fn csv(&self, id: &str, table: &str) -> Vec<Vec<String>> {
        let out = self.dir.path().join(format!("{table}.csv"));
        let said = self.stdout(&[
            "csv",
            id,
            "--table",
            table,
            "--out",
            &out.display().to_string(),
        ]);
        assert!(said.starts_with("Wrote "), "{said}");
        let bytes = std::fs::read(&out).expect("the file is there");
        assert!(
            bytes.starts_with(b"\xEF\xBB\xBF"),
            "UTF-8 with a byte-order mark"
        );
        read_with_python(&out)
    }
}

#[test]
fn every_table_reads_back_with_its_header_and_rows() {
    let (sandbox, id) = Sandbox::with_demo();
    let shown = sandbox.json(&["show", &id, "--json"]);
    let terms = shown["projection"]["result"]["terms"]
        .as_array()
        .expect("present")
        .len();
    let years = shown["projection"]["result"]["fiscalYears"]
        .as_array()
        .expect("present")
        .len();
    let tasks = shown["plan"]["workPlan"]["tasks"]
        .as_array()
        .expect("present")
        .len();
    let risks = shown["plan"]["risks"].as_array().expect("present").len();
    for (table, first_heading, rows) in [
        ("uptake", "Term", terms),
        ("budget", "Fiscal year", years),
        ("schedule", "Task", tasks),
        ("risks", "Risk", risks),
        ("kpis", "KPI", 6),
    ] {
        let read = sandbox.csv(&id, table);
        assert_eq!(
            read[0][0], first_heading,
            "{table}: the header row comes first"
        );
        assert_eq!(read.len(), 1 + rows, "{table}: a header and {rows} rows");
        let width = read[0].len();
        assert!(
            read.iter().all(|row| row.len() == width),
            "{table}: every row has the header's {width} cells"
        );
    }
    let budget = sandbox.csv(&id, "budget");
    let total_cost: f64 = budget[1..]
        .iter()
        .map(|r| r[12].parse::<f64>().expect("a number"))
        .sum();
    let expected = shown["projection"]["result"]["budget"]["totalCost"]
        .as_f64()
        .expect("present");
    assert_eq!(budget[0][12], "Total cost (USD)");
    assert!(
        (total_cost - expected).abs() < 0.01 * budget.len() as f64,
        "the yearly costs add up to the plan's total cost {expected}, got {total_cost}"
    );
}

#[test]
fn a_formula_in_a_task_title_reads_back_as_text_and_any_script_as_typed() {
    let (sandbox, id) = Sandbox::with_demo();
    let file = sandbox.dir.path().join("plan.mcplan");
    sandbox.stdout(&["export", &id, "--out", &file.display().to_string()]);
    let mut plan: Value =
        serde_json::from_slice(&std::fs::read(&file).expect("present")).expect("present");
    let tasks = &mut plan["plan"]["workPlan"]["tasks"];
    tasks[0]["title"] = "=HYPERLINK(\"http://example.com\",\"Click\")".into();
    tasks[1]["title"] = "Senat, Łódź — 東京 «approval»".into();
    std::fs::write(&file, serde_json::to_string(&plan).expect("present")).expect("present");
    let imported = sandbox.stdout(&["import", &file.display().to_string()]);
    let rows = sandbox.csv(imported.trim(), "schedule");
    assert_eq!(
        rows[1][0], "'=HYPERLINK(\"http://example.com\",\"Click\")",
        "the formula is kept as text behind an apostrophe"
    );
    assert_eq!(rows[2][0], "Senat, Łódź — 東京 «approval»");
}

#[test]
fn an_unknown_table_or_a_plan_without_a_rollout_is_refused_in_one_line() {
    let (sandbox, id) = Sandbox::with_demo();
    let out = sandbox.dir.path().join("t.csv").display().to_string();
    let refused = sandbox
        .mcplan()
        .args(["csv", &id, "--table", "costs", "--out", &out])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&refused.get_output().stderr).into_owned();
    assert_eq!(
        stderr.trim(),
        "mcplan: --table \"costs\": the table is one of uptake, budget, schedule, risks, kpis"
    );
    let bare = sandbox
        .stdout(&["new", "--institution", "Campus", "--title", "Bare"])
        .trim()
        .to_owned();
    let refused = sandbox
        .mcplan()
        .args(["csv", &bare, "--table", "budget", "--out", &out])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&refused.get_output().stderr).into_owned();
    assert!(stderr.contains("no budget yet"), "{stderr}");
    assert!(!Path::new(&out).exists(), "nothing is written");
}
