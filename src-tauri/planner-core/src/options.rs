//! The choices the profile form offers, with their labels, so the UI never spells them itself.

use serde::Serialize;
use ts_rs::TS;

use crate::calendar::{CalendarSystem, TermStart};
use crate::credit::CreditSystem;
use crate::places::{CodeName, countries, currencies};
use crate::profile::InstitutionType;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Choice {
    pub key: &'static str,
    pub label: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CalendarChoice {
    pub key: &'static str,
    pub label: &'static str,
    pub min_terms: u8,
    pub max_terms: u8,
    /// A starting point when the dean switches to this system.
    pub typical_terms: Vec<TermStart>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileOptions {
    pub countries: Vec<CodeName>,
    pub currencies: Vec<CodeName>,
    pub institution_types: Vec<Choice>,
    pub calendar_systems: Vec<CalendarChoice>,
    pub credit_systems: Vec<Choice>,
}

pub fn profile_options() -> ProfileOptions {
    ProfileOptions {
        countries: countries().collect(),
        currencies: currencies().collect(),
        institution_types: InstitutionType::ALL
            .iter()
            .map(|t| Choice {
                key: t.key(),
                label: t.label(),
            })
            .collect(),
        calendar_systems: CalendarSystem::ALL
            .iter()
            .map(|s| CalendarChoice {
                key: s.key(),
                label: s.label(),
                min_terms: *s.term_counts().start() as u8,
                max_terms: *s.term_counts().end() as u8,
                typical_terms: s.typical_terms(),
            })
            .collect(),
        credit_systems: CreditSystem::ALL
            .iter()
            .map(|s| Choice {
                key: s.key(),
                label: s.label(),
            })
            .collect(),
    }
}
