//! The home credit system: how the institution counts academic credit.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
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
