//! The plan file inside the PDF, as other tools see it: poppler's `pdfdetach` lists it under
//! the plan's title and saves it byte for byte, qpdf finds the file sound, and it costs the
//! PDF no more than the plan file compressed.

use std::process::Command;

use planner_core::write_plan_file;
use planner_report::render;

use crate::{options, plan_for, sample};

fn run(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("could not run `{tool}` ({e}); install poppler-utils and qpdf"));
    assert!(
        output.status.success(),
        "`{tool} {args:?}` failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn zlib_size(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("compressed in memory");
    encoder.finish().expect("compressed in memory").len()
}

#[test]
fn the_pdf_carries_its_plan_file_under_the_plan_title_byte_for_byte() {
    let plan = sample();
    let text = write_plan_file(&plan.stored.plan, &[]);
    let report = render(&plan, &options().with_plan_file(text.clone())).expect("rendered");
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("report.pdf");
    std::fs::write(&pdf, &report.bytes).expect("written");
    let pdf = pdf.to_str().expect("a UTF-8 temp path");

    let listed = run("pdfdetach", &["-list", pdf]);
    let expected_name = "Industry micro-credentials system-wide expansion 2027 2031.mcplan";
    assert_eq!(
        listed.trim(),
        format!("1 embedded files\n1: {expected_name}"),
        "one attachment, named after the plan's title"
    );
    let saved = dir.path().join("saved.mcplan");
    run(
        "pdfdetach",
        &["-save", "1", "-o", saved.to_str().expect("UTF-8"), pdf],
    );
    assert_eq!(
        std::fs::read_to_string(&saved).expect("saved attachment"),
        text,
        "the attachment is the plan file exactly"
    );
    let checked = run("qpdf", &["--check", pdf]);
    assert!(
        checked.contains("No syntax or stream encoding errors found"),
        "qpdf finds the file sound: {checked}"
    );
}

#[test]
fn the_attachment_costs_no_more_than_the_compressed_plan_file() {
    let plan = sample();
    let text = write_plan_file(&plan.stored.plan, &[]);
    let without = render(&plan, &options()).expect("rendered").bytes.len();
    let with = render(&plan, &options().with_plan_file(text.clone()))
        .expect("rendered")
        .bytes
        .len();
    let compressed = zlib_size(text.as_bytes());
    // Around it: the file specification, the name tree, the checksums and their entries in
    // the cross-reference table, under a kilobyte together.
    assert!(
        with - without <= compressed + 1_000,
        "the PDF grew by {} bytes for a plan file of {} bytes ({compressed} compressed)",
        with - without,
        text.len()
    );
}

#[test]
fn a_title_in_any_script_names_the_attachment_as_typed() {
    let plan = plan_for("Łódź University of Technology", "PL");
    let mut stored = plan.stored.clone();
    stored.plan.title = "Pilotaż mikropoświadczeń 2027".to_owned();
    let plan = stored.detail();
    let text = write_plan_file(&plan.stored.plan, &[]);
    let report = render(&plan, &options().with_plan_file(text)).expect("rendered");
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("report.pdf");
    std::fs::write(&pdf, &report.bytes).expect("written");
    let listed = run("pdfdetach", &["-list", pdf.to_str().expect("UTF-8")]);
    assert!(
        listed.contains("1: Pilotaż mikropoświadczeń 2027.mcplan"),
        "the attachment keeps the title's letters: {listed}"
    );
}
