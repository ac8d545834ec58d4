//! The institution a plan is for, and the form that edits it.

mod count;
mod form;
mod institution_type;
mod parse;
mod stage;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::AcademicCalendar;
use crate::credit::CreditSystem;
use crate::places::country_name;

pub use count::{MAX_ENROLMENT, parse_count, parse_enrolment};
pub use form::{ProfileForm, TermStartForm, profile_field};
pub use institution_type::InstitutionType;
pub use stage::Stage;

pub(super) fn default_currency() -> String {
    "USD".to_owned()
}

fn default_fiscal_month() -> u8 {
    7
}

fn default_credit_system() -> CreditSystem {
    CreditSystem::UsSemester
}

/// The institution a plan is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
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

#[cfg(test)]
mod tests {
    use super::*;

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
