//! The profile form as typed, and its validation into an [`InstitutionProfile`].

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::count::{parse_enrolment, parse_optional_count};
use super::parse::{
    parse_country, parse_currency, parse_day, parse_hours_per_credit, parse_month,
    parse_or_default, required_text, term_name,
};
use super::{InstitutionProfile, InstitutionType, Stage};
use crate::calendar::{AcademicCalendar, CalendarSystem, TermStart, month_name};
use crate::credit::CreditSystem;
use crate::error::{FieldError, ValidationErrors};

const MAX_PROGRAMS: u32 = 10_000;
const MAX_FACULTY: u32 = 500_000;

/// One term row of the profile form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TermStartForm {
    pub name: String,
    pub month: String,
    pub day: String,
}

/// The profile form exactly as typed, before validation. Numbers arrive as text so that
/// "abc" or "-5" reach the validator and get a message instead of vanishing in the UI.
/// Error keys are these field names; a term's are `terms.<index>.<name|month|day>`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ProfileForm {
    pub title: String,
    pub institution_name: String,
    /// A country code, or empty for none.
    pub country: String,
    pub institution_type: String,
    pub total_enrolment: String,
    pub degree_programs: String,
    pub faculty_headcount: String,
    pub calendar_system: String,
    pub terms: Vec<TermStartForm>,
    pub fiscal_year_start_month: String,
    pub currency: String,
    pub credit_system: String,
    pub custom_hours_per_credit: String,
    pub stage: String,
}

/// The form's field keys, as the UI names them.
pub mod profile_field {
    pub const TITLE: &str = "title";
    pub const INSTITUTION_NAME: &str = "institutionName";
    pub const COUNTRY: &str = "country";
    pub const INSTITUTION_TYPE: &str = "institutionType";
    pub const TOTAL_ENROLMENT: &str = "totalEnrolment";
    pub const DEGREE_PROGRAMS: &str = "degreePrograms";
    pub const FACULTY_HEADCOUNT: &str = "facultyHeadcount";
    pub const CALENDAR_SYSTEM: &str = "calendarSystem";
    pub const TERMS: &str = "terms";
    pub const FISCAL_YEAR_START_MONTH: &str = "fiscalYearStartMonth";
    pub const CURRENCY: &str = "currency";
    pub const CREDIT_SYSTEM: &str = "creditSystem";
    pub const CUSTOM_HOURS_PER_CREDIT: &str = "customHoursPerCredit";
    pub const STAGE: &str = "stage";
}

use profile_field as f;

/// Collects field errors while a form is checked.
#[derive(Debug, Default)]
struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    fn check<T>(&mut self, field: &str, result: Result<T, String>) -> Option<T> {
        result
            .map_err(|message| {
                self.errors.push(FieldError {
                    field: field.to_owned(),
                    message,
                })
            })
            .ok()
    }
}

impl ProfileForm {
    pub fn from_plan(title: &str, profile: &InstitutionProfile) -> Self {
        ProfileForm {
            title: title.to_owned(),
            institution_name: profile.name.clone(),
            country: profile.country.clone().unwrap_or_default(),
            institution_type: profile.institution_type.key().to_owned(),
            total_enrolment: profile.total_enrolment.to_string(),
            degree_programs: profile.degree_programs.to_string(),
            faculty_headcount: profile.faculty_headcount.to_string(),
            calendar_system: profile.calendar.system.key().to_owned(),
            terms: profile
                .calendar
                .terms
                .iter()
                .map(|t| TermStartForm {
                    name: t.name.clone(),
                    month: t.month.to_string(),
                    day: t.day.to_string(),
                })
                .collect(),
            fiscal_year_start_month: profile.fiscal_year_start_month.to_string(),
            currency: profile.currency.clone(),
            credit_system: profile.credit_system.key().to_owned(),
            custom_hours_per_credit: profile
                .custom_hours_per_credit
                .map(|h| h.to_string())
                .unwrap_or_default(),
            stage: profile.stage.key().to_owned(),
        }
    }

    /// A form with just the essentials typed; every other field empty takes its typical value.
    pub fn essentials(title: &str, institution: &str, enrolment: &str, stage: &str) -> Self {
        ProfileForm {
            title: title.to_owned(),
            institution_name: institution.to_owned(),
            total_enrolment: enrolment.to_owned(),
            stage: stage.to_owned(),
            ..ProfileForm::default()
        }
    }

    /// Checks every field and returns the cleaned title and profile, or all the problems.
    /// Optional fields left empty take typical values: type "other", 0 programs and faculty,
    /// a semester calendar, a July fiscal year, US dollars and US credit hours.
    pub fn validate(&self) -> Result<(String, InstitutionProfile), ValidationErrors> {
        let mut c = Checker::default();
        let title = c.check(f::TITLE, required_text(&self.title, "Plan title"));
        let name = c.check(
            f::INSTITUTION_NAME,
            required_text(&self.institution_name, "Institution name"),
        );
        let country = c.check(f::COUNTRY, parse_country(&self.country));
        let institution_type = c.check(
            f::INSTITUTION_TYPE,
            parse_or_default(
                &self.institution_type,
                InstitutionType::parse,
                InstitutionType::Other,
                "Institution type",
            ),
        );
        let total_enrolment = c.check(f::TOTAL_ENROLMENT, parse_enrolment(&self.total_enrolment));
        let degree_programs = c.check(
            f::DEGREE_PROGRAMS,
            parse_optional_count(
                &self.degree_programs,
                "Number of degree programs",
                MAX_PROGRAMS,
            ),
        );
        let faculty_headcount = c.check(
            f::FACULTY_HEADCOUNT,
            parse_optional_count(&self.faculty_headcount, "Faculty headcount", MAX_FACULTY),
        );
        let system = c.check(
            f::CALENDAR_SYSTEM,
            parse_or_default(
                &self.calendar_system,
                CalendarSystem::parse,
                CalendarSystem::Semester,
                "Academic calendar",
            ),
        );
        let terms = system.and_then(|system| self.validate_terms(system, &mut c));
        let fiscal_year_start_month = c.check(
            f::FISCAL_YEAR_START_MONTH,
            parse_month(&self.fiscal_year_start_month, "Fiscal-year start month", 7),
        );
        let currency = c.check(f::CURRENCY, parse_currency(&self.currency));
        let credit_system = c.check(
            f::CREDIT_SYSTEM,
            parse_or_default(
                &self.credit_system,
                CreditSystem::parse,
                CreditSystem::UsSemester,
                "Home credit system",
            ),
        );
        let custom_hours_per_credit = credit_system.and_then(|system| {
            c.check(
                f::CUSTOM_HOURS_PER_CREDIT,
                parse_hours_per_credit(system, &self.custom_hours_per_credit),
            )
        });
        let stage = c.check(
            f::STAGE,
            Stage::parse(&self.stage).ok_or_else(|| {
                format!(
                    "Stage must be “exploring” or “offering” (got “{}”)",
                    self.stage.trim()
                )
            }),
        );

        if !c.errors.is_empty() {
            return Err(ValidationErrors(c.errors));
        }
        let missing = || ValidationErrors::single(f::TITLE, "The form could not be read");
        Ok((
            title.ok_or_else(missing)?,
            InstitutionProfile {
                name: name.ok_or_else(missing)?,
                country: country.ok_or_else(missing)?,
                institution_type: institution_type.ok_or_else(missing)?,
                total_enrolment: total_enrolment.ok_or_else(missing)?,
                degree_programs: degree_programs.ok_or_else(missing)?,
                faculty_headcount: faculty_headcount.ok_or_else(missing)?,
                calendar: AcademicCalendar {
                    system: system.ok_or_else(missing)?,
                    terms: terms.ok_or_else(missing)?,
                },
                fiscal_year_start_month: fiscal_year_start_month.ok_or_else(missing)?,
                currency: currency.ok_or_else(missing)?,
                credit_system: credit_system.ok_or_else(missing)?,
                custom_hours_per_credit: custom_hours_per_credit.ok_or_else(missing)?,
                stage: stage.ok_or_else(missing)?,
            },
        ))
    }

    fn validate_terms(&self, system: CalendarSystem, c: &mut Checker) -> Option<Vec<TermStart>> {
        if self.terms.is_empty() {
            return Some(system.typical_terms());
        }
        let counts = system.term_counts();
        if !counts.contains(&self.terms.len()) {
            let allowed = if counts.start() == counts.end() {
                format!("{}", counts.start())
            } else {
                format!("{} or {}", counts.start(), counts.end())
            };
            c.errors.push(FieldError {
                field: f::TERMS.to_owned(),
                message: format!(
                    "A {} calendar has {allowed} terms a year; this one lists {}",
                    system.key(),
                    self.terms.len()
                ),
            });
            return None;
        }
        let mut terms = Vec::with_capacity(self.terms.len());
        for (i, term) in self.terms.iter().enumerate() {
            let key = |part: &str| format!("{}.{i}.{part}", f::TERMS);
            let label = format!("Term {}", i + 1);
            let name = c.check(&key("name"), term_name(&term.name, &label));
            let month = c.check(
                &key("month"),
                parse_month(&term.month, &format!("{label}’s month"), 0),
            );
            let day =
                month.and_then(|month| c.check(&key("day"), parse_day(&term.day, month, &label)));
            if let (Some(name), Some(month), Some(day)) = (name, month, day) {
                terms.push(TermStart { name, month, day });
            }
        }
        if terms.len() != self.terms.len() {
            return None;
        }
        for (i, term) in terms.iter().enumerate() {
            if let Some(j) = terms[..i]
                .iter()
                .position(|t| (t.month, t.day) == (term.month, term.day))
            {
                c.errors.push(FieldError {
                    field: format!("{}.{i}.day", f::TERMS),
                    message: format!(
                        "{} and {} both start on {} {}; each term needs its own start date",
                        terms[j].name,
                        term.name,
                        term.day,
                        month_name(term.month)
                    ),
                });
                return None;
            }
        }
        Some(terms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(enrolment: &str) -> ProfileForm {
        ProfileForm {
            country: "pl".into(),
            ..ProfileForm::essentials(
                "Rollout 2027",
                "Łódź University of Technology",
                enrolment,
                "offering",
            )
        }
    }

    fn fields(form: &ProfileForm) -> Vec<String> {
        form.validate()
            .expect_err("invalid form")
            .0
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn a_form_with_only_the_essentials_gets_typical_values_for_the_rest() {
        let (title, profile) = form(" 12 500 ").validate().expect("valid form");
        assert_eq!(title, "Rollout 2027");
        assert_eq!(
            profile.name, "Łódź University of Technology",
            "name kept exactly as typed"
        );
        assert_eq!(
            profile.country.as_deref(),
            Some("PL"),
            "country code upper-cased"
        );
        assert_eq!(profile.total_enrolment, 12_500);
        assert_eq!(profile.stage, Stage::Offering);
        assert_eq!(profile.calendar, AcademicCalendar::default());
        assert_eq!(
            (profile.fiscal_year_start_month, profile.currency.as_str()),
            (7, "USD")
        );
        assert_eq!(profile.institution_type, InstitutionType::Other);
    }

    #[test]
    fn a_full_form_round_trips_through_the_profile() {
        let full = ProfileForm {
            institution_type: "public_university".into(),
            degree_programs: "1,240".into(),
            faculty_headcount: "2 100".into(),
            calendar_system: "trimester".into(),
            terms: vec![
                TermStartForm {
                    name: "Semestre I".into(),
                    month: "9".into(),
                    day: "1".into(),
                },
                TermStartForm {
                    name: "Semestre II".into(),
                    month: "January".into(),
                    day: "8".into(),
                },
                TermStartForm {
                    name: "Verano".into(),
                    month: "may".into(),
                    day: "31".into(),
                },
            ],
            fiscal_year_start_month: "1".into(),
            currency: "pln".into(),
            credit_system: "custom".into(),
            custom_hours_per_credit: "37,5".into(),
            ..form("12500")
        };
        let (title, profile) = full.validate().expect("valid");
        assert_eq!(profile.degree_programs, 1_240);
        assert_eq!(profile.faculty_headcount, 2_100);
        assert_eq!(
            profile.calendar.terms[1],
            TermStart {
                name: "Semestre II".into(),
                month: 1,
                day: 8
            }
        );
        assert_eq!(profile.currency, "PLN");
        assert_eq!(profile.custom_hours_per_credit, Some(37.5));
        let again = ProfileForm::from_plan(&title, &profile)
            .validate()
            .expect("round trip");
        assert_eq!(again.1, profile);
    }

    #[test]
    fn every_bad_field_is_reported_at_once_under_its_own_key() {
        let bad = ProfileForm {
            title: "  ".into(),
            institution_name: String::new(),
            country: "XX".into(),
            institution_type: "castle".into(),
            total_enrolment: "lots".into(),
            degree_programs: "-1".into(),
            faculty_headcount: "many".into(),
            calendar_system: "lunar".into(),
            terms: vec![],
            fiscal_year_start_month: "13".into(),
            currency: "DOLLARS".into(),
            credit_system: "beans".into(),
            custom_hours_per_credit: String::new(),
            stage: "thinking".into(),
        };
        assert_eq!(
            fields(&bad),
            [
                "title",
                "institutionName",
                "country",
                "institutionType",
                "totalEnrolment",
                "degreePrograms",
                "facultyHeadcount",
                "calendarSystem",
                "fiscalYearStartMonth",
                "currency",
                "creditSystem",
                "stage"
            ]
        );
    }

    #[test]
    fn terms_are_checked_one_by_one_and_named_by_position() {
        let term = |name: &str, month: &str, day: &str| TermStartForm {
            name: name.into(),
            month: month.into(),
            day: day.into(),
        };
        let with_terms = |system: &str, terms: Vec<TermStartForm>| ProfileForm {
            calendar_system: system.into(),
            terms,
            ..form("100")
        };
        let wrong_count = with_terms("quarter", vec![term("A", "9", "1"), term("B", "1", "5")]);
        let errors = wrong_count.validate().expect_err("two quarters").0;
        assert_eq!(errors[0].field, "terms");
        assert!(
            errors[0].message.contains("3 or 4"),
            "{}",
            errors[0].message
        );

        let bad_day = with_terms(
            "semester",
            vec![term("Fall", "9", "31"), term("", "2", "29")],
        );
        assert_eq!(
            fields(&bad_day),
            ["terms.0.day", "terms.1.name", "terms.1.day"]
        );
        let message = bad_day.validate().expect_err("bad").0[0].message.clone();
        assert!(
            message.contains("September") && message.contains("30"),
            "{message}"
        );

        let same_day = with_terms(
            "semester",
            vec![term("Fall", "9", "1"), term("Spring", "Sep", "1")],
        );
        let errors = same_day.validate().expect_err("same day").0;
        assert_eq!(errors[0].field, "terms.1.day");
        assert!(
            errors[0].message.contains("Fall and Spring"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn a_custom_credit_rule_needs_its_hours() {
        let custom = ProfileForm {
            credit_system: "custom".into(),
            ..form("100")
        };
        assert_eq!(fields(&custom), ["customHoursPerCredit"]);
        let silly = ProfileForm {
            custom_hours_per_credit: "0".into(),
            ..custom.clone()
        };
        assert_eq!(fields(&silly), ["customHoursPerCredit"]);
        let fine = ProfileForm {
            custom_hours_per_credit: "30".into(),
            ..custom
        };
        assert_eq!(
            fine.validate().expect("valid").1.custom_hours_per_credit,
            Some(30.0)
        );
        let ignored = ProfileForm {
            custom_hours_per_credit: "zzz".into(),
            ..form("100")
        };
        assert!(
            ignored.validate().is_ok(),
            "hours are ignored unless the rule is custom"
        );
    }
}
