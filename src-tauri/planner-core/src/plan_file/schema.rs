//! The plan file's JSON Schema, generated from the Rust types the reader takes, so it says what
//! the planner accepts: camelCase keys, each choice's values, required fields, and no key the
//! reader does not know. `docs/plan-file.schema.json` is this text; a test fails when it is
//! stale (`UPDATE_BINDINGS=1 cargo test -p planner-core bindings` rewrites it).

use schemars::generate::SchemaSettings;
use serde_json::Value;

use super::{PLAN_FILE_FORMAT, PLAN_FILE_VERSION, PlanFileIn};

/// The JSON Schema (draft 2020-12) of the plan file this planner writes, as indented JSON
/// ending in a line break.
pub fn plan_file_schema() -> String {
    let mut value = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<PlanFileIn>()
        .to_value();
    // The header's two values are fixed: this format, this version of it.
    for (key, fixed) in [
        ("format", Value::from(PLAN_FILE_FORMAT)),
        ("version", Value::from(PLAN_FILE_VERSION)),
    ] {
        if let Some(property) = value.pointer_mut(&format!("/properties/{key}")) {
            *property = serde_json::json!({
                "description": property.get("description").cloned().unwrap_or_default(),
                "const": fixed,
            });
        }
    }
    close_objects(&mut value);
    let mut text =
        serde_json::to_string_pretty(&sorted(value)).expect("a schema serialises to JSON");
    text.push('\n');
    text
}

/// The reader refuses a key it does not know anywhere in a plan file, while serde's types say so
/// only where they deny unknown fields: every object schema with named properties is closed.
/// Maps (which name no properties) keep the keys they allow.
fn close_objects(value: &mut Value) {
    match value {
        Value::Object(object) => {
            let named_object = object.get("type") == Some(&Value::from("object"))
                && object.contains_key("properties");
            if named_object && !object.contains_key("additionalProperties") {
                object.insert("additionalProperties".to_owned(), Value::Bool(false));
            }
            object.values_mut().for_each(close_objects);
        }
        Value::Array(items) => items.iter_mut().for_each(close_objects),
        _ => {}
    }
}

/// `value` with every object's keys in order, so the schema reads the same whether or not a crate
/// elsewhere in the build turns on serde_json's `preserve_order` (the workspace's test
/// dependencies do; `cargo test -p planner-core` alone does not).
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(object) => {
            let mut entries: Vec<(String, Value)> = object.into_iter().collect();
            entries.sort_by(|(a, _), (b, _)| a.cmp(b));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}
