use planner_core::{InstitutionProfile, format_count};

use crate::document::ReportDocument;
use crate::layout::{CONTENT_LEFT, CONTENT_WIDTH, MM, palette, styles};
use crate::sections::{NOT_SPECIFIED, ReportContext, section_heading};
use crate::table::{self, Column, Table};

pub(crate) const TITLE: &str = "Institution profile";

pub(crate) fn draw(doc: &mut ReportDocument, context: &ReportContext<'_>) {
    doc.start_page();
    doc.bookmark(TITLE);
    section_heading(doc, TITLE);

    doc.paragraph(
        CONTENT_LEFT,
        CONTENT_WIDTH,
        &styles::BODY.with_colour(palette::MUTED),
        "The institution this plan is for, as entered in the planner.",
    );
    doc.move_down(5.0 * MM);

    let label_width = 48.0 * MM;
    let columns = [
        Column {
            width: label_width,
            style: styles::LABEL,
        },
        Column {
            width: CONTENT_WIDTH - label_width,
            style: styles::VALUE,
        },
    ];
    let table = Table {
        columns: &columns,
        header: None,
        rows: rows(&context.plan.profile)
            .into_iter()
            .map(|(label, value)| vec![label.to_owned(), value])
            .collect(),
    };
    table::draw(doc, &table);
}

/// The profile as label and value, in print order.
fn rows(profile: &InstitutionProfile) -> Vec<(&'static str, String)> {
    vec![
        ("Institution", profile.name.clone()),
        (
            "Country",
            profile.country_name().unwrap_or(NOT_SPECIFIED).to_owned(),
        ),
        (
            "Total enrolment",
            format!(
                "{} students",
                format_count(u64::from(profile.total_enrolment))
            ),
        ),
        ("Stage", profile.stage.label().to_owned()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use planner_core::Stage;

    #[test]
    fn the_profile_reads_as_typed_with_grouped_enrolment_and_named_country() {
        let profile = InstitutionProfile {
            country: Some("GR".to_owned()),
            ..InstitutionProfile::new("Ελληνικό Ανοικτό Πανεπιστήμιο", 240_000, Stage::Exploring)
        };
        assert_eq!(
            rows(&profile),
            [
                ("Institution", "Ελληνικό Ανοικτό Πανεπιστήμιο".to_owned()),
                ("Country", "Greece".to_owned()),
                ("Total enrolment", "240,000 students".to_owned()),
                ("Stage", "Exploring micro-credentials".to_owned()),
            ]
        );
    }

    #[test]
    fn a_missing_country_says_so() {
        let profile = InstitutionProfile::new("Łódź", 999, Stage::Offering);
        let rows = rows(&profile);
        assert_eq!(rows[1].1, NOT_SPECIFIED);
        assert_eq!(rows[2].1, "999 students");
    }
}
