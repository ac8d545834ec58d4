//! `mcplan pdf --paper … --sections …`: the report on the paper and with the sections asked for.

use assert_cmd::prelude::*;
use planner_test_support::{outline, pdf_info};

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
