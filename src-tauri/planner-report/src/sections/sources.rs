//! The sources the plan's figures rest on: the survey behind the benchmarks and the
//! calibration, and the credit conventions behind the credit mapping. The hours per credit are
//! planner-core's constants, so the page says what the model uses.

use planner_core::format::decimal;
use planner_core::rollout::{
    CATS_HOURS, CATS_PER_ECTS, ECTS_HOURS_HIGH, ECTS_HOURS_LOW, NSQF_HOURS, US_SEMESTER_HOURS,
};

use crate::document::ReportDocument;
use crate::layout::MM;
use crate::sections::{bullet, introduction, open_section, subheading};

pub(crate) const TITLE: &str = "Sources";

pub(crate) fn draw(doc: &mut ReportDocument) {
    open_section(doc, TITLE);
    introduction(
        doc,
        "Where the benchmarks, the reference figures and the credit conventions in this plan \
         come from.",
    );
    doc.move_down(5.0 * MM);
    subheading(
        doc,
        "The survey",
        2.0 * crate::layout::styles::BODY.line_height,
    );
    bullet(
        doc,
        &format!(
            "{}. A survey by Coursera of more than 1,000 higher-education leaders (deans, \
             provosts and chancellors) at more than 850 institutions in 89 countries. Its shares \
             of leaders naming each challenge are the benchmarks of the challenge assessment; \
             its findings are the evidence quoted beside them; and the university system it \
             describes is the reference the uptake projection is calibrated against.",
            planner_core::assessment::guide().source
        ),
    );
    doc.move_down(3.0 * MM);
    subheading(
        doc,
        "Credit conventions",
        2.0 * crate::layout::styles::BODY.line_height,
    );
    for convention in conventions() {
        bullet(doc, &convention);
    }
}

fn conventions() -> [String; 5] {
    [
        format!(
            "ECTS: the European Commission's ECTS Users' Guide (2015) — one credit is {} to {} \
             hours of learning.",
            decimal(ECTS_HOURS_LOW),
            decimal(ECTS_HOURS_HIGH)
        ),
        format!(
            "US semester credit hours: the US federal definition of a credit hour (34 CFR \
             600.2), one hour of class and two of work outside it each week of a semester, \
             about {} hours of learning; the American Council on Education's (ACE) credit \
             recommendations for industry credentials.",
            decimal(US_SEMESTER_HOURS)
        ),
        format!(
            "NSQF / NCrF credits: India's National Credit Framework (2023) — one credit is {} \
             notional hours of learning.",
            decimal(NSQF_HOURS)
        ),
        format!(
            "UK CATS credits: the QAA Higher Education Credit Framework for England (2021) — \
             one credit is {} notional hours; {} credits equal one ECTS credit.",
            decimal(CATS_HOURS),
            decimal(CATS_PER_ECTS)
        ),
        "Standard elements of a micro-credential: the Council Recommendation of 16 June 2022 \
         on a European approach to micro-credentials for lifelong learning and employability \
         (2022/C 243/02)."
            .to_owned(),
    ]
}
