use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::{AcademicCalendar, CalendarSystem, TermStart, days_in_month, month_name};
use crate::credit::CreditSystem;
use crate::error::{FieldError, ValidationErrors};
use crate::places::{country_name, currency_name};

/// Larger than any single university system (the largest enrol a few million).
pub const MAX_ENROLMENT: u32 = 5_000_000;
const MAX_PROGRAMS: u32 = 10_000;
const MAX_FACULTY: u32 = 500_000;
const MAX_NAME_CHARS: usize = 200;
const MAX_TERM_NAME_CHARS: usize = 40;

/// Where the institution stands with micro-credentials; it decides which challenges the
/// assessment emphasises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Does not offer micro-credentials yet.
    Exploring,
    /// Offers them and wants to expand.
    Offering,
}

impl Stage {
    pub fn key(self) -> &'static str {
        match self {
            Stage::Exploring => "exploring",
            Stage::Offering => "offering",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::Exploring => "Exploring micro-credentials",
            Stage::Offering => "Offering micro-credentials, expanding",
        }
    }

    pub fn parse(text: &str) -> Option<Stage> {
        match text.trim().to_ascii_lowercase().as_str() {
            "exploring" => Some(Stage::Exploring),
            "offering" => Some(Stage::Offering),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InstitutionType {
    PublicUniversity,
    PrivateNonprofit,
    PrivateForProfit,
    CommunityCollege,
    TechnicalInstitute,
    UniversitySystem,
    #[default]
    Other,
}

impl InstitutionType {
    pub const ALL: [InstitutionType; 7] = [
        InstitutionType::PublicUniversity,
        InstitutionType::PrivateNonprofit,
        InstitutionType::PrivateForProfit,
        InstitutionType::CommunityCollege,
        InstitutionType::TechnicalInstitute,
        InstitutionType::UniversitySystem,
        InstitutionType::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            InstitutionType::PublicUniversity => "public_university",
            InstitutionType::PrivateNonprofit => "private_nonprofit",
            InstitutionType::PrivateForProfit => "private_for_profit",
            InstitutionType::CommunityCollege => "community_college",
            InstitutionType::TechnicalInstitute => "technical_institute",
            InstitutionType::UniversitySystem => "university_system",
            InstitutionType::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            InstitutionType::PublicUniversity => "Public university",
            InstitutionType::PrivateNonprofit => "Private non-profit university or college",
            InstitutionType::PrivateForProfit => "Private for-profit institution",
            InstitutionType::CommunityCollege => "Community or further-education college",
            InstitutionType::TechnicalInstitute => "Technical or polytechnic institute",
            InstitutionType::UniversitySystem => "University system (several campuses)",
            InstitutionType::Other => "Other",
        }
    }

    pub fn parse(text: &str) -> Option<InstitutionType> {
        InstitutionType::ALL
            .into_iter()
            .find(|t| t.key() == text.trim().to_ascii_lowercase())
    }
}

fn default_currency() -> String {
    "USD".to_owned()
}

fn default_fiscal_month() -> u8 {
    7
}

fn default_credit_system() -> CreditSystem {
    CreditSystem::UsSemester
}

/// The institution a plan is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InstitutionProfile {
    /// As the institution writes it, in any script.
    pub name: String,
    /// ISO 3166-1 alpha-2 code, or `None` while not chosen.
    pub country: Option<String>,
    #[serde(default)]
    pub institution_type: InstitutionType,
    pub total_enrolment: u32,
    #[serde(default)]
    pub degree_programs: u32,
    #[serde(default)]
    pub faculty_headcount: u32,
    #[serde(default)]
    pub calendar: AcademicCalendar,
    /// 1–12: the month the financial year begins.
    #[serde(default = "default_fiscal_month")]
    pub fiscal_year_start_month: u8,
    /// ISO 4217 code; every amount in the plan is in this currency.
    #[serde(default = "default_currency")]
    pub currency: String,
    #[serde(default = "default_credit_system")]
    pub credit_system: CreditSystem,
    /// Learning hours per credit, for [`CreditSystem::Custom`] only.
    #[serde(default)]
    pub custom_hours_per_credit: Option<f64>,
    pub stage: Stage,
}

impl InstitutionProfile {
    /// A profile with the given essentials and typical values for the rest.
    pub fn new(name: &str, total_enrolment: u32, stage: Stage) -> Self {
        InstitutionProfile {
            name: name.to_owned(),
            country: None,
            institution_type: InstitutionType::default(),
            total_enrolment,
            degree_programs: 0,
            faculty_headcount: 0,
            calendar: AcademicCalendar::default(),
            fiscal_year_start_month: default_fiscal_month(),
            currency: default_currency(),
            credit_system: default_credit_system(),
            custom_hours_per_credit: None,
            stage,
        }
    }

    pub fn country_name(&self) -> Option<&'static str> {
        self.country.as_deref().and_then(country_name)
    }
}

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

fn required_text(text: &str, label: &str) -> Result<String, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(format!("{label} cannot be empty"));
    }
    let chars = trimmed.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(format!(
            "{label} is {chars} characters long; the limit is {MAX_NAME_CHARS}"
        ));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(format!(
            "{label} contains a control character (such as a tab or line break)"
        ));
    }
    Ok(trimmed.to_owned())
}

fn term_name(text: &str, label: &str) -> Result<String, String> {
    let name = required_text(text, &format!("{label}’s name"))?;
    if name.chars().count() > MAX_TERM_NAME_CHARS {
        return Err(format!(
            "{label}’s name is longer than {MAX_TERM_NAME_CHARS} characters"
        ));
    }
    Ok(name)
}

fn parse_or_default<T>(
    text: &str,
    parse: impl Fn(&str) -> Option<T>,
    default: T,
    label: &str,
) -> Result<T, String> {
    if text.trim().is_empty() {
        return Ok(default);
    }
    parse(text).ok_or_else(|| {
        format!(
            "{label} “{}” is not one of the choices offered",
            text.trim()
        )
    })
}

/// Reads a head count as people type it: "12500", "12,500", "12 500", "12.500", "12’500",
/// "2,40,000".
pub fn parse_enrolment(text: &str) -> Result<u32, String> {
    if text.trim().is_empty() {
        return Err("Total enrolment is required: the number of students, such as 12,500".into());
    }
    parse_count(text, "Total enrolment", MAX_ENROLMENT)
}

fn parse_optional_count(text: &str, label: &str, max: u32) -> Result<u32, String> {
    if text.trim().is_empty() {
        Ok(0)
    } else {
        parse_count(text, label, max)
    }
}

/// A whole number of people or things, with the thousands grouping people type.
pub fn parse_count(text: &str, label: &str, max: u32) -> Result<u32, String> {
    let typed = text.trim();
    if typed.starts_with('-') || typed.starts_with('−') {
        return Err(format!("{label} cannot be negative (you typed “{typed}”)"));
    }
    let groups: Vec<&str> = typed
        .split([',', '.', ' ', '\u{a0}', '\u{202f}', '\'', '’'])
        .collect();
    let digits_only = groups
        .iter()
        .all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()));
    let (first, rest) = groups.split_first().unwrap_or((&"", &[]));
    // Thousands (12,500) or the Indian lakh grouping (2,40,000).
    let thousands = rest.iter().all(|g| g.len() == 3) && first.len() <= 3;
    let lakhs = rest.split_last().is_some_and(|(last, middle)| {
        last.len() == 3 && middle.iter().all(|g| g.len() == 2) && first.len() <= 2
    });
    if !(digits_only && (rest.is_empty() || thousands || lakhs)) {
        return Err(format!(
            "{label} must be a whole number, such as 12,500 (you typed “{typed}”)"
        ));
    }
    let too_many = || {
        format!(
            "{label} of {typed} is more than any institution has; the limit is {}",
            crate::format_count(u64::from(max))
        )
    };
    match groups.concat().parse::<u64>() {
        Ok(n) if n <= u64::from(max) => u32::try_from(n).map_err(|_| too_many()),
        _ => Err(too_many()),
    }
}

/// A month 1–12 as a number or an English name ("7", "July", "jul").
fn parse_month(text: &str, label: &str, default: u8) -> Result<u8, String> {
    let typed = text.trim();
    if typed.is_empty() {
        return if default == 0 {
            Err(format!("{label} is required"))
        } else {
            Ok(default)
        };
    }
    if let Ok(n) = typed.parse::<u8>() {
        return if (1..=12).contains(&n) {
            Ok(n)
        } else {
            Err(format!(
                "{label} must be a month from 1 to 12 (you typed “{typed}”)"
            ))
        };
    }
    let lower = typed.to_lowercase();
    (1..=12u8)
        .find(|m| {
            let name = month_name(*m).to_lowercase();
            lower.len() >= 3 && name.starts_with(&lower)
        })
        .ok_or_else(|| format!("{label} must be a month such as 7 or July (you typed “{typed}”)"))
}

fn parse_day(text: &str, month: u8, label: &str) -> Result<u8, String> {
    let typed = text.trim();
    let max = days_in_month(month);
    match typed.parse::<u8>() {
        Ok(day) if (1..=max).contains(&day) => Ok(day),
        Ok(_) if month == 2 && typed == "29" => Err(format!(
            "{label} cannot start on 29 February: that day is missing three years in four"
        )),
        _ => Err(format!(
            "{label}’s start day must be from 1 to {max} for {} (you typed “{typed}”)",
            month_name(month)
        )),
    }
}

/// An ISO 3166-1 alpha-2 code, any case; empty means "not chosen".
pub fn parse_country(text: &str) -> Result<Option<String>, String> {
    let code = text.trim().to_ascii_uppercase();
    if code.is_empty() {
        return Ok(None);
    }
    if country_name(&code).is_some() {
        Ok(Some(code))
    } else {
        Err(format!(
            "“{}” is not a country code; use two letters such as MX, PL or GR",
            text.trim()
        ))
    }
}

fn parse_currency(text: &str) -> Result<String, String> {
    let code = text.trim().to_ascii_uppercase();
    if code.is_empty() {
        return Ok(default_currency());
    }
    if currency_name(&code).is_some() {
        Ok(code)
    } else {
        Err(format!(
            "“{}” is not a currency code; use three letters such as USD, EUR or INR",
            text.trim()
        ))
    }
}

fn parse_hours_per_credit(system: CreditSystem, text: &str) -> Result<Option<f64>, String> {
    if system != CreditSystem::Custom {
        return Ok(None);
    }
    let typed = text.trim();
    match typed.replace(',', ".").parse::<f64>() {
        Ok(hours) if hours.is_finite() && (1.0..=200.0).contains(&hours) => Ok(Some(hours)),
        _ if typed.is_empty() => {
            Err("With your own credit rule, say how many learning hours make one credit".into())
        }
        _ => Err(format!(
            "Hours per credit must be a number from 1 to 200, such as 30 (you typed “{typed}”)"
        )),
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
    fn enrolment_accepts_the_ways_people_group_thousands() {
        for typed in [
            "240000",
            "240,000",
            "240 000",
            "240.000",
            "240’000",
            "240\u{a0}000",
            "2,40,000",
        ] {
            assert_eq!(parse_enrolment(typed), Ok(240_000), "typed {typed:?}");
        }
    }

    #[test]
    fn enrolment_refuses_negative_fractional_and_non_numeric_text_naming_it() {
        let negative = parse_enrolment("-5").expect_err("negative refused");
        assert!(
            negative.contains("negative") && negative.contains("-5"),
            "{negative}"
        );
        for typed in [
            "abc",
            "12.5",
            "1,23",
            "12e3",
            "1,2345",
            "1,2,000",
            "123,45,000",
        ] {
            let message = parse_enrolment(typed).expect_err(typed);
            assert!(
                message.contains(typed),
                "message names what was typed: {message}"
            );
        }
        assert!(parse_enrolment("").is_err());
        assert!(
            parse_enrolment("5,000,001")
                .expect_err("too many")
                .contains("limit")
        );
        assert_eq!(parse_enrolment("5,000,000"), Ok(MAX_ENROLMENT));
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

    #[test]
    fn a_profile_saved_before_these_fields_existed_still_reads() {
        let old = r#"{"name":"Old U","country":null,"totalEnrolment":5,"stage":"exploring"}"#;
        let profile: InstitutionProfile = serde_json::from_str(old).expect("old profile reads");
        assert_eq!(
            profile,
            InstitutionProfile::new("Old U", 5, Stage::Exploring)
        );
    }
}
