//! `mcplan pdf --paper … --sections …`: the report on the paper and with the sections asked for.

use assert_cmd::prelude::*;
use planner_test_support::{outline, pdf_info, pdf_text, position, squeeze};

use crate::Sandbox;

#[test]
fn pdf_lays_out_on_letter_with_only_the_sections_asked_for() {
    let (sandbox, id) = Sandbox::with_demo();
    let out = sandbox.dir.path().join("letter.pdf");
    sandbox
        .mcplan()
        .args([
            "pdf",
            &id,
            "--paper",
            "Letter",
            "--sections",
            "budget, profile",
        ])
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let info = pdf_info(&out);
    assert!(
        info["Page size"].contains("(letter)"),
        "US Letter pages: {}",
        info["Page size"]
    );
    let titles: Vec<String> = outline(&std::fs::read(&out).expect("the PDF"))
        .into_iter()
        .map(|(title, _)| title)
        .collect();
    assert_eq!(
        titles,
        ["Cover", "Institution profile", "Budget"],
        "the cover and the two sections, in the report's order"
    );
}

#[test]
fn an_unknown_paper_or_section_is_refused_by_name_and_nothing_is_written() {
    let (sandbox, id) = Sandbox::with_demo();
    let out = sandbox.dir.path().join("refused.pdf");
    let out = out.to_str().expect("a UTF-8 path");
    sandbox.refuses(&["pdf", &id, "--out", out, "--paper", "a3"], 2, "a3");
    let stderr = sandbox.refuses(
        &["pdf", &id, "--out", out, "--sections", "summary,annexes"],
        2,
        "annexes",
    );
    assert!(
        stderr.contains("sign_off"),
        "the message lists the sections there are: {stderr}"
    );
    assert!(
        !std::path::Path::new(out).exists(),
        "no file written for a refused command"
    );
}

#[test]
fn compare_with_adds_what_changed_since_that_version_to_the_pdf_and_the_page() {
    let (sandbox, id) = Sandbox::with_demo();
    sandbox.stdout(&["snapshot", &id, "--label", "Sent to committee, 3 March"]);
    let mut inputs = sandbox.json(&["show", &id, "--json"])["plan"]["rollout"].clone();
    inputs["uptake"]["targetRatePct"] = serde_json::json!(3);
    let inputs_file = sandbox.dir.path().join("rollout.json");
    std::fs::write(&inputs_file, inputs.to_string()).expect("write inputs");
    let inputs_file = inputs_file.display().to_string();
    sandbox.stdout(&["rollout", &id, "--inputs", &inputs_file]);

    let out = sandbox.dir.path().join("with-changes.pdf");
    let out_arg = out.display().to_string();
    sandbox.stdout(&[
        "pdf",
        &id,
        "--out",
        &out_arg,
        "--sections",
        "summary",
        "--compare-with",
        "1",
    ]);
    let titles: Vec<String> = outline(&std::fs::read(&out).expect("the PDF"))
        .into_iter()
        .map(|(title, _)| title)
        .collect();
    assert_eq!(
        titles,
        [
            "Cover",
            "Executive summary",
            "What changed since the version you reviewed"
        ],
        "the appendix follows the sections asked for"
    );
    let text = squeeze(&pdf_text(&out));
    for said in [
        "version 1, “Sent to committee, 3 March”",
        "Target uptake per term 2.5% 3%",
        "Enrolments 32,512 37,596 +5,084",
    ] {
        position(&text, said);
    }

    let page = sandbox.dir.path().join("with-changes.html");
    let page_arg = page.display().to_string();
    sandbox.stdout(&["html", &id, "--out", &page_arg, "--compare-with", "1"]);
    let html = std::fs::read_to_string(&page).expect("the page");
    assert!(
        html.contains("What changed since the version you reviewed") && html.contains("+5,084"),
        "the web page carries the same appendix"
    );
    let out_arg = sandbox.dir.path().join("none.pdf").display().to_string();
    sandbox.refuses(
        &["pdf", &id, "--out", &out_arg, "--compare-with", "7"],
        2,
        "has no version 7",
    );
}
