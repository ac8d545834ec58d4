//! Risks proposed from the assessment's weakest areas. Likelihood follows the area's score
//! (the weaker, the likelier); impact follows how widely leaders name the area a top challenge,
//! one step more where leaders at the plan's stage name it first. The mitigation is an action
//! of the area from the library (an adopted one first), and its owner owns the risk.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::engagement::check_text;
use super::validate::{MAX_OWNER_CHARS, MAX_TITLE_CHARS, error};
use crate::assessment::{AreaKey, AreaResult, Assessment, AssessmentResult, guide};
use crate::error::ValidationErrors;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
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

/// Likelihood 1 to 5 in words, at index 0 to 4: the window, `mcplan` and the PDF say the same.
pub const LIKELIHOOD_WORDS: [&str; 5] =
    ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];

/// Impact 1 to 5 in words, at index 0 to 4.
pub const IMPACT_WORDS: [&str; 5] = ["Minor", "Moderate", "Serious", "Major", "Severe"];

/// The bands of the 5×5 matrix, each from the lowest likelihood × impact it holds, so the
/// matrix reads without colour.
pub const SEVERITY_BANDS: [(u8, &str); 4] =
    [(1, "Low"), (5, "Medium"), (10, "High"), (15, "Very high")];

impl Risk {
    /// Likelihood × impact, 1 to 25: where the risk sits on the 5×5 matrix. (Saturating, so
    /// a risk not yet validated cannot overflow it.)
    pub fn severity(&self) -> u8 {
        self.likelihood.saturating_mul(self.impact)
    }

    /// "Likely": the likelihood in words ("" off the scale, for a risk not yet validated).
    pub fn likelihood_words(&self) -> &'static str {
        scale_words(&LIKELIHOOD_WORDS, self.likelihood)
    }

    /// "Severe": the impact in words.
    pub fn impact_words(&self) -> &'static str {
        scale_words(&IMPACT_WORDS, self.impact)
    }

    /// "Very high": the band of the matrix the risk sits in.
    pub fn severity_band(&self) -> &'static str {
        severity_band(self.severity())
    }
}

fn scale_words(words: &[&'static str; 5], value: u8) -> &'static str {
    usize::from(value)
        .checked_sub(1)
        .and_then(|i| words.get(i))
        .copied()
        .unwrap_or("")
}

/// The band holding `severity` (likelihood × impact); "" for 0, which no valid risk has.
pub fn severity_band(severity: u8) -> &'static str {
    SEVERITY_BANDS
        .iter()
        .rev()
        .find(|(from, _)| severity >= *from)
        .map_or("", |(_, band)| band)
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

/// A plan lists at most this many risks.
pub const MAX_RISKS: usize = 200;
pub const MAX_MITIGATION_CHARS: usize = 1_000;

/// One change to the plan's risks; a risk is named by its place in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RiskEdit {
    Add {
        risk: Risk,
    },
    Update {
        index: u32,
        risk: Risk,
    },
    Remove {
        index: u32,
    },
    /// Adds the proposed risk of each weak area that has none yet.
    Propose,
}

impl RiskEdit {
    /// The risks after this change, or why it is refused.
    pub fn apply(
        self,
        risks: &[Risk],
        result: &AssessmentResult,
        assessment: &Assessment,
    ) -> Result<Vec<Risk>, ValidationErrors> {
        let mut risks = risks.to_vec();
        let gone = || {
            ValidationErrors::single(
                "risks",
                "That risk is no longer in the plan; it may have been removed elsewhere",
            )
        };
        match self {
            RiskEdit::Add { risk } => risks.push(risk),
            RiskEdit::Update { index, risk } => {
                *risks.get_mut(index as usize).ok_or_else(gone)? = risk;
            }
            RiskEdit::Remove { index } => {
                if index as usize >= risks.len() {
                    return Err(gone());
                }
                risks.remove(index as usize);
            }
            RiskEdit::Propose => {
                let new: Vec<Risk> = propose_risks(result, assessment)
                    .into_iter()
                    .filter(|p| !risks.iter().any(|r| r.area == p.area))
                    .collect();
                risks.extend(new);
            }
        }
        for risk in &mut risks {
            risk.title = risk.title.trim().to_owned();
            risk.mitigation = risk.mitigation.trim().to_owned();
            risk.owner_role = risk.owner_role.trim().to_owned();
        }
        validate_risks(&risks)?;
        Ok(risks)
    }
}

/// Checks risks the dean edited, keyed `risks.N.field`.
pub fn validate_risks(risks: &[Risk]) -> Result<(), ValidationErrors> {
    if risks.len() > MAX_RISKS {
        return Err(ValidationErrors::single(
            "risks",
            format!(
                "A plan lists at most {MAX_RISKS} risks; this one has {}",
                risks.len()
            ),
        ));
    }
    let mut errors = Vec::new();
    for (i, risk) in risks.iter().enumerate() {
        let field = |name: &str| format!("risks.{i}.{name}");
        let n = i + 1;
        let texts = [
            (
                "title",
                format!("The description of risk {n}"),
                &risk.title,
                MAX_TITLE_CHARS,
            ),
            (
                "mitigation",
                format!("The mitigation of risk {n}"),
                &risk.mitigation,
                MAX_MITIGATION_CHARS,
            ),
            (
                "ownerRole",
                format!("The owner role of risk {n}"),
                &risk.owner_role,
                MAX_OWNER_CHARS,
            ),
        ];
        for (key, label, value, max) in texts {
            check_text(&mut errors, &field(key), &label, value, max);
        }
        for (value, key) in [(risk.likelihood, "likelihood"), (risk.impact, "impact")] {
            if !(1..=5).contains(&value) {
                errors.push(error(
                    &field(key),
                    format!("Risk {n}: the {key} must be 1 to 5, not {value}"),
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ValidationErrors(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Answer, AreaResponse, assess};
    use crate::profile::Stage;

    #[test]
    fn the_samples_weak_areas_become_risks_the_most_severe_first() {
        // Resources scores 25 (critical), faculty buy-in 29 (critical), curriculum
        // transformation 48 (significant): likelihood 4, 4 and 3. Impact: 53%, 47% and 50% of
        // leaders name them a top challenge (3, 2 and 2 quarters, rounded up), one more for
        // each as leaders at offering institutions name them first: 5, 4 and 4.
        let plan = crate::sample_plan();
        let result = assess(&plan.assessment, plan.profile.stage);
        let risks = propose_risks(&result, &plan.assessment);
        let summary: Vec<_> = risks
            .iter()
            .map(|r| (r.area, r.likelihood, r.impact, r.severity()))
            .collect();
        assert_eq!(
            summary,
            [
                (Some(AreaKey::Resources), 4, 5, 20),
                (Some(AreaKey::FacultyBuyIn), 4, 4, 16),
                (Some(AreaKey::CurriculumTransformation), 3, 4, 12),
            ]
        );
        // Each is mitigated by the area's action the dean adopted, owned by its owner.
        assert_eq!(risks[0].mitigation, "Create a pilot budget line");
        assert_eq!(risks[0].owner_role, "Chief financial officer");
        assert_eq!(
            risks[1].mitigation,
            "Name faculty champions with workload credit"
        );
        assert!(validate_risks(&risks).is_ok());
    }

    #[test]
    fn with_no_weak_area_the_weakest_scored_one_is_proposed_with_its_lightest_action() {
        let mut assessment = Assessment::default();
        let mut rate = |area: AreaKey, rating: u8| {
            let statements = guide().area(area).statements.len();
            let response = AreaResponse {
                answers: vec![Answer::Rated(rating); statements],
                evidence: String::new(),
            };
            assessment.set_response(area, response).expect("valid");
        };
        rate(AreaKey::Awareness, 5);
        rate(AreaKey::Quality, 4);
        let result = assess(&assessment, Stage::Exploring);
        assert!(result.weakest.is_empty(), "nothing critical or significant");
        let risks = propose_risks(&result, &assessment);
        assert_eq!(risks.len(), 1);
        // Quality rated 4 throughout: agreeing statements (weight 9) at 0.75, the reversed one
        // (weight 2) at 0.25, so (6.75 + 0.5) / 11 = 66: likelihood 2. Impact: 35% of leaders
        // (2 quarters), and exploring institutions name it first: 4.
        assert_eq!(
            (risks[0].area, risks[0].likelihood, risks[0].impact),
            (Some(AreaKey::Quality), 2, 4)
        );
        // Nothing adopted: the first low-effort quality action of the library.
        assert_eq!(
            (risks[0].mitigation.as_str(), risks[0].owner_role.as_str()),
            ("Start with externally reviewed certificates", "Registrar")
        );
        assert!(
            propose_risks(
                &assess(&Assessment::default(), Stage::Exploring),
                &assessment
            )
            .is_empty()
        );
    }

    #[test]
    fn likelihood_falls_as_the_score_rises_and_impact_stays_on_the_matrix() {
        let table: Vec<u8> = [0, 19, 20, 39, 40, 59, 60, 79, 80, 100]
            .into_iter()
            .map(likelihood)
            .collect();
        assert_eq!(table, [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
        assert_eq!(
            (impact(0, false), impact(100, true), impact(26, false)),
            (1, 5, 3)
        );
    }

    #[test]
    fn each_risk_reads_in_words_and_sits_in_one_band() {
        let mut risk = Risk {
            area: None,
            title: "Accreditor objects".to_owned(),
            likelihood: 4,
            impact: 5,
            mitigation: String::new(),
            owner_role: "Provost".to_owned(),
        };
        assert_eq!(
            (
                risk.likelihood_words(),
                risk.impact_words(),
                risk.severity_band()
            ),
            ("Likely", "Severe", "Very high")
        );
        let bands: Vec<&str> = [1, 4, 5, 9, 10, 12, 15, 25]
            .into_iter()
            .map(severity_band)
            .collect();
        assert_eq!(
            bands,
            [
                "Low",
                "Low",
                "Medium",
                "Medium",
                "High",
                "High",
                "Very high",
                "Very high"
            ]
        );
        risk.likelihood = 0;
        assert_eq!((risk.likelihood_words(), risk.severity_band()), ("", ""));
    }

    #[test]
    fn an_edited_risk_needs_ratings_on_the_matrix_and_an_owner() {
        let risk = Risk {
            area: None,
            title: "Accreditor objects".to_owned(),
            likelihood: 0,
            impact: 6,
            mitigation: String::new(),
            owner_role: " ".to_owned(),
        };
        let errors = validate_risks(&[risk]).expect_err("invalid");
        let fields: Vec<_> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "risks.0.mitigation",
                "risks.0.ownerRole",
                "risks.0.likelihood",
                "risks.0.impact"
            ]
        );
        assert_eq!(
            errors.0[3].message,
            "Risk 1: the impact must be 1 to 5, not 6"
        );
    }
}
