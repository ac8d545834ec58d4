//! `mcplan rollup`: two campus plans side by side, printed, as CSV and as a PDF.

use assert_cmd::prelude::*;
use planner_test_support::{pdf_text, squeeze};
use serde_json::Value;

use super::Sandbox;

impl Sandbox {
    /// The sample plan again as another campus, starting a year later; returns its number.
    fn later_campus(&self, id: &str, name: &str) -> String {
        let file = self.dir.path().join("campus.mcplan");
        self.stdout(&["export", id, "--out", &file.display().to_string()]);
        let mut plan: Value =
            serde_json::from_slice(&std::fs::read(&file).expect("read")).expect("a plan file");
        plan["plan"]["profile"]["name"] = name.into();
        plan["plan"]["rollout"]["startDate"] = "2027-09-01".into();
        std::fs::write(&file, plan.to_string()).expect("write");
        self.stdout(&["import", &file.display().to_string()])
            .trim()
            .to_owned()
    }
}

#[test]
fn two_campuses_are_printed_written_as_csv_and_as_a_pdf() {
    let (sandbox, first) = Sandbox::with_demo();
    let second = sandbox.later_campus(&first, "Harbour Campus");
    let printed = sandbox.stdout(&["rollup", &first, &second]);
    assert!(
        printed.starts_with("Roll-up of 2 plans\n  FY2027 "),
        "{printed}"
    );
    assert!(
        printed.contains("FY2032 ") && printed.contains("(partly covered)"),
        "{printed}"
    );
    assert!(printed.contains("Harbour Campus — "), "{printed}");
    assert!(printed.contains("Top challenges: "), "{printed}");

    let csv = sandbox.dir.path().join("rollup.csv");
    let said = sandbox.stdout(&[
        "rollup",
        &first,
        &second,
        "--csv",
        &csv.display().to_string(),
    ]);
    assert!(said.starts_with("Wrote "), "{said}");
    let rows = super::csv::read_with_python(&csv);
    assert_eq!(rows[0][0], "Fiscal year");
    assert_eq!(
        rows[1][..2],
        ["FY2027", "Lakeshore State University System"]
    );
    assert_eq!(rows[2][..2], ["FY2027", "All campuses"]);
    let last = rows.last().expect("the grand total");
    assert_eq!(last[..2], ["All years", "All campuses"]);
    assert_eq!(last[11], "USD");

    let pdf = sandbox.dir.path().join("rollup.pdf");
    let said = sandbox.stdout(&[
        "rollup",
        &first,
        &second,
        "--pdf",
        &pdf.display().to_string(),
    ]);
    assert!(
        said.starts_with("Wrote ") && said.contains(" pages, "),
        "{said}"
    );
    let text = squeeze(&pdf_text(&pdf));
    for words in [
        "Roll-up of micro-credential adoption plans",
        "2 campus plans side by side",
        "Totals by fiscal year",
        "Each campus at a glance",
        "Each campus's top challenges",
        "How the plans are put side by side",
        "Harbour Campus",
        "Partly covered: FY2027, FY2032.",
    ] {
        assert!(text.contains(words), "the PDF says “{words}”: {text}");
    }

    let html = sandbox.dir.path().join("rollup.html");
    let said = sandbox.stdout(&[
        "rollup",
        &first,
        &second,
        "--html",
        &html.display().to_string(),
    ]);
    assert!(said.starts_with("Wrote "), "{said}");
    let page = std::fs::read_to_string(&html).expect("the page is there");
    assert!(
        page.contains("<table") && page.contains("Harbour Campus"),
        "{page}"
    );
    assert!(
        page.contains("Totals by fiscal year"),
        "the page has the PDF's sections"
    );
}

#[test]
fn one_plan_or_the_same_plan_twice_is_refused_in_one_line() {
    let (sandbox, id) = Sandbox::with_demo();
    for (args, message) in [
        (
            vec!["rollup", &id],
            "mcplan: A roll-up needs two plans or more; 1 given",
        ),
        (
            vec!["rollup", &id, &id],
            "mcplan: Plan number 1 is given twice",
        ),
    ] {
        let refused = sandbox.mcplan().args(&args).assert().code(2);
        let stderr = String::from_utf8_lossy(&refused.get_output().stderr).into_owned();
        assert_eq!(stderr.trim(), message);
    }
}
