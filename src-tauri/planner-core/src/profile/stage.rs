//! How far along the institution is with micro-credentials.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
