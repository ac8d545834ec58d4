//! The answers file `mcplan assess` reads: a JSON object from area key to that area's ratings
//! in statement order, each 1–5 or `null` for "don't know". Areas left out keep their answers.

use std::collections::BTreeMap;

use serde_json::Value;

use super::guide::guide;
use super::{Answer, AreaKey};

/// What is wrong with an answers file, naming the area and statement.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct AnswerFileError(pub String);

/// Reads and checks a whole answers file; nothing is returned unless all of it is valid.
pub fn parse_answers_file(text: &str) -> Result<BTreeMap<AreaKey, Vec<Answer>>, AnswerFileError> {
    let fail = |m: String| Err(AnswerFileError(m));
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return fail(format!("the answers file is not valid JSON: {e}")),
    };
    let Value::Object(areas) = value else {
        return fail(
            "the answers file must be a JSON object from area key to a list of ratings".into(),
        );
    };
    let mut out = BTreeMap::new();
    for (key, ratings) in areas {
        let Some(area) = AreaKey::parse(&key) else {
            let known: Vec<&str> = AreaKey::ALL.iter().map(|a| a.key()).collect();
            return fail(format!(
                "unknown area “{key}”; the areas are {}",
                known.join(", ")
            ));
        };
        let expected = guide().area(area).statements.len();
        let Value::Array(ratings) = ratings else {
            return fail(format!("area {key}: expected a list of {expected} ratings"));
        };
        if ratings.len() != expected {
            return fail(format!(
                "area {key} has {expected} statements, but {} ratings were given",
                ratings.len()
            ));
        }
        let mut answers = Vec::with_capacity(expected);
        for (i, rating) in ratings.iter().enumerate() {
            let answer = match rating {
                Value::Null => Answer::DontKnow,
                Value::Number(n) => match n.as_u64() {
                    Some(r @ 1..=5) if n.is_u64() => Answer::Rated(r as u8),
                    _ => {
                        return fail(format!(
                            "area {key}, statement {}: rating {n} is out of range; use 1 to 5, or null for don't know",
                            i + 1
                        ));
                    }
                },
                other => {
                    return fail(format!(
                        "area {key}, statement {}: {other} is not a rating; use 1 to 5, or null for don't know",
                        i + 1
                    ));
                }
            };
            answers.push(answer);
        }
        out.insert(area, answers);
    }
    Ok(out)
}
