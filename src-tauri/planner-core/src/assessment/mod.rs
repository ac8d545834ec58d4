//! The guided challenge assessment: the dean's answers, where the wizard stands, the actions
//! adopted, and the scores computed from them.

mod answers_file;
mod guide;
mod scoring;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

pub use answers_file::{AnswerFileError, parse_answers_file};
pub use guide::{
    AssessmentGuide, BandKey, Benchmark, ChallengeArea, Effort, Finding, MitigationAction, Phase,
    SeverityBand, Statement, guide,
};
pub use scoring::{AreaResult, AssessmentResult, Confidence, assess, score_area};

use crate::error::ValidationErrors;
use crate::profile::Stage;

/// The six challenge areas of the reference report. The keys are used everywhere: store, plan
/// files, CLI.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    TS,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AreaKey {
    Awareness,
    CurriculumIntegration,
    Quality,
    Resources,
    CurriculumTransformation,
    FacultyBuyIn,
}

impl AreaKey {
    pub const ALL: [AreaKey; 6] = [
        AreaKey::Awareness,
        AreaKey::CurriculumIntegration,
        AreaKey::Quality,
        AreaKey::Resources,
        AreaKey::CurriculumTransformation,
        AreaKey::FacultyBuyIn,
    ];

    pub fn key(self) -> &'static str {
        match self {
            AreaKey::Awareness => "awareness",
            AreaKey::CurriculumIntegration => "curriculum_integration",
            AreaKey::Quality => "quality",
            AreaKey::Resources => "resources",
            AreaKey::CurriculumTransformation => "curriculum_transformation",
            AreaKey::FacultyBuyIn => "faculty_buy_in",
        }
    }

    pub fn parse(text: &str) -> Option<AreaKey> {
        AreaKey::ALL.into_iter().find(|a| a.key() == text)
    }

    /// The wizard's order for a stage: the areas its leaders named first, then the others.
    pub fn wizard_order(stage: Stage) -> Vec<AreaKey> {
        let guide = guide();
        let (mut first, rest): (Vec<AreaKey>, Vec<AreaKey>) = AreaKey::ALL
            .into_iter()
            .partition(|k| guide.area(*k).emphasised_for == stage);
        first.extend(rest);
        first
    }
}

/// One statement's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, TS)]
#[ts(type = "number | \"dont_know\" | null")]
pub enum Answer {
    /// Not reached yet (stored as `null`).
    #[default]
    Unanswered,
    /// The dean does not know (stored as `"dont_know"`); it lowers confidence, not the score.
    DontKnow,
    /// 1 (strongly disagree) to 5 (strongly agree).
    Rated(u8),
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Unanswered => s.serialize_none(),
            Answer::DontKnow => s.serialize_str("dont_know"),
            Answer::Rated(r) => s.serialize_u8(*r),
        }
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::Null => Ok(Answer::Unanswered),
            serde_json::Value::String(s) if s == "dont_know" => Ok(Answer::DontKnow),
            serde_json::Value::Number(n) => match n.as_u64() {
                Some(r @ 1..=5) => Ok(Answer::Rated(r as u8)),
                _ => Err(D::Error::custom(format!(
                    "a rating must be 1 to 5, not {n}"
                ))),
            },
            other => Err(D::Error::custom(format!(
                "an answer is 1 to 5, \"dont_know\" or null, not {other}"
            ))),
        }
    }
}

impl schemars::JsonSchema for Answer {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Answer".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "One statement's answer: 1 (strongly disagree) to 5 (strongly agree), \"dont_know\", or null while unanswered.",
            "anyOf": [
                { "type": "integer", "minimum": 1, "maximum": 5 },
                { "const": "dont_know" },
                { "type": "null" }
            ]
        })
    }
}

/// The dean's answers for one area.
#[derive(
    Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase", default)]
pub struct AreaResponse {
    /// One per statement, in the guide's order.
    pub answers: Vec<Answer>,
    /// What the dean knows that the ratings do not say.
    pub evidence: String,
}

/// Where the wizard was left.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum WizardPosition {
    #[default]
    Start,
    Area {
        area: AreaKey,
    },
    Summary,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AdoptedAction {
    /// A key of the action library.
    pub action: String,
    /// RFC 3339 date (YYYY-MM-DD) it was adopted.
    pub adopted_on: String,
}

/// Everything the dean has said in the assessment.
#[derive(
    Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase", default)]
pub struct Assessment {
    pub responses: BTreeMap<AreaKey, AreaResponse>,
    pub position: WizardPosition,
    pub adopted_actions: Vec<AdoptedAction>,
}

/// The longest evidence note kept.
pub const MAX_EVIDENCE_CHARS: usize = 4_000;

/// The field keys of an area's answers: `answers` for the list, `answers.<i>` for one statement
/// (from 0), `evidence` for the note.
pub mod response_field {
    pub const ANSWERS: &str = "answers";
    pub const EVIDENCE: &str = "evidence";
    /// The key of the action an adoption names.
    pub const ACTION: &str = "action";
}

impl Assessment {
    /// Replaces one area's answers after checking them against the guide.
    pub fn set_response(
        &mut self,
        area: AreaKey,
        response: AreaResponse,
    ) -> Result<(), ValidationErrors> {
        use response_field as f;
        let statements = guide().area(area).statements.len();
        let title = &guide().area(area).title;
        if response.answers.len() != statements {
            return Err(ValidationErrors::single(
                f::ANSWERS,
                format!(
                    "{title} has {statements} statements; {} answers were given",
                    response.answers.len()
                ),
            ));
        }
        if let Some(i) = response
            .answers
            .iter()
            .position(|a| matches!(a, Answer::Rated(r) if !(1..=5).contains(r)))
        {
            return Err(ValidationErrors::single(
                &format!("{}.{i}", f::ANSWERS),
                format!("{title}, statement {}: a rating must be 1 to 5", i + 1),
            ));
        }
        let chars = response.evidence.chars().count();
        if chars > MAX_EVIDENCE_CHARS {
            return Err(ValidationErrors::single(
                f::EVIDENCE,
                format!(
                    "The evidence note for {title} is {chars} characters; the limit is \
                     {MAX_EVIDENCE_CHARS}"
                ),
            ));
        }
        self.responses.insert(area, response);
        Ok(())
    }

    /// Adopts (or drops) a library action; adopting twice keeps the first date.
    pub fn set_adopted(
        &mut self,
        action: &str,
        adopted: bool,
        today: &str,
    ) -> Result<(), ValidationErrors> {
        if guide().action(action).is_none() {
            return Err(ValidationErrors::single(
                response_field::ACTION,
                format!("There is no action “{action}” in the library"),
            ));
        }
        let present = self.adopted_actions.iter().any(|a| a.action == action);
        if adopted && !present {
            self.adopted_actions.push(AdoptedAction {
                action: action.to_owned(),
                adopted_on: today.to_owned(),
            });
        } else if !adopted {
            self.adopted_actions.retain(|a| a.action != action);
        }
        Ok(())
    }
}
