//! The answers file `mcplan assess` reads: a JSON object from area key to that area's ratings
//! in statement order, each 1–5 or `null` for "don't know". Areas left out keep their answers.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};
use serde_json::Value;

use super::guide::guide;
use super::{Answer, AreaKey};
use crate::json_file::{describe, nearest};
use crate::text::excerpt;

/// What is wrong with an answers file, naming the area and statement.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct AnswerFileError(pub String);

/// Reads and checks a whole answers file; nothing is returned unless all of it is valid.
pub fn parse_answers_file(text: &str) -> Result<BTreeMap<AreaKey, Vec<Answer>>, AnswerFileError> {
    let fail = |m: String| Err(AnswerFileError(m));
    let areas: Entries = match serde_json::from_str(text) {
        Ok(entries) => entries,
        Err(e) if e.is_syntax() || e.is_eof() => {
            return fail(format!("the answers file is {}", describe("", &e)));
        }
        Err(_) => {
            return fail(
                "the answers file must be a JSON object from area key to a list of ratings".into(),
            );
        }
    };
    let mut out = BTreeMap::new();
    for (key, ratings) in areas.0 {
        let known: Vec<&str> = AreaKey::ALL.iter().map(|a| a.key()).collect();
        let Some(area) = AreaKey::parse(&key) else {
            return fail(format!(
                "unknown area “{}”; did you mean “{}”? The areas are {}",
                excerpt(&key),
                nearest(&key, &known).unwrap_or_default(),
                known.join(", ")
            ));
        };
        if out.contains_key(&area) {
            return fail(format!("area {key} is given twice"));
        }
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
                // 3.0 is 3: a spreadsheet export writes whole numbers that way.
                Value::Number(n) => match n.as_f64().filter(|r| r.fract() == 0.0) {
                    Some(r) if (1.0..=5.0).contains(&r) => Answer::Rated(r as u8),
                    _ => {
                        return fail(format!(
                            "area {key}, statement {}: rating {} is out of range; use 1 to 5, or null for don't know",
                            i + 1,
                            excerpt(&n.to_string())
                        ));
                    }
                },
                other => {
                    return fail(format!(
                        "area {key}, statement {}: {} is not a rating; use 1 to 5, or null for don't know",
                        i + 1,
                        excerpt(&other.to_string())
                    ));
                }
            };
            answers.push(answer);
        }
        out.insert(area, answers);
    }
    Ok(out)
}

/// A JSON object's entries in file order, repeated keys included (a map would keep only the
/// last one, silently).
struct Entries(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}
