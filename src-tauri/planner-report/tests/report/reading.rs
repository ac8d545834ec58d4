//! Reading back a PDF this planner made: its plan (imports as the plan it was exported from,
//! refused when it is not ours or was changed) and the comments a committee added in real
//! PDF tools (fixtures made with pikepdf and MuPDF: see `tests/fixtures/annotated/`).

use std::path::PathBuf;

use chrono::NaiveDate;
use lopdf::{Object, Stream, dictionary};
use planner_core::report::ReportSection;
use planner_core::review::{CommentOrigin, Review, ReviewEdit};
use planner_core::{read_plan_file, write_plan_file};
use planner_report::{
    Error, PdfCommentKind, comments_in_pdf, is_pdf, plan_file_in_pdf, render,
    review_comments_in_pdf,
};

use crate::{options, sample};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/annotated")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

fn sample_pdf_with_plan() -> (Vec<u8>, String) {
    let plan = sample();
    let text = write_plan_file(&plan.stored.plan, &[]);
    let bytes = render(&plan, &options().with_plan_file(text.clone()))
        .expect("rendered")
        .bytes;
    (bytes, text)
}

/// `pdf` with its attached plan file replaced by `text`, and, when `fix_checksum`, the
/// attachment's own MD5 checksum recomputed as an editing tool would.
fn with_plan_replaced(pdf: &[u8], text: &str, fix_checksum: bool) -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(pdf).expect("our own PDF loads");
    let id = doc
        .objects
        .iter()
        .find(|(_, o)| matches!(o, Object::Stream(s) if s.dict.has_type(b"EmbeddedFile")))
        .map(|(id, _)| *id)
        .expect("an embedded file");
    let mut dict = doc
        .get_object(id)
        .and_then(Object::as_stream)
        .expect("stream")
        .dict
        .clone();
    dict.remove(b"Filter");
    if fix_checksum {
        let sum = md5_hex_bytes(text.as_bytes());
        let mut params = dict
            .get(b"Params")
            .and_then(Object::as_dict)
            .expect("params")
            .clone();
        params.set(
            "CheckSum",
            Object::String(sum, lopdf::StringFormat::Hexadecimal),
        );
        dict.set("Params", params);
    }
    doc.objects.insert(
        id,
        Object::Stream(Stream::new(dict, text.as_bytes().to_vec())),
    );
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("saved");
    out
}

fn md5_hex_bytes(bytes: &[u8]) -> Vec<u8> {
    let output = std::process::Command::new("md5sum")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().expect("stdin").write_all(bytes)?;
            child.wait_with_output()
        })
        .expect("md5sum runs");
    let hex = String::from_utf8(output.stdout).expect("hex");
    (0..16)
        .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).expect("hex digit"))
        .collect()
}

#[test]
fn a_pdf_imports_as_the_plan_it_was_exported_from() {
    let (pdf, text) = sample_pdf_with_plan();
    assert!(is_pdf(&pdf));
    let taken = plan_file_in_pdf(&pdf).expect("the plan inside");
    assert_eq!(taken, text, "the plan file comes out exactly as it went in");
    let plan = read_plan_file(&taken).expect("a sound plan file").plan;
    assert_eq!(
        plan,
        sample().stored.plan,
        "PDF → import gives the plan that was exported"
    );
}

#[test]
fn the_plan_survives_annotation_by_other_tools() {
    for name in ["by-pikepdf.pdf", "by-mupdf.pdf"] {
        let text = plan_file_in_pdf(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        read_plan_file(&text).unwrap_or_else(|e| panic!("{name}: the plan reads back: {e}"));
    }
}

#[test]
fn a_pdf_from_elsewhere_holds_no_plan() {
    let mut doc = lopdf::Document::with_version("1.7");
    let pages = doc.new_object_id();
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    let mut pdf = Vec::new();
    doc.save_to(&mut pdf).expect("saved");
    let err = plan_file_in_pdf(&pdf).expect_err("no plan in it");
    assert_eq!(
        err.to_string(),
        "this PDF was not made by the Micro-credential Planner, so it holds no plan"
    );
    assert!(
        comments_in_pdf(&pdf)
            .expect("its comments can be read")
            .is_empty(),
        "a PDF without annotations has no comments"
    );
}

#[test]
fn our_pdf_without_its_plan_says_so() {
    let pdf = render(&sample(), &options()).expect("rendered").bytes;
    let err = plan_file_in_pdf(&pdf).expect_err("no plan in it");
    assert!(matches!(err, Error::NoPlanInPdf), "{err}");
    assert!(
        err.to_string()
            .contains("import the plan file (.mcplan) instead"),
        "{err}"
    );
}

#[test]
fn a_plan_changed_inside_the_pdf_is_refused() {
    let (pdf, text) = sample_pdf_with_plan();
    let changed = text.replace(
        "Lakeshore State University System",
        "Lakeshore State College",
    );
    assert_ne!(changed, text, "the test changes the plan");
    for fix_checksum in [false, true] {
        let tampered = with_plan_replaced(&pdf, &changed, fix_checksum);
        let err = plan_file_in_pdf(&tampered).expect_err("the changed plan is refused");
        assert_eq!(
            err.to_string(),
            "the plan inside this PDF was changed after it was exported",
            "with the attachment's own checksum {}",
            if fix_checksum {
                "recomputed"
            } else {
                "left as it was"
            }
        );
    }
    let untouched = with_plan_replaced(&pdf, &text, false);
    assert_eq!(
        plan_file_in_pdf(&untouched).expect("the same plan, stored uncompressed"),
        text
    );
}

#[test]
fn damaged_files_are_refused_in_one_line() {
    let (pdf, _) = sample_pdf_with_plan();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("not a PDF", b"{\"format\":\"mcplan\"}".to_vec()),
        ("empty", Vec::new()),
        ("only a header", b"%PDF-1.7\n".to_vec()),
        ("cut in half", pdf[..pdf.len() / 2].to_vec()),
        ("cut to its first kilobyte", pdf[..1024].to_vec()),
    ];
    for (what, bytes) in cases {
        for message in [
            plan_file_in_pdf(&bytes).map(|_| ()).err(),
            comments_in_pdf(&bytes).map(|_| ()).err(),
        ] {
            let message = message.map(|e| e.to_string());
            let Some(message) = message else {
                continue;
            };
            assert!(!message.contains('\n'), "{what}: one line: {message}");
            assert!(
                message.starts_with("this PDF") || message.starts_with("the plan inside"),
                "{what}: a message a dean can read: {message}"
            );
        }
    }
    assert!(plan_file_in_pdf(b"not a pdf").is_err());
    assert!(!is_pdf(b"{\"format\":\"mcplan\"}"));
}

#[test]
fn comments_from_pikepdf_come_back_with_author_date_page_section_and_quote() {
    let comments = comments_in_pdf(&fixture("by-pikepdf.pdf")).expect("comments read");
    let summary: Vec<_> = comments
        .iter()
        .map(|c| {
            (
                c.key.as_str(),
                c.kind,
                c.page,
                c.section,
                c.author.as_str(),
                c.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        summary[..3],
        [
            (
                "pdf:p1:cover-box",
                PdfCommentKind::TextBox,
                1,
                None,
                "Office of the Provost",
                "A clear overview; thank you."
            ),
            (
                "pdf:p18:budget-note",
                PdfCommentKind::Note,
                18,
                Some(ReportSection::Budget),
                "Prof. Amal Haddad",
                "Is the cost per credential realistic in year one?"
            ),
            (
                "pdf:p18:budget-reply",
                PdfCommentKind::Note,
                18,
                Some(ReportSection::Budget),
                "Dr. Jonas Weber",
                "Yes: the scenarios page shows the range."
            ),
        ],
        "the text box, the note and its reply; the pop-up, the review-state mark and the empty note are not comments"
    );
    assert_eq!(comments.len(), 4, "and the highlight: {summary:?}");
    let highlight = &comments[3];
    assert_eq!(highlight.kind, PdfCommentKind::Highlight);
    assert_eq!(
        (highlight.page, highlight.section),
        (26, Some(ReportSection::Risks))
    );
    assert_eq!(
        highlight.quoted.as_deref(),
        Some("4 risks, 2 of them very high")
    );
    assert_eq!(highlight.text, "Who owns each of these?");
    assert_eq!(comments[2].reply_to.as_deref(), Some("pdf:p18:budget-note"));
    let date = |i: usize| comments[i].date.map(|d| d.to_rfc3339());
    assert_eq!(date(0).as_deref(), Some("2027-03-06T10:15:00-05:00"));
    assert_eq!(date(1).as_deref(), Some("2027-03-03T14:25:00+01:00"));
    assert_eq!(
        date(2).as_deref(),
        Some("2027-03-04T09:00:00+00:00"),
        "from /CreationDate"
    );
}

#[test]
fn comments_from_mupdf_come_back_from_an_incremental_save() {
    let comments = comments_in_pdf(&fixture("by-mupdf.pdf")).expect("comments read");
    let summary: Vec<_> = comments
        .iter()
        .map(|c| {
            (
                c.kind,
                c.page,
                c.section,
                c.author.as_str(),
                c.text.as_str(),
                c.quoted.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                PdfCommentKind::Highlight,
                20,
                Some(ReportSection::Scenarios),
                "Dean Mariana López",
                "Please add a low-uptake case.",
                Some("Scenarios")
            ),
            (
                PdfCommentKind::Note,
                22,
                Some(ReportSection::WorkPlan),
                "Dean Mariana López",
                "Can the pilot start a term earlier?",
                None
            ),
        ]
    );
}

#[test]
fn the_same_pdf_brought_back_twice_files_its_comments_once() {
    let today = NaiveDate::from_ymd_opt(2027, 3, 10).expect("date");
    let pdf = fixture("by-pikepdf.pdf");
    let comments = review_comments_in_pdf(&pdf, today).expect("comments read");
    let once = ReviewEdit::FileComments {
        comments: comments.clone(),
    }
    .apply(&Review::default())
    .expect("the review takes every comment");
    let twice = ReviewEdit::FileComments {
        comments: review_comments_in_pdf(&pdf, today).expect("read again"),
    }
    .apply(&once)
    .expect("filed again");
    assert_eq!(once.comments.len(), 4);
    assert_eq!(twice, once, "nothing new the second time");

    let cover = &once.comments[0];
    assert_eq!(
        cover.section,
        ReportSection::Summary,
        "the cover's comment goes with the summary"
    );
    assert_eq!(cover.date, "2027-03-06");
    assert_eq!(cover.page, Some(1));
    assert_eq!(
        cover.origin,
        CommentOrigin::Pdf {
            key: "pdf:p1:cover-box".to_owned()
        }
    );
    assert_eq!(
        once.comments[2].text,
        "In reply to Prof. Amal Haddad: Yes: the scenarios page shows the range.",
        "a reply says whom it answers"
    );
    let mupdf = review_comments_in_pdf(&fixture("by-mupdf.pdf"), today).expect("read");
    assert!(
        mupdf.iter().all(|c| c.date == "2027-03-10"),
        "a comment its reader did not date is dated the day it came back"
    );
}
