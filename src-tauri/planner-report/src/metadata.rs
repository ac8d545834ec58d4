//! What the PDF file says about itself: title, author, subject, dates, and the catalogue
//! entries viewers read when opening it.

use chrono::Datelike;
use lopdf::Object;
use printpdf::PdfDocument;

use crate::document::DocumentInfo;
use crate::error::{Error, Result};

pub(crate) const CREATOR: &str = "Micro-credential Adoption Planner";

/// Fills the document information dictionary.
pub(crate) fn describe(pdf: &mut PdfDocument, info: &DocumentInfo) {
    let date = info.created_on;
    // Midnight UTC on the day the report is dated; left alone, printpdf writes 1 January 1970.
    let created = printpdf::OffsetDateTime::new_in_offset(
        printpdf::Date {
            year: date.year(),
            month: u8::try_from(date.month()).unwrap_or(1),
            day: u8::try_from(date.day()).unwrap_or(1),
        },
        printpdf::Time {
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    );
    let meta = &mut pdf.metadata.info;
    meta.document_title = info.title.clone();
    meta.author = info.author.clone();
    meta.subject = info.subject.clone();
    meta.keywords = info.keywords.clone();
    meta.creator = CREATOR.to_owned();
    meta.producer = format!("{CREATOR} (printpdf)");
    meta.creation_date = created;
    meta.modification_date = created;
    meta.metadata_date = created;
}

/// Fixes what printpdf 0.12 writes wrongly: an empty `/GTS_PDFXVersion` (which makes readers
/// believe the file claims PDF/X conformance) and an empty `/Identifier` in the info
/// dictionary, `/PageMode` as a string, which viewers ignore, so the outline never opened, and
/// a PDF version older than what the file contains. It also replaces the trailer's `/ID`, which
/// printpdf draws from a process-wide counter, with one derived from the plan.
pub(crate) fn correct(file: &mut lopdf::Document, info: &DocumentInfo) -> Result<()> {
    let broken = |what: &str| Error::Pdf {
        message: format!("the generated file has no {what}"),
    };
    let info_id = file
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .map_err(|_| broken("information dictionary"))?;
    let info_dict = file
        .get_dictionary_mut(info_id)
        .map_err(|_| broken("information dictionary"))?;
    info_dict.remove(b"GTS_PDFXVersion");
    info_dict.remove(b"Identifier");

    let catalog = file.catalog_mut().map_err(|_| broken("catalogue"))?;
    if catalog.has(b"Outlines") {
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
    catalog.set("Lang", Object::string_literal("en"));
    let id = |n: u64| Object::string_literal(format!("{n:016x}"));
    file.trailer.set(
        "ID",
        Object::Array(vec![id(info.file_id[0]), id(info.file_id[1])]),
    );
    // printpdf labels every file 1.3, older than the features it uses (`/Lang` is 1.4).
    file.version = "1.7".to_owned();
    Ok(())
}
