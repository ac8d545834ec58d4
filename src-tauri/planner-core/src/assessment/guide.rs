//! The assessment's fixed content: challenge areas, their statements, severity bands, the
//! report's findings and the mitigation-action library. It is data (`data/assessment.json`),
//! loaded and checked once; the figures in it are the reference report's and are tested
//! against its text.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::AreaKey;
use crate::profile::Stage;

const GUIDE_JSON: &str = include_str!("../../data/assessment.json");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssessmentGuide {
    /// Where every benchmark figure and finding comes from, as it is cited.
    pub source: String,
    /// The six areas, in the report's order.
    pub areas: Vec<ChallengeArea>,
    /// From most to least severe; each applies from its `minScore` up to the next band's.
    pub bands: Vec<SeverityBand>,
    pub findings: Vec<Finding>,
    pub actions: Vec<MitigationAction>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChallengeArea {
    pub key: AreaKey,
    /// "Resource allocation".
    pub title: String,
    /// One sentence on what the area covers.
    pub summary: String,
    /// The stage whose leaders named it a top challenge; the wizard puts it first for them.
    pub emphasised_for: Stage,
    pub benchmark: Benchmark,
    /// 4–6 statements; agreeing (5) means the institution is ready, unless `reverse`.
    pub statements: Vec<Statement>,
}

/// "53% of leaders at offering institutions name resource allocation a top challenge."
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Benchmark {
    /// Share of the surveyed leaders, in percent.
    pub percent: u8,
    /// The leaders it is a share of, completing "…% of leaders …": "at institutions that
    /// offer micro-credentials".
    pub population: String,
    /// Completes "name … a top challenge": "resource allocation".
    pub challenge: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Statement {
    pub text: String,
    /// Relative importance within the area (1–3).
    pub weight: u8,
    /// True when agreeing with the statement means a bigger obstacle.
    #[serde(default)]
    pub reverse: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SeverityBand {
    pub key: BandKey,
    pub label: String,
    /// Lowest score (0–100) in this band.
    pub min_score: u8,
    /// What the band means for the plan, one sentence.
    pub meaning: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BandKey {
    Critical,
    Significant,
    Moderate,
    Minor,
}

/// A figure from the report that helps make the case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Finding {
    pub key: String,
    pub percent: u8,
    /// The finding as the report puts it, without the figure: "believe micro-credentials can
    /// strengthen students’ long-term career outcomes".
    pub claim: String,
    /// Who said it, completing "…% of …": "higher-education leaders surveyed".
    pub population: String,
    /// Areas where this finding helps a dean persuade others.
    pub supports: Vec<AreaKey>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Effort {
    Low,
    Medium,
    High,
}

/// The rollout phase an action belongs in.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    TS,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Prepare,
    Pilot,
    Scale,
    Sustain,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MitigationAction {
    /// Stable identifier, e.g. "faculty_champions".
    pub key: String,
    pub area: AreaKey,
    pub title: String,
    pub description: String,
    pub effort: Effort,
    pub duration_weeks: u16,
    /// Typical one-time cost, in US dollars (a reference figure; the budget is in the plan's
    /// own currency).
    pub one_time_cost_usd: u32,
    /// Typical cost per year once running, in US dollars.
    pub recurring_cost_usd: u32,
    pub owner_role: String,
    pub phase: Phase,
    /// Why it helps: a finding key from `findings`, or practice the action rests on.
    pub evidence: String,
}

impl AssessmentGuide {
    pub fn area(&self, key: AreaKey) -> &ChallengeArea {
        self.areas
            .iter()
            .find(|a| a.key == key)
            .expect("the guide has every area (checked at load)")
    }

    pub fn action(&self, key: &str) -> Option<&MitigationAction> {
        self.actions.iter().find(|a| a.key == key)
    }

    pub fn band_for(&self, score: u8) -> &SeverityBand {
        self.bands
            .iter()
            .filter(|b| b.min_score <= score)
            .max_by_key(|b| b.min_score)
            .expect("a band starts at 0 (checked at load)")
    }

    /// Checks what serde cannot: every area once, 4–6 statements, bands covering 0–100,
    /// actions naming real areas with unique keys, evidence naming real findings.
    fn check(&self) -> Result<(), String> {
        for key in AreaKey::ALL {
            let count = self.areas.iter().filter(|a| a.key == key).count();
            if count != 1 {
                return Err(format!("area {} appears {count} times", key.key()));
            }
        }
        for area in &self.areas {
            let n = area.statements.len();
            if !(4..=6).contains(&n) {
                return Err(format!(
                    "area {} has {n} statements; 4–6 are wanted",
                    area.key.key()
                ));
            }
            if let Some(s) = area
                .statements
                .iter()
                .find(|s| !(1..=3).contains(&s.weight))
            {
                return Err(format!("statement “{}” has weight {}", s.text, s.weight));
            }
        }
        let mut mins: Vec<u8> = self.bands.iter().map(|b| b.min_score).collect();
        mins.sort_unstable();
        mins.dedup();
        if mins.first() != Some(&0) || mins.len() != self.bands.len() {
            return Err("severity bands must start at 0 and not share a start".into());
        }
        let mut keys: Vec<&str> = self.actions.iter().map(|a| a.key.as_str()).collect();
        keys.sort_unstable();
        if let Some(w) = keys.windows(2).find(|w| w[0] == w[1]) {
            return Err(format!("action key {} is used twice", w[0]));
        }
        for action in &self.actions {
            let known = self.findings.iter().any(|f| f.key == action.evidence);
            if action.evidence.trim().is_empty() || (action.evidence.len() < 40 && !known) {
                return Err(format!(
                    "action {} cites evidence “{}”",
                    action.key, action.evidence
                ));
            }
        }
        Ok(())
    }
}

/// The guide, loaded and checked on first use.
pub fn guide() -> &'static AssessmentGuide {
    static GUIDE: OnceLock<AssessmentGuide> = OnceLock::new();
    GUIDE.get_or_init(|| {
        let guide: AssessmentGuide = serde_json::from_str(GUIDE_JSON)
            .unwrap_or_else(|e| panic!("data/assessment.json does not read: {e}"));
        if let Err(problem) = guide.check() {
            panic!("data/assessment.json is inconsistent: {problem}");
        }
        guide
    })
}
