//! Reading head counts as people type them.

use crate::format_count;

/// Larger than any single university system (the largest enrol a few million).
pub const MAX_ENROLMENT: u32 = 5_000_000;

/// Reads a head count as people type it: "12500", "12,500", "12 500", "12.500", "12’500",
/// "2,40,000".
pub fn parse_enrolment(text: &str) -> Result<u32, String> {
    if text.trim().is_empty() {
        return Err("Total enrolment is required: the number of students, such as 12,500".into());
    }
    parse_count(text, "Total enrolment", MAX_ENROLMENT)
}

pub(super) fn parse_optional_count(text: &str, label: &str, max: u32) -> Result<u32, String> {
    if text.trim().is_empty() {
        Ok(0)
    } else {
        parse_count(text, label, max)
    }
}

/// A whole number of people or things, with the thousands grouping people type.
pub fn parse_count(text: &str, label: &str, max: u32) -> Result<u32, String> {
    let typed = text.trim();
    if typed.starts_with('-') || typed.starts_with('−') {
        return Err(format!("{label} cannot be negative (you typed “{typed}”)"));
    }
    let groups: Vec<&str> = typed
        .split([',', '.', ' ', '\u{a0}', '\u{202f}', '\'', '’'])
        .collect();
    let digits_only = groups
        .iter()
        .all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()));
    let (first, rest) = groups.split_first().unwrap_or((&"", &[]));
    // Thousands (12,500) or the Indian lakh grouping (2,40,000).
    let thousands = rest.iter().all(|g| g.len() == 3) && first.len() <= 3;
    let lakhs = rest.split_last().is_some_and(|(last, middle)| {
        last.len() == 3 && middle.iter().all(|g| g.len() == 2) && first.len() <= 2
    });
    if !(digits_only && (rest.is_empty() || thousands || lakhs)) {
        return Err(format!(
            "{label} must be a whole number, such as 12,500 (you typed “{typed}”)"
        ));
    }
    let too_many = || {
        format!(
            "{label} of {typed} is more than any institution has; the limit is {}",
            format_count(u64::from(max))
        )
    };
    match groups.concat().parse::<u64>() {
        Ok(n) if n <= u64::from(max) => u32::try_from(n).map_err(|_| too_many()),
        _ => Err(too_many()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enrolment_accepts_the_ways_people_group_thousands() {
        for typed in [
            "240000",
            "240,000",
            "240 000",
            "240.000",
            "240’000",
            "240\u{a0}000",
            "2,40,000",
        ] {
            assert_eq!(parse_enrolment(typed), Ok(240_000), "typed {typed:?}");
        }
    }

    #[test]
    fn enrolment_refuses_negative_fractional_and_non_numeric_text_naming_it() {
        let negative = parse_enrolment("-5").expect_err("negative refused");
        assert!(
            negative.contains("negative") && negative.contains("-5"),
            "{negative}"
        );
        for typed in [
            "abc",
            "12.5",
            "1,23",
            "12e3",
            "1,2345",
            "1,2,000",
            "123,45,000",
        ] {
            let message = parse_enrolment(typed).expect_err(typed);
            assert!(
                message.contains(typed),
                "message names what was typed: {message}"
            );
        }
        assert!(parse_enrolment("").is_err());
        assert!(
            parse_enrolment("5,000,001")
                .expect_err("too many")
                .contains("limit")
        );
        assert_eq!(parse_enrolment("5,000,000"), Ok(MAX_ENROLMENT));
    }
}
