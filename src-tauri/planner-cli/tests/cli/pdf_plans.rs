//! The PDF as the plan: `mcplan import X.pdf` takes the plan a report carries, and `mcplan
//! comments X.pdf --into ID` files a committee's annotations once, per section. A PDF that is
//! not the planner's, or whose plan was changed, is refused and the store left as it was.

use std::path::PathBuf;

use super::Sandbox;
use super::plan_files::store_files;

fn annotated(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../planner-report/tests/fixtures/annotated")
        .join(name)
        .display()
        .to_string()
}

impl Sandbox {
    fn pdf(&self, id: &str, name: &str) -> String {
        let out = self.dir.path().join(name).display().to_string();
        let said = self.stdout(&["pdf", id, "--out", &out]);
        assert!(said.starts_with("Wrote "), "{said}");
        out
    }
}

#[test]
fn a_pdf_from_mcplan_pdf_imports_as_the_plan_it_shows() {
    let (sandbox, id) = Sandbox::with_demo();
    let pdf = sandbox.pdf(&id, "plan.pdf");
    let new_id = sandbox.stdout(&["import", &pdf]).trim().to_owned();
    assert_ne!(new_id, id, "the import is a new plan");
    assert_eq!(
        sandbox.json(&["show", &new_id, "--json"])["plan"],
        sandbox.json(&["show", &id, "--json"])["plan"],
        "the plan imported from the PDF is the plan the PDF was made from"
    );
}

#[test]
fn a_pdf_that_is_not_ours_or_was_changed_is_refused_and_the_store_kept() {
    let (sandbox, id) = Sandbox::with_demo();
    let pdf = std::fs::read(sandbox.pdf(&id, "plan.pdf")).expect("the PDF");
    let foreign = sandbox.dir.path().join("foreign.pdf");
    std::fs::write(&foreign, one_blank_page()).expect("write");
    let before = store_files(&sandbox.db());
    sandbox.refuses(
        &["import", &foreign.display().to_string()],
        2,
        "this PDF was not made by the Micro-credential Planner, so it holds no plan",
    );
    let truncated = sandbox.dir.path().join("truncated.pdf");
    std::fs::write(&truncated, &pdf[..pdf.len() / 3]).expect("write");
    sandbox.refuses(&["import", &truncated.display().to_string()], 2, "this PDF");
    assert_eq!(store_files(&sandbox.db()), before, "the store is unchanged");
}

#[test]
fn comments_from_an_annotated_pdf_are_filed_once_per_section() {
    let (sandbox, id) = Sandbox::with_demo();
    let pdf = annotated("by-pikepdf.pdf");
    let said = sandbox.stdout(&["comments", &pdf, "--into", &id]);
    assert_eq!(
        said.trim(),
        "Brought back 4 new comments from “by-pikepdf.pdf”: 1 on Executive summary, 2 on \
         Budget, 1 on Risks.",
        "what the window says too"
    );
    let again = sandbox.stdout(&["comments", &pdf, "--into", &id]);
    assert_eq!(again.trim(), "No new comments: all 4 were already here.");
    let review = &sandbox.json(&["show", &id, "--json"])["plan"]["review"];
    let comments = review["comments"].as_array().expect("comments");
    assert_eq!(comments.len(), 4, "filed once: {review}");
    let highlight = &comments[3];
    assert_eq!(highlight["section"], "risks");
    assert_eq!(highlight["quoted"], "4 risks, 2 of them very high");
    assert_eq!(highlight["author"], "Prof. Amal Haddad");
    assert_eq!(highlight["page"], 26);

    let before = store_files(&sandbox.db());
    let not_pdf = sandbox.dir.path().join("notes.txt");
    std::fs::write(&not_pdf, "Looks fine").expect("write");
    sandbox.refuses(
        &["comments", &not_pdf.display().to_string(), "--into", &id],
        2,
        "this is not a PDF",
    );
    sandbox.refuses(&["comments", &pdf, "--into", "99"], 2, "99");
    assert_eq!(
        store_files(&sandbox.db()),
        before,
        "refusals change nothing"
    );
    let other = sandbox.new_plan("Kept University");
    let before = store_files(&sandbox.db());
    sandbox.refuses(
        &["comments", &pdf, "--into", &other],
        2,
        "it is the report of another plan, “Industry micro-credentials: system-wide expansion \
         2027–2031” of Lakeshore State University System",
    );
    assert_eq!(
        store_files(&sandbox.db()),
        before,
        "nothing is filed on another plan"
    );
}

/// A one-page PDF as another program writes it: a catalogue, a page, and no attachment.
fn one_blank_page() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    pdf
}
