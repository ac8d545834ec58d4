//! The plan's PDF report: a document a curriculum committee can read, annotate and approve.
//! It turns a plan, with the figures planner-core computed for it (assessment scores, rollout
//! projection), into PDF bytes (A4, text in any script shaped and set in embedded subset
//! fonts so every name prints as typed, running header, page numbers, outline, metadata) and
//! writes them atomically. It prints those figures; it never computes its own.
//!
//! This crate must never depend on Tauri or SQLite: the desktop app and the CLI both call
//! [`render`] / [`export`], and its tests run without a window or a database.

mod atomic;
mod attachment;
mod chart;
mod content;
mod destination;
mod document;
mod error;
mod fingerprint;
mod fonts;
mod html;
mod layout;
mod metadata;
mod plot;
mod reading;
mod rollup;
mod script;
mod sections;
mod shape;
mod table;
mod text;
mod wrap;

use std::path::Path;

use chrono::NaiveDate;
use planner_core::compare::ChangesSince;
use planner_core::report::{Paper, ReportChoices, ReportSection};
use planner_core::{PlanDetail, ReportedVersion};

pub use atomic::write_atomically;
pub use destination::refuse_protected;
pub use error::{Error, Result};
pub use reading::{
    AnnotatedReport, COVER_SECTION, MAX_PDF_BYTES, PdfComment, PdfCommentKind, comments_in_pdf,
    is_pdf, plan_file_in_pdf, read_annotated_report_at, read_plan_file_at, review_comments_in_pdf,
};
pub use rollup::{export_rollup, export_rollup_html, render_rollup, render_rollup_html};

use document::ReportDocument;
use metadata::DocumentInfo;
use sections::ReportContext;

/// What a report needs besides the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportOptions {
    /// The date printed on the cover and set as the PDF's creation date (midnight UTC).
    pub generated_on: NaiveDate,
    /// The paper, and the sections to print (in the report's own order, whatever their order
    /// here); the cover always prints.
    pub choices: ReportChoices,
    /// The plan's plan file (`.mcplan` text, as planner-core writes it), attached to the PDF so
    /// the PDF can be imported as the plan; the HTML edition carries none.
    pub plan_file: Option<String>,
    /// Which version of the plan the report shows, named on its cover.
    pub version: ReportedVersion,
    /// What changed since a version of the plan, printed as the appendix "What changed since
    /// the version you reviewed"; none, no appendix.
    pub changes: Option<ChangesSince>,
}

impl ReportOptions {
    /// Every section on A4, dated `generated_on`.
    pub fn dated(generated_on: NaiveDate) -> Self {
        Self {
            generated_on,
            choices: ReportChoices::default(),
            plan_file: None,
            version: ReportedVersion::WorkingCopy,
            changes: None,
        }
    }

    /// Every section on A4, dated today by the computer's clock and time zone.
    pub fn today() -> Self {
        Self::dated(chrono::Local::now().date_naive())
    }

    /// The same options, with `text` as the plan file to attach.
    pub fn with_plan_file(self, text: String) -> Self {
        Self {
            plan_file: Some(text),
            ..self
        }
    }

    pub fn paper(&self) -> Paper {
        self.choices.paper
    }

    /// The same options, with the appendix of what changed since `changes`'s version.
    pub fn with_changes(self, changes: ChangesSince) -> Self {
        Self {
            changes: Some(changes),
            ..self
        }
    }

    /// Whether `section` prints: the appendix of changes when there are changes to print, any
    /// other section when the choices tick it.
    pub fn includes(&self, section: ReportSection) -> bool {
        match section {
            ReportSection::Changes => self.changes.is_some(),
            _ => self.choices.includes(section),
        }
    }
}

/// A finished PDF, in memory.
#[derive(Clone, PartialEq, Eq)]
pub struct RenderedReport {
    pub bytes: Vec<u8>,
    pub pages: u32,
}

impl std::fmt::Debug for RenderedReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RenderedReport")
            .field("bytes", &format_args!("<{} bytes>", self.bytes.len()))
            .field("pages", &self.pages)
            .finish()
    }
}

/// Lays out the whole report for `plan` and returns the PDF bytes. The report prints the
/// figures in `plan` as they are; it computes none of its own.
pub fn render(plan: &PlanDetail, options: &ReportOptions) -> Result<RenderedReport> {
    let (doc, info) = lay_out(plan, options)?;
    doc.finish(&info, options.plan_file.as_deref())
}

/// [`render`] + [`write_atomically`]: the file at `path` is either the complete new report or
/// whatever was there before. Returns the report written (`bytes.len()` bytes, `pages` pages).
pub fn export(plan: &PlanDetail, options: &ReportOptions, path: &Path) -> Result<RenderedReport> {
    let report = render(plan, options)?;
    write_atomically(path, &report.bytes)?;
    Ok(report)
}

/// The report as one self-contained, accessible HTML page: the same sections, words and
/// figures as the PDF (they come from the same layout), with headings, tables and charts a
/// screen reader can follow, and no script or remote resource.
pub fn render_html(plan: &PlanDetail, options: &ReportOptions) -> Result<String> {
    let (doc, info) = lay_out(plan, options)?;
    Ok(html::write(
        doc.content(),
        &info,
        options.paper(),
        options.includes(ReportSection::Contents),
    ))
}

/// [`render_html`] + [`write_atomically`]. Returns the page's size in bytes.
pub fn export_html(plan: &PlanDetail, options: &ReportOptions, path: &Path) -> Result<usize> {
    let page = render_html(plan, options)?;
    write_atomically(path, page.as_bytes())?;
    Ok(page.len())
}

/// Every section drawn, in order, onto a document not yet serialised.
fn lay_out(plan: &PlanDetail, options: &ReportOptions) -> Result<(ReportDocument, DocumentInfo)> {
    let health = planner_core::health::check_plan(plan);
    let context = ReportContext {
        plan: &plan.stored.plan,
        assessment: &plan.assessment_result,
        projection: &plan.projection,
        schedule: &plan.schedule,
        engagement: &plan.engagement,
        kpis: &plan.kpis,
        generated_on: options.generated_on,
        version: &options.version,
        choices: &options.choices,
        health: &health,
        changes: options.changes.as_ref(),
    };
    let info = DocumentInfo::for_plan(plan, &context);
    // The contents come before the sections but list their pages: lay out with one page kept
    // for them, and again with more in the rare case they need more.
    let mut contents_pages = 1;
    loop {
        let mut doc = ReportDocument::on_paper(info.file_id[1], options.paper())?;
        sections::cover::draw(&mut doc, &context);
        let contents_first = options
            .includes(ReportSection::Contents)
            .then(|| doc.reserve_pages(contents_pages));
        for section in ReportSection::ALL {
            if options.includes(section) {
                sections::draw(&mut doc, &context, section);
            }
        }
        if let Some(first) = contents_first {
            let entries = sections::contents::entries(&doc);
            let needed = sections::contents::pages_for(&doc, entries.len());
            if needed > contents_pages {
                contents_pages = needed;
                continue;
            }
            doc.begin_section(ReportSection::Contents);
            // Page numbers mean nothing in the HTML edition, which has its own headings.
            doc.unrecorded(|doc| sections::contents::draw(doc, first, contents_pages, &entries));
        }
        return Ok((doc, info));
    }
}
