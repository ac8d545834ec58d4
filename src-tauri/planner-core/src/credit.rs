//! The home credit system: how the institution counts academic credit.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CreditSystem {
    /// US semester credit hours, with ACE credit recommendations.
    UsSemester,
    /// European Credit Transfer and Accumulation System.
    Ects,
    /// India's National Skills Qualifications Framework / National Credit Framework.
    Nsqf,
    /// UK Credit Accumulation and Transfer Scheme.
    UkCats,
    /// The institution's own rule: a number of learning hours per credit.
    Custom,
}

impl CreditSystem {
    pub const ALL: [CreditSystem; 5] = [
        CreditSystem::UsSemester,
        CreditSystem::Ects,
        CreditSystem::Nsqf,
        CreditSystem::UkCats,
        CreditSystem::Custom,
    ];

    pub fn key(self) -> &'static str {
        match self {
            CreditSystem::UsSemester => "us_semester",
            CreditSystem::Ects => "ects",
            CreditSystem::Nsqf => "nsqf",
            CreditSystem::UkCats => "uk_cats",
            CreditSystem::Custom => "custom",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CreditSystem::UsSemester => "US semester credit hours (ACE recommendations)",
            CreditSystem::Ects => "ECTS credits",
            CreditSystem::Nsqf => "NSQF / NCrF credits (India)",
            CreditSystem::UkCats => "UK CATS credits",
            CreditSystem::Custom => "Our own rule (hours per credit)",
        }
    }

    pub fn parse(text: &str) -> Option<CreditSystem> {
        CreditSystem::ALL
            .into_iter()
            .find(|s| s.key() == text.trim().to_ascii_lowercase())
    }
}
