//! Reading the profile form's single fields: names, choices, months, days, codes, hours.

use super::default_currency;
use crate::calendar::{days_in_month, month_name};
use crate::credit::CreditSystem;
use crate::places::{country_name, currency_name};

const MAX_NAME_CHARS: usize = 200;
const MAX_TERM_NAME_CHARS: usize = 40;

pub(super) fn required_text(text: &str, label: &str) -> Result<String, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(format!("{label} cannot be empty"));
    }
    let chars = trimmed.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(format!(
            "{label} is {chars} characters long; the limit is {MAX_NAME_CHARS}"
        ));
    }
    if let Some(code) = crate::text::first_hidden_character(trimmed, false) {
        return Err(crate::text::hidden_character_message(label, &code));
    }
    Ok(trimmed.to_owned())
}

pub(super) fn term_name(text: &str, label: &str) -> Result<String, String> {
    let name = required_text(text, &format!("{label}’s name"))?;
    if name.chars().count() > MAX_TERM_NAME_CHARS {
        return Err(format!(
            "{label}’s name is longer than {MAX_TERM_NAME_CHARS} characters"
        ));
    }
    Ok(name)
}

pub(super) fn parse_or_default<T>(
    text: &str,
    parse: impl Fn(&str) -> Option<T>,
    default: T,
    label: &str,
) -> Result<T, String> {
    if text.trim().is_empty() {
        return Ok(default);
    }
    parse(text).ok_or_else(|| {
        format!(
            "{label} “{}” is not one of the choices offered",
            text.trim()
        )
    })
}

/// A month 1–12 as a number or an English name ("7", "July", "jul").
pub(super) fn parse_month(text: &str, label: &str, default: u8) -> Result<u8, String> {
    let typed = text.trim();
    if typed.is_empty() {
        return if default == 0 {
            Err(format!("{label} is required"))
        } else {
            Ok(default)
        };
    }
    if let Ok(n) = typed.parse::<u8>() {
        return if (1..=12).contains(&n) {
            Ok(n)
        } else {
            Err(format!(
                "{label} must be a month from 1 to 12 (you typed “{typed}”)"
            ))
        };
    }
    let lower = typed.to_lowercase();
    (1..=12u8)
        .find(|m| {
            let name = month_name(*m).to_lowercase();
            lower.len() >= 3 && name.starts_with(&lower)
        })
        .ok_or_else(|| format!("{label} must be a month such as 7 or July (you typed “{typed}”)"))
}

pub(super) fn parse_day(text: &str, month: u8, label: &str) -> Result<u8, String> {
    let typed = text.trim();
    let max = days_in_month(month);
    match typed.parse::<u8>() {
        Ok(day) if (1..=max).contains(&day) => Ok(day),
        Ok(_) if month == 2 && typed == "29" => Err(format!(
            "{label} cannot start on 29 February: that day is missing three years in four"
        )),
        _ => Err(format!(
            "{label}’s start day must be from 1 to {max} for {} (you typed “{typed}”)",
            month_name(month)
        )),
    }
}

/// An ISO 3166-1 alpha-2 code, any case; empty means "not chosen".
pub(super) fn parse_country(text: &str) -> Result<Option<String>, String> {
    let code = text.trim().to_ascii_uppercase();
    if code.is_empty() {
        return Ok(None);
    }
    if country_name(&code).is_some() {
        Ok(Some(code))
    } else {
        Err(format!(
            "“{}” is not a country code; use two letters such as MX, PL or GR",
            text.trim()
        ))
    }
}

pub(super) fn parse_currency(text: &str) -> Result<String, String> {
    let code = text.trim().to_ascii_uppercase();
    if code.is_empty() {
        return Ok(default_currency());
    }
    if currency_name(&code).is_some() {
        Ok(code)
    } else {
        Err(format!(
            "“{}” is not a currency code; use three letters such as USD, EUR or INR",
            text.trim()
        ))
    }
}

pub(super) fn parse_hours_per_credit(
    system: CreditSystem,
    text: &str,
) -> Result<Option<f64>, String> {
    if system != CreditSystem::Custom {
        return Ok(None);
    }
    let typed = text.trim();
    match typed.replace(',', ".").parse::<f64>() {
        Ok(hours) if hours.is_finite() && (1.0..=200.0).contains(&hours) => Ok(Some(hours)),
        _ if typed.is_empty() => {
            Err("With your own credit rule, say how many learning hours make one credit".into())
        }
        _ => Err(format!(
            "Hours per credit must be a number from 1 to 200, such as 30 (you typed “{typed}”)"
        )),
    }
}
