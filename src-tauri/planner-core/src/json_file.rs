//! Messages for JSON files a person wrote by hand: one line, naming where in the file the
//! problem is, quoting no more than a short excerpt of what was written, and for a misspelt
//! key the nearest key that is known there.

use chrono::NaiveDate;

use crate::text::{excerpt, one_line};
use crate::{days_in_month, month_name};

/// The longest message a file's problem gets, whatever the file holds.
const MAX_MESSAGE_CHARS: usize = 200;

/// One line for a serde failure at `path` (such as `credentials[2].title`, empty at the top).
pub(crate) fn describe(path: &str, err: &serde_json::Error) -> String {
    let inner = err.to_string();
    let at = if path.is_empty() || path == "." || path == "?" {
        String::new()
    } else {
        format!("{path}: ")
    };
    let detail = if let Some(rest) = inner.strip_prefix("unknown field `") {
        let (given, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known = backticked(expected);
        match nearest(given, &known) {
            Some(near) => format!("unknown key “{}”; did you mean “{near}”?", excerpt(given)),
            None => format!(
                "unknown key “{}”; this object takes no keys",
                excerpt(given)
            ),
        }
    } else if let Some(rest) = inner.strip_prefix("duplicate field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        format!("the key “{}” is given twice", excerpt(key))
    } else if err.is_syntax() || err.is_eof() {
        let without_position = inner.split(" at line ").next().unwrap_or(&inner);
        format!(
            "not valid JSON: {} (line {}, column {})",
            one_line(without_position, 120),
            err.line(),
            err.column()
        )
    } else {
        let without_position = inner.split(" at line ").next().unwrap_or(&inner);
        let without_position = one_line(without_position, 120);
        // Read from JSON already parsed (an upgraded older file), there is no position.
        match err.line() {
            0 => without_position,
            line => format!("{without_position} (line {line}, column {})", err.column()),
        }
    };
    one_line(&format!("{at}{detail}"), MAX_MESSAGE_CHARS)
}

/// The names between backticks in serde's "expected one of `a`, `b`".
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// The known key closest to `given` by edit distance (case ignored).
pub(crate) fn nearest<'a>(given: &str, known: &[&'a str]) -> Option<&'a str> {
    let given: Vec<char> = given.to_lowercase().chars().take(64).collect();
    known
        .iter()
        .min_by_key(|k| edit_distance(&given, &k.to_lowercase().chars().collect::<Vec<_>>()))
        .copied()
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// A calendar date written `YYYY-MM-DD`, with a message a person understands when the day
/// does not exist ("February 2027 has no 30th day").
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let shape = || {
        format!(
            "“{}” is not a date; write it as YYYY-MM-DD, such as 2027-09-01",
            excerpt(text)
        )
    };
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, digits: usize| {
        (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let [year, month, day] = parts.as_slice() else {
        return Err(shape());
    };
    let (Some(year), Some(month), Some(day)) = (number(year, 4), number(month, 2), number(day, 2))
    else {
        return Err(shape());
    };
    let Ok(month) = u8::try_from(month) else {
        return Err(shape());
    };
    if !(1..=12).contains(&month) {
        return Err(format!(
            "{text}: there is no month {month}; months are 01 to 12"
        ));
    }
    let leap_day = month == 2 && day == 29;
    let in_month = u32::from(days_in_month(month)) + u32::from(leap_day);
    let date = NaiveDate::from_ymd_opt(year as i32, u32::from(month), day);
    match date {
        Some(date) if day <= in_month => Ok(date),
        _ => Err(format!(
            "{} {year} has no {} day",
            month_name(month),
            ordinal(day)
        )),
    }
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_that_does_not_exist_is_named_plainly() {
        assert_eq!(
            parse_date("2027-02-30").expect_err("no such day"),
            "February 2027 has no 30th day"
        );
        assert_eq!(
            parse_date("2027-02-29").expect_err("not a leap year"),
            "February 2027 has no 29th day"
        );
        assert_eq!(
            parse_date("2028-02-29"),
            Ok(NaiveDate::from_ymd_opt(2028, 2, 29).expect("leap day"))
        );
        assert_eq!(
            parse_date("2027-04-31").expect_err("April"),
            "April 2027 has no 31st day"
        );
        assert!(
            parse_date("1 Sept 2027")
                .expect_err("shape")
                .contains("YYYY-MM-DD")
        );
        assert!(
            parse_date("2027-13-01")
                .expect_err("month")
                .contains("no month 13")
        );
    }

    #[test]
    fn the_nearest_key_is_suggested() {
        let known = ["draws", "seed", "varied"];
        assert_eq!(nearest("drows", &known), Some("draws"));
        assert_eq!(nearest("SEED", &known), Some("seed"));
        assert_eq!(nearest("x", &[]), None);
    }
}
