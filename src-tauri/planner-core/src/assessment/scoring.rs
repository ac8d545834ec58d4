//! From answers to scores. An area's score runs from 0 (the obstacle is as large as it gets)
//! to 100 (no obstacle): the weighted mean of its rated statements, each rating 1–5 mapped onto
//! 0–1 (reversed for statements where agreeing means a bigger obstacle). "Don't know" and
//! unanswered statements are left out of the mean and lower the confidence instead.

use serde::Serialize;
use ts_rs::TS;

use super::guide::{BandKey, ChallengeArea, guide};
use super::{Answer, AreaKey, Assessment};
use crate::profile::Stage;

/// How much of an area's weight rests on actual ratings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Nothing rated: no score.
    None,
    /// Under half the weight rated.
    Low,
    /// Half or more rated, under 80%.
    Medium,
    /// 80% or more rated.
    High,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AreaResult {
    pub area: AreaKey,
    pub title: String,
    /// 0–100, higher is readier; `None` until something is rated.
    pub score: Option<u8>,
    pub band: Option<BandKey>,
    pub band_label: Option<String>,
    pub statements: u8,
    pub rated: u8,
    pub dont_know: u8,
    pub unanswered: u8,
    pub confidence: Confidence,
    /// Named a top challenge by leaders at the plan's stage.
    pub emphasised: bool,
    pub benchmark_percent: u8,
    /// "53% of leaders at institutions that offer micro-credentials name resource allocation a
    /// top challenge".
    pub benchmark_line: String,
    /// 1 for the weakest scored area; `None` while unscored.
    pub rank: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentResult {
    /// Every area, in the wizard's order for the plan's stage.
    pub areas: Vec<AreaResult>,
    /// Scored areas, weakest first.
    pub ranking: Vec<AreaKey>,
    /// Statements answered (rated or "don't know") and in all.
    pub answered: u16,
    pub total: u16,
    /// Scored areas in the critical or significant band: where mitigation is most needed.
    pub weakest: Vec<AreaKey>,
}

/// An area's exact score (0–100, unrounded) and the share of its weight that was rated.
pub fn score_area(area: &ChallengeArea, answers: &[Answer]) -> (Option<f64>, f64) {
    let mut rated_weight = 0.0;
    let mut total_weight = 0.0;
    let mut sum = 0.0;
    for (i, statement) in area.statements.iter().enumerate() {
        let weight = f64::from(statement.weight);
        total_weight += weight;
        if let Some(Answer::Rated(r)) = answers.get(i) {
            let agreement = (f64::from(*r) - 1.0) / 4.0;
            let readiness = if statement.reverse {
                1.0 - agreement
            } else {
                agreement
            };
            sum += weight * readiness;
            rated_weight += weight;
        }
    }
    let share = if total_weight > 0.0 {
        rated_weight / total_weight
    } else {
        0.0
    };
    let score = (rated_weight > 0.0).then(|| 100.0 * sum / rated_weight);
    (score, share)
}

fn confidence(rated_share: f64) -> Confidence {
    match rated_share {
        s if s >= 0.8 => Confidence::High,
        s if s >= 0.5 => Confidence::Medium,
        s if s > 0.0 => Confidence::Low,
        _ => Confidence::None,
    }
}

/// Scores every area of an assessment for a plan at `stage`.
pub fn assess(assessment: &Assessment, stage: Stage) -> AssessmentResult {
    let guide = guide();
    let mut areas: Vec<AreaResult> = AreaKey::wizard_order(stage)
        .into_iter()
        .map(|key| {
            let area = guide.area(key);
            let empty = Vec::new();
            let answers = assessment
                .responses
                .get(&key)
                .map_or(&empty, |r| &r.answers);
            let (exact, share) = score_area(area, answers);
            let score = exact.map(|s| s.round().clamp(0.0, 100.0) as u8);
            let band = score.map(|s| guide.band_for(s));
            let count = |f: fn(&Answer) -> bool| {
                (0..area.statements.len())
                    .filter(|i| f(answers.get(*i).unwrap_or(&Answer::Unanswered)))
                    .count() as u8
            };
            let b = &area.benchmark;
            AreaResult {
                area: key,
                title: area.title.clone(),
                score,
                band: band.map(|b| b.key),
                band_label: band.map(|b| b.label.clone()),
                statements: area.statements.len() as u8,
                rated: count(|a| matches!(a, Answer::Rated(_))),
                dont_know: count(|a| matches!(a, Answer::DontKnow)),
                unanswered: count(|a| matches!(a, Answer::Unanswered)),
                confidence: confidence(share),
                emphasised: area.emphasised_for == stage,
                benchmark_percent: b.percent,
                benchmark_line: format!(
                    "{}% of leaders {} name {} a top challenge",
                    b.percent, b.population, b.challenge
                ),
                rank: None,
            }
        })
        .collect();

    let mut scored: Vec<&AreaResult> = areas.iter().filter(|a| a.score.is_some()).collect();
    scored.sort_by_key(|a| (a.score, std::cmp::Reverse(a.benchmark_percent), a.area));
    let ranking: Vec<AreaKey> = scored.iter().map(|a| a.area).collect();
    let weakest = scored
        .iter()
        .filter(|a| matches!(a.band, Some(BandKey::Critical | BandKey::Significant)))
        .map(|a| a.area)
        .collect();
    for area in &mut areas {
        area.rank = ranking
            .iter()
            .position(|k| *k == area.area)
            .map(|p| p as u8 + 1);
    }
    let total = areas.iter().map(|a| u16::from(a.statements)).sum();
    let answered = areas.iter().map(|a| u16::from(a.rated + a.dont_know)).sum();
    AssessmentResult {
        areas,
        ranking,
        answered,
        total,
        weakest,
    }
}
