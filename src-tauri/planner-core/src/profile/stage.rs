//! How far along the institution is with micro-credentials.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where the institution stands with micro-credentials; it decides which challenges the
/// assessment emphasises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Does not offer micro-credentials yet.
    Exploring,
    /// Offers them and wants to expand.
    Offering,
}
