//! The JSON rules a plan file is read with before any of it becomes a plan: not nested deeper
//! than a plan ever is, no key given twice in one object (serde keeps the last one silently in
//! maps), and no key that the plan would not write back (a misspelt key is refused, not
//! quietly replaced by a default that changes the plan's figures).

use std::collections::BTreeSet;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::json_file::nearest;
use crate::text::excerpt;

/// The deepest a plan's JSON goes is under 10 levels; twice that leaves room for the format
/// to grow and stops a file of 100,000 `[` long before the parser recurses on them.
pub const MAX_DEPTH: usize = 20;

/// Where (line, column) the text first opens more than `MAX_DEPTH` arrays or objects.
pub(super) fn too_deep(text: &str) -> Option<(usize, usize)> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let (mut line, mut column) = (1usize, 0usize);
    for c in text.chars() {
        column += 1;
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some((line, column));
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            '\n' => (line, column) = (line + 1, 0),
            _ => {}
        }
    }
    None
}

/// A JSON value read with every object's keys checked for repeats.
pub(super) struct StrictValue(pub Value);

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(StrictValue)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(StrictValue(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                // Worded as serde's own, so `describe` gives it the same sentence.
                return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
            }
            let StrictValue(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

/// The first key of `given` that `written` (the same plan written back) does not have, as
/// `(path, message)`; `path` is in the same notation as serde's (`plan.risks[2].title`).
pub(super) fn first_unknown_key(
    given: &Value,
    written: &Value,
    path: &str,
) -> Option<(String, String)> {
    match (given, written) {
        (Value::Object(given), Value::Object(written)) => {
            let known: BTreeSet<&str> = written.keys().map(String::as_str).collect();
            for (key, value) in given {
                let at = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let Some(inner) = written.get(key) else {
                    let known: Vec<&str> = known.iter().copied().collect();
                    let message = match nearest(key, &known) {
                        Some(near) => {
                            format!("unknown key “{}”; did you mean “{near}”?", excerpt(key))
                        }
                        None => {
                            format!("unknown key “{}”; this object takes no keys", excerpt(key))
                        }
                    };
                    return Some((at, message));
                };
                if let Some(found) = first_unknown_key(value, inner, &at) {
                    return Some(found);
                }
            }
            None
        }
        (Value::Array(given), Value::Array(written)) => given
            .iter()
            .zip(written)
            .enumerate()
            .find_map(|(i, (g, w))| first_unknown_key(g, w, &format!("{path}[{i}]"))),
        _ => None,
    }
}
