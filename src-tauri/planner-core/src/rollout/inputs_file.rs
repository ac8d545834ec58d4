//! The inputs file `mcplan rollout --inputs` reads: the `plan.rollout` object of
//! `mcplan show --json`. Unknown and repeated keys are refused rather than ignored, since a
//! misspelt key silently replaced by a default would change the plan's figures.

use super::inputs::RolloutInputs;
use crate::json_file::{describe, parse_date};

/// What is wrong with an inputs file, in one line naming the place in the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InputsFileError(pub String);

/// Reads a whole inputs file. Its figures are checked afterwards by
/// [`RolloutInputs::validate`], against the plan's profile.
pub fn parse_inputs_file(text: &str) -> Result<RolloutInputs, InputsFileError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    // serde_json walks nested arrays and objects recursively; it stops at depth 128.
    let inputs: RolloutInputs =
        serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
            let path = err.path().to_string();
            if path == "startDate"
                && let Some(Err(message)) = start_date_text(text).map(|t| parse_date(&t))
            {
                return InputsFileError(format!("startDate: {message}"));
            }
            InputsFileError(describe(&path, err.inner()))
        })?;
    deserializer
        .end()
        .map_err(|err| InputsFileError(describe("", &err)))?;
    Ok(inputs)
}

/// The start date as written, to say why it is not a date in words a person knows.
fn start_date_text(text: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    value.get("startDate")?.as_str().map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rollout::sample_rollout;

    fn sample_json() -> serde_json::Value {
        serde_json::to_value(sample_rollout()).expect("serialises")
    }

    fn refusal(value: &serde_json::Value) -> String {
        parse_inputs_file(&value.to_string())
            .expect_err("refused")
            .0
    }

    #[test]
    fn the_sample_round_trips() {
        let parsed = parse_inputs_file(&sample_json().to_string()).expect("parses");
        assert_eq!(parsed, sample_rollout());
    }

    #[test]
    fn an_unknown_key_is_refused_naming_its_place_and_the_nearest_known_key() {
        let mut value = sample_json();
        value["uncertainity"] = serde_json::json!({"draws": 0});
        assert_eq!(
            refusal(&value),
            "uncertainity: unknown key “uncertainity”; did you mean “uncertainty”?"
        );
        let mut value = sample_json();
        value["phases"]["pilot_gate"] = serde_json::json!(["x"]);
        let message = refusal(&value);
        assert!(
            message.starts_with("phases.pilot_gate: unknown key")
                && message.contains("“pilotGate”"),
            "{message}"
        );
    }

    #[test]
    fn a_repeated_key_is_refused() {
        let text = sample_json().to_string();
        let text = text.replacen("{", "{\"horizonYears\": 3, ", 1);
        let message = parse_inputs_file(&text).expect_err("refused").0;
        assert!(
            message.contains("“horizonYears” is given twice"),
            "{message}"
        );
    }

    #[test]
    fn an_impossible_date_and_a_huge_string_get_short_plain_messages() {
        let mut value = sample_json();
        value["startDate"] = serde_json::json!("2027-02-30");
        assert!(
            refusal(&value).contains("February 2027 has no 30th day"),
            "{}",
            refusal(&value)
        );
        let mut value = sample_json();
        value["horizonYears"] = serde_json::json!("\u{1b}[31m".repeat(100_000));
        let message = refusal(&value);
        assert!(
            message.chars().count() <= 201,
            "short: {} chars",
            message.len()
        );
        assert!(!message.contains('\u{1b}'), "no escape codes: {message}");
    }

    #[test]
    fn trailing_text_after_the_object_is_refused() {
        let text = format!("{} {{}}", sample_json());
        assert!(parse_inputs_file(&text).is_err());
    }
}
