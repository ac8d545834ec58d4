use planner_core::{
    AcademicCalendar, CreditSystem, InstitutionProfile, currency_name, format_count, month_name,
};

use crate::document::ReportDocument;
use crate::layout::{CONTENT_WIDTH, MM, styles};
use crate::sections::{NOT_SPECIFIED, ReportContext, introduction, open_section};
use crate::table::{self, Column, Table};
use planner_core::format::decimal;

pub(crate) const TITLE: &str = "Institution profile";

pub(crate) fn draw(doc: &mut ReportDocument, context: &ReportContext<'_>) {
    open_section(doc, TITLE);
    introduction(
        doc,
        "The institution this plan is for, as entered in the planner.",
    );
    doc.move_down(5.0 * MM);

    let label_width = 48.0 * MM;
    let columns = [
        Column::left(label_width, styles::LABEL),
        Column::left(CONTENT_WIDTH - label_width, styles::VALUE),
    ];
    let table = Table {
        columns: &columns,
        header: None,
        rows: rows(&context.plan.profile)
            .into_iter()
            .map(|(label, value)| vec![label.to_owned(), value])
            .collect(),
        keep_whole: true,
        ..Table::default()
    };
    table::draw(doc, &table);
}

/// The profile as label and value, in print order.
fn rows(profile: &InstitutionProfile) -> Vec<(&'static str, String)> {
    vec![
        ("Institution", profile.name.clone()),
        ("Type", profile.institution_type.label().to_owned()),
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
        ("Degree programs", count_or_unknown(profile.degree_programs)),
        (
            "Faculty headcount",
            count_or_unknown(profile.faculty_headcount),
        ),
        ("Academic calendar", calendar(&profile.calendar)),
        (
            "Fiscal year",
            format!("Starts in {}", month_name(profile.fiscal_year_start_month)),
        ),
        ("Currency", currency(&profile.currency)),
        (
            "Home credit system",
            credit_system(profile.credit_system, profile.custom_hours_per_credit),
        ),
        ("Stage", profile.stage.label().to_owned()),
    ]
}

/// The form leaves a count blank (stored as 0) when the dean does not know it.
fn count_or_unknown(n: u32) -> String {
    if n == 0 {
        NOT_SPECIFIED.to_owned()
    } else {
        format_count(u64::from(n))
    }
}

/// "Semesters: Fall 25 August, Spring 12 January, Summer 1 June".
fn calendar(calendar: &AcademicCalendar) -> String {
    let terms: Vec<String> = calendar
        .terms
        .iter()
        .map(|t| format!("{} {} {}", t.name, t.day, month_name(t.month)))
        .collect();
    if terms.is_empty() {
        calendar.system.label().to_owned()
    } else {
        format!("{}: {}", calendar.system.label(), terms.join(", "))
    }
}

/// "USD — US Dollar"; a code the list does not know prints alone.
fn currency(code: &str) -> String {
    match currency_name(code) {
        Some(name) => format!("{code} — {name}"),
        None => code.to_owned(),
    }
}

fn credit_system(system: CreditSystem, custom_hours: Option<f64>) -> String {
    match (system, custom_hours) {
        (CreditSystem::Custom, Some(hours)) => {
            format!("Own rule: {} learning hours per credit", decimal(hours))
        }
        _ => system.label().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use planner_core::{CalendarSystem, InstitutionType, Stage, TermStart, sample_plan};

    /// Each `(label, value)` is a row of `rows`: the row named `label` reads `value`.
    fn assert_values(rows: &[(&str, String)], expected: &[(&str, &str)]) {
        for (label, want) in expected {
            let got = rows
                .iter()
                .find(|(l, _)| l == label)
                .map(|(_, v)| v.as_str())
                .unwrap_or_else(|| panic!("a {label} row in {rows:?}"));
            assert_eq!(got, *want, "the {label} row");
        }
    }

    #[test]
    fn every_profile_field_reads_in_words() {
        let rows = rows(&sample_plan().profile);
        let labels: Vec<&str> = rows.iter().map(|(l, _)| *l).collect();
        assert_eq!(
            labels,
            [
                "Institution",
                "Type",
                "Country",
                "Total enrolment",
                "Degree programs",
                "Faculty headcount",
                "Academic calendar",
                "Fiscal year",
                "Currency",
                "Home credit system",
                "Stage",
            ]
        );
        assert_values(
            &rows,
            &[
                ("Type", "University system (several campuses)"),
                ("Total enrolment", "240,000 students"),
                ("Degree programs", "1,150"),
                ("Faculty headcount", "11,800"),
                (
                    "Academic calendar",
                    "Semesters: Fall 25 August, Spring 12 January, Summer 1 June",
                ),
                ("Fiscal year", "Starts in September"),
                ("Currency", "USD — US Dollar"),
                (
                    "Home credit system",
                    "US semester credit hours (ACE recommendations)",
                ),
                ("Stage", "Offering micro-credentials, expanding"),
            ],
        );
    }

    #[test]
    fn the_profile_reads_as_typed_with_grouped_enrolment_and_named_country() {
        let profile = InstitutionProfile {
            country: Some("GR".to_owned()),
            ..InstitutionProfile::new("Ελληνικό Ανοικτό Πανεπιστήμιο", 240_000, Stage::Exploring)
        };
        let rows = rows(&profile);
        assert_values(
            &rows,
            &[
                ("Institution", "Ελληνικό Ανοικτό Πανεπιστήμιο"),
                ("Country", "Greece"),
                ("Stage", "Exploring micro-credentials"),
            ],
        );
    }

    #[test]
    fn missing_values_say_so() {
        let profile = InstitutionProfile::new("Łódź", 999, Stage::Offering);
        let rows = rows(&profile);
        assert_values(
            &rows,
            &[
                ("Country", NOT_SPECIFIED),
                ("Total enrolment", "999 students"),
                ("Degree programs", NOT_SPECIFIED),
                ("Faculty headcount", NOT_SPECIFIED),
            ],
        );
    }

    #[test]
    fn a_custom_credit_rule_shows_its_hours_and_other_calendars_their_terms() {
        let profile = InstitutionProfile {
            institution_type: InstitutionType::TechnicalInstitute,
            credit_system: CreditSystem::Custom,
            custom_hours_per_credit: Some(22.5),
            calendar: AcademicCalendar {
                system: CalendarSystem::Trimester,
                terms: [
                    ("Семестр 1", 9, 1),
                    ("Семестр 2", 1, 15),
                    ("Семестр 3", 5, 4),
                ]
                .map(|(name, month, day)| TermStart {
                    name: name.to_owned(),
                    month,
                    day,
                })
                .to_vec(),
            },
            fiscal_year_start_month: 1,
            currency: "EUR".to_owned(),
            ..InstitutionProfile::new("Łódź", 999, Stage::Offering)
        };
        let rows = rows(&profile);
        assert_values(
            &rows,
            &[
                (
                    "Home credit system",
                    "Own rule: 22.5 learning hours per credit",
                ),
                (
                    "Academic calendar",
                    "Trimesters: Семестр 1 1 September, Семестр 2 15 January, Семестр 3 4 May",
                ),
                ("Fiscal year", "Starts in January"),
                ("Currency", "EUR — Euro"),
            ],
        );
    }
}
