//! What the PDF file says about itself: title, author, subject, dates, and the catalogue
//! entries viewers read when opening it.

use chrono::{Datelike, NaiveDate};
use lopdf::Object;
use planner_core::PlanDetail;
use printpdf::PdfDocument;

use crate::error::{Error, Result};
use crate::fingerprint::fingerprint;
use crate::sections::ReportContext;

pub(crate) const CREATOR: &str = "Micro-credential Adoption Planner";

/// What the finished file says about itself, and what every page after the cover repeats.
#[derive(Debug, Clone)]
pub(crate) struct DocumentInfo {
    pub(crate) title: String,
    pub(crate) author: String,
    pub(crate) subject: String,
    pub(crate) keywords: Vec<String>,
    pub(crate) created_on: NaiveDate,
    /// Top of every page after the cover, joined by " · ": the institution and the plan title.
    pub(crate) running_header: Vec<String>,
    /// Bottom left of every page after the cover.
    pub(crate) running_footer: String,
    /// The trailer's `/ID`: one part for the plan, whatever its version, one for this content.
    pub(crate) file_id: [u64; 2],
}

impl DocumentInfo {
    /// What the report for `detail` says about itself.
    pub(crate) fn for_plan(detail: &PlanDetail, context: &ReportContext<'_>) -> Self {
        let plan = context.plan;
        let stored = &detail.stored;
        let permanent = fingerprint(&[&stored.id.to_string(), &stored.created_at]);
        // Debug output covers every field the report may print, and grows with the model; the
        // guide is there because the report prints its action library and benchmark wording.
        let content = fingerprint(&[
            &format!("{plan:?}"),
            &format!("{:?}", detail.assessment_result),
            &format!("{:?}", detail.projection),
            &format!("{:?}", planner_core::assessment::guide()),
            &context.generated_on.to_string(),
            &context.version.describe(),
            &format!("{:?}", context.choices),
            &format!("{:?}", context.changes),
        ]);
        let institution = &plan.profile.name;
        Self {
            title: plan.title.clone(),
            author: institution.clone(),
            subject: format!("Micro-credential adoption plan for {institution}"),
            keywords: vec![
                "micro-credentials".to_owned(),
                "adoption plan".to_owned(),
                plan.profile.stage.key().to_owned(),
            ],
            created_on: context.generated_on,
            running_header: vec![institution.clone(), plan.title.clone()],
            running_footer: format!(
                "Micro-credential adoption plan · {}",
                context.version.short()
            ),
            file_id: [permanent, content],
        }
    }
}

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
