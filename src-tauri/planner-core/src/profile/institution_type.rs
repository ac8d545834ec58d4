//! The kind of institution.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
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
