//! Risks proposed from the assessment's weakest areas. Likelihood follows the area's score
//! (the weaker, the likelier); impact follows how widely leaders name the area a top challenge,
//! one step more where leaders at the plan's stage name it first. The mitigation is an action
//! of the area from the library (an adopted one first), and its owner owns the risk.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::validate::error;
use super::validate::{MAX_OWNER_CHARS, MAX_TITLE_CHARS};
use crate::assessment::{AreaKey, AreaResult, Assessment, AssessmentResult, guide};
use crate::error::ValidationErrors;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Risk {
    /// The assessment area it comes from; `None` for a risk the dean added.
    pub area: Option<AreaKey>,
    pub title: String,
    /// 1 (rare) to 5 (almost certain).
    pub likelihood: u8,
    /// 1 (minor) to 5 (severe).
    pub impact: u8,
    pub mitigation: String,
    pub owner_role: String,
}

impl Risk {
    /// Likelihood × impact, 1 to 25: where the risk sits on the 5×5 matrix.
    pub fn severity(&self) -> u8 {
        self.likelihood * self.impact
    }
}

/// One risk for each area in the critical or significant band, or for the weakest scored area
/// when none is; the most severe first. Nothing before an area is scored.
pub fn propose_risks(result: &AssessmentResult, assessment: &Assessment) -> Vec<Risk> {
    let mut areas: Vec<AreaKey> = result.weakest.clone();
    if areas.is_empty() {
        areas.extend(result.ranking.first().copied());
    }
    let mut risks: Vec<Risk> = areas
        .into_iter()
        .filter_map(|key| result.areas.iter().find(|a| a.area == key))
        .filter_map(|area| risk_for(area, assessment))
        .collect();
    risks.sort_by_key(|r| std::cmp::Reverse(r.severity()));
    risks
}

fn risk_for(area: &AreaResult, assessment: &Assessment) -> Option<Risk> {
    let score = area.score?;
    let library = &guide().actions;
    let adopted = assessment.adopted_actions.iter().find_map(|a| {
        library
            .iter()
            .find(|action| action.key == a.action && action.area == area.area)
    });
    let mitigation = adopted.or_else(|| {
        library
            .iter()
            .filter(|action| action.area == area.area)
            .min_by_key(|action| action.effort as u8)
    })?;
    Some(Risk {
        area: Some(area.area),
        title: risk_title(area.area).to_owned(),
        likelihood: likelihood(score),
        impact: impact(area.benchmark_percent, area.emphasised),
        mitigation: mitigation.title.clone(),
        owner_role: mitigation.owner_role.clone(),
    })
}

/// Scores 0–19 → 5, 20–39 → 4, 40–59 → 3, 60–79 → 2, 80–100 → 1.
fn likelihood(score: u8) -> u8 {
    5 - score.min(99) / 20
}

/// One step for each quarter of leaders naming the area a top challenge (rounded up), plus
/// one where the plan's stage names it first; 1 to 5.
fn impact(benchmark_percent: u8, emphasised: bool) -> u8 {
    (1 + benchmark_percent.div_ceil(25) + u8::from(emphasised)).clamp(1, 5)
}

fn risk_title(area: AreaKey) -> &'static str {
    match area {
        AreaKey::Awareness => {
            "Leaders and faculty know too little about micro-credentials to back them"
        }
        AreaKey::CurriculumIntegration => {
            "Certificates find no place in degree curricula, so no credit is awarded"
        }
        AreaKey::Quality => "Doubts about certificate quality stall approval",
        AreaKey::Resources => "Money and staff time run out before the pilot proves itself",
        AreaKey::CurriculumTransformation => {
            "Programs are not redesigned, so certificates stay add-ons"
        }
        AreaKey::FacultyBuyIn => "Faculty do not take part, so courses are not mapped or taught",
    }
}

/// Checks risks the dean edited, keyed `risks.N.field`.
pub fn validate_risks(risks: &[Risk]) -> Result<(), ValidationErrors> {
    let mut errors = Vec::new();
    for (i, risk) in risks.iter().enumerate() {
        let field = |name: &str| format!("risks.{i}.{name}");
        let name = format!("Risk {}", i + 1);
        let title = risk.title.trim();
        if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
            errors.push(error(
                &field("title"),
                format!("{name} needs a description of 1 to {MAX_TITLE_CHARS} characters"),
            ));
        }
        for (value, key, label) in [
            (risk.likelihood, "likelihood", "likelihood"),
            (risk.impact, "impact", "impact"),
        ] {
            if !(1..=5).contains(&value) {
                errors.push(error(
                    &field(key),
                    format!("{name}: the {label} must be 1 to 5, not {value}"),
                ));
            }
        }
        let owner = risk.owner_role.trim();
        if owner.is_empty() || owner.chars().count() > MAX_OWNER_CHARS {
            errors.push(error(
                &field("ownerRole"),
                format!("{name} needs an owner role of 1 to {MAX_OWNER_CHARS} characters"),
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ValidationErrors(errors))
    }
}
