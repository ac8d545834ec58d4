use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{FieldError, ValidationErrors};

/// Larger than any single university system (the largest enrol a few million).
pub const MAX_ENROLMENT: u32 = 5_000_000;
const MAX_NAME_CHARS: usize = 200;

const COUNTRIES: &str = include_str!("../data/countries.tsv");

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

/// The institution a plan is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InstitutionProfile {
    /// As the institution writes it, in any script.
    pub name: String,
    /// ISO 3166-1 alpha-2 code, or `None` while not chosen.
    pub country: Option<String>,
    pub total_enrolment: u32,
    pub stage: Stage,
}

impl InstitutionProfile {
    pub fn country_name(&self) -> Option<&'static str> {
        self.country.as_deref().and_then(country_name)
    }
}

/// The profile form exactly as typed, before validation. Numbers arrive as text so that
/// "abc" or "-5" reach the validator and get a message instead of vanishing in the UI.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileForm {
    pub title: String,
    pub institution_name: String,
    /// A country code, or empty for none.
    pub country: String,
    pub total_enrolment: String,
    pub stage: String,
}

/// The form's field keys, as the UI names them.
pub mod profile_field {
    pub const TITLE: &str = "title";
    pub const INSTITUTION_NAME: &str = "institutionName";
    pub const COUNTRY: &str = "country";
    pub const TOTAL_ENROLMENT: &str = "totalEnrolment";
    pub const STAGE: &str = "stage";
}

impl ProfileForm {
    pub fn from_plan(title: &str, profile: &InstitutionProfile) -> Self {
        Self {
            title: title.to_owned(),
            institution_name: profile.name.clone(),
            country: profile.country.clone().unwrap_or_default(),
            total_enrolment: profile.total_enrolment.to_string(),
            stage: profile.stage.key().to_owned(),
        }
    }

    /// Checks every field and returns the cleaned title and profile, or all the problems.
    pub fn validate(&self) -> Result<(String, InstitutionProfile), ValidationErrors> {
        let mut errors = Vec::new();
        let mut push = |field: &str, message: String| {
            errors.push(FieldError {
                field: field.to_owned(),
                message,
            });
        };

        let title =
            required_text(&self.title, "Plan title").map_err(|m| push(profile_field::TITLE, m));
        let name = required_text(&self.institution_name, "Institution name")
            .map_err(|m| push(profile_field::INSTITUTION_NAME, m));
        let country = parse_country(&self.country).map_err(|m| push(profile_field::COUNTRY, m));
        let enrolment = parse_enrolment(&self.total_enrolment)
            .map_err(|m| push(profile_field::TOTAL_ENROLMENT, m));
        let stage = Stage::parse(&self.stage).ok_or_else(|| {
            push(
                profile_field::STAGE,
                format!(
                    "Stage must be “exploring” or “offering” (got “{}”)",
                    self.stage.trim()
                ),
            )
        });

        match (title, name, country, enrolment, stage) {
            (Ok(title), Ok(name), Ok(country), Ok(total_enrolment), Ok(stage)) => Ok((
                title,
                InstitutionProfile {
                    name,
                    country,
                    total_enrolment,
                    stage,
                },
            )),
            _ => Err(ValidationErrors(errors)),
        }
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

/// Reads a head count as people type it: "12500", "12,500", "12 500", "12.500", "12’500",
/// "2,40,000".
pub fn parse_enrolment(text: &str) -> Result<u32, String> {
    let typed = text.trim();
    if typed.is_empty() {
        return Err("Total enrolment is required: the number of students, such as 12,500".into());
    }
    if typed.starts_with('-') || typed.starts_with('−') {
        return Err(format!(
            "Total enrolment cannot be negative (you typed “{typed}”)"
        ));
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
    let well_grouped = digits_only && (rest.is_empty() || thousands || lakhs);
    if !well_grouped {
        return Err(format!(
            "Total enrolment must be a whole number of students, such as 12,500 (you typed “{typed}”)"
        ));
    }
    let digits: String = groups.concat();
    match digits.parse::<u64>() {
        Ok(n) if n > u64::from(MAX_ENROLMENT) => Err(format!(
            "Total enrolment of {typed} is more than any institution enrols; the limit is 5,000,000"
        )),
        Ok(n) => Ok(u32::try_from(n).unwrap_or(MAX_ENROLMENT)),
        Err(_) => Err(format!(
            "Total enrolment of {typed} is more than any institution enrols; the limit is 5,000,000"
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

/// A country as the profile form offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub code: &'static str,
    pub name: &'static str,
}

/// Every country the tool knows, sorted by code.
pub fn countries() -> impl Iterator<Item = Country> {
    COUNTRIES
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .filter_map(|line| line.split_once('\t'))
        .map(|(code, name)| Country { code, name })
}

pub fn country_name(code: &str) -> Option<&'static str> {
    countries().find(|c| c.code == code).map(|c| c.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(enrolment: &str) -> ProfileForm {
        ProfileForm {
            title: "Rollout 2027".into(),
            institution_name: "Łódź University of Technology".into(),
            country: "pl".into(),
            total_enrolment: enrolment.into(),
            stage: "offering".into(),
        }
    }

    #[test]
    fn a_complete_form_gives_a_clean_profile() {
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
            total_enrolment: "lots".into(),
            stage: "thinking".into(),
        };
        let errors = bad.validate().expect_err("invalid form").0;
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "title",
                "institutionName",
                "country",
                "totalEnrolment",
                "stage"
            ]
        );
    }

    #[test]
    fn countries_come_from_the_iso_list() {
        assert_eq!(country_name("MX"), Some("Mexico"));
        assert_eq!(country_name("GR"), Some("Greece"));
        assert!(
            countries().count() > 240,
            "the whole ISO 3166-1 list is there"
        );
        assert_eq!(parse_country(""), Ok(None));
    }
}
