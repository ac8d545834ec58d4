//! The kind of institution.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
