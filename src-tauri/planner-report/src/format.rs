//! How dates, amounts and durations read in the report. (Counts use
//! `planner_core::format_count`, shared with the CLI.) Every figure arrives computed by
//! planner-core; these functions only round it for display.

use chrono::NaiveDate;
use planner_core::format_count;

/// 2026-11-29 → "29 November 2026": unambiguous to readers on both sides of the Atlantic.
pub(crate) fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// 60000 → "US$60,000": the prefix keeps the library's dollar figures apart from the plan's
/// own currency, whatever that is.
pub(crate) fn us_dollars(amount: u32) -> String {
    format!("US${}", format_count(u64::from(amount)))
}

/// A library action's typical cost: "US$60,000 one-time; US$45,000 a year", either part alone,
/// or "No direct cost".
pub(crate) fn typical_cost(one_time: u32, recurring: u32) -> String {
    match (one_time, recurring) {
        (0, 0) => "No direct cost".to_owned(),
        (once, 0) => format!("{} one-time", us_dollars(once)),
        (0, yearly) => format!("{} a year", us_dollars(yearly)),
        (once, yearly) => format!(
            "{} one-time; {} a year",
            us_dollars(once),
            us_dollars(yearly)
        ),
    }
}

/// 1 → "1 week", 26 → "26 weeks".
pub(crate) fn weeks(n: u16) -> String {
    if n == 1 {
        "1 week".to_owned()
    } else {
        format!("{n} weeks")
    }
}

/// A projected count as people read it: 1119.49 → "1,119". Rounded for display only.
pub(crate) fn count(value: f64) -> String {
    let rounded = value.round();
    if rounded < 0.0 {
        format!("{MINUS}{}", format_count(rounded.abs() as u64))
    } else {
        format_count(rounded as u64)
    }
}

/// A figure to one decimal (credits, hours, rates per thousand): 4 → "4", 3.777… → "3.8".
pub(crate) fn one_decimal(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let text = format!("{rounded:.1}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A rate in percent: 0.8 → "0.8%", 46.75 → "46.75%".
pub(crate) fn percent(value: f64) -> String {
    format!("{}%", decimal(value))
}

/// The typographic minus, which keeps a negative amount from reading as a hyphenated word.
pub(crate) const MINUS: char = '\u{2212}';

/// How amounts in the plan's currency print: one formatter for every amount in the report,
/// rounded to whole units for display ("US$1,234,000", "€1,234,000", "₹12,34,000",
/// "CHF 1,234,000"; a negative amount as "−US$125,410").
#[derive(Debug, Clone)]
pub(crate) struct Money {
    code: String,
    /// Printed before the digits; a bare ISO code is followed by a space.
    prefix: String,
    indian_grouping: bool,
}

impl Money {
    pub(crate) fn new(code: &str) -> Self {
        let code = code.trim().to_ascii_uppercase();
        let symbol = match code.as_str() {
            "USD" => Some("US$"),
            "EUR" => Some("€"),
            "GBP" => Some("£"),
            "INR" => Some("₹"),
            "JPY" => Some("¥"),
            "CNY" => Some("CN¥"),
            "CAD" => Some("CA$"),
            "AUD" => Some("A$"),
            "NZD" => Some("NZ$"),
            "HKD" => Some("HK$"),
            "MXN" => Some("MX$"),
            "BRL" => Some("R$"),
            "KRW" => Some("₩"),
            "ILS" => Some("₪"),
            "TWD" => Some("NT$"),
            "VND" => Some("₫"),
            "PHP" => Some("₱"),
            _ => None,
        };
        let prefix = match symbol {
            Some(symbol) => symbol.to_owned(),
            None if code.is_empty() => String::new(),
            None => format!("{code} "),
        };
        Self {
            indian_grouping: code == "INR",
            code,
            prefix,
        }
    }

    /// The ISO 4217 code, as the plan gives it.
    pub(crate) fn code(&self) -> &str {
        &self.code
    }

    /// What marks an amount as this currency: "US$", "€", "CHF".
    pub(crate) fn unit(&self) -> &str {
        self.prefix.trim_end()
    }

    /// The amount with its currency, rounded to whole units.
    pub(crate) fn format(&self, amount: f64) -> String {
        self.render(amount, true)
    }

    /// The amount without its currency, for table columns whose heading names it.
    pub(crate) fn bare(&self, amount: f64) -> String {
        self.render(amount, false)
    }

    fn render(&self, amount: f64, with_unit: bool) -> String {
        let rounded = if amount.is_finite() {
            amount.round()
        } else {
            0.0
        };
        // -0.4 rounds to -0.0, which is no debt.
        let sign = if rounded < 0.0 {
            MINUS.to_string()
        } else {
            String::new()
        };
        let digits = format!("{:.0}", rounded.abs());
        let grouped = if self.indian_grouping {
            group_indian(&digits)
        } else {
            group_thousands(&digits)
        };
        let unit = if with_unit { self.prefix.as_str() } else { "" };
        format!("{sign}{unit}{grouped}")
    }
}

/// "1234567" → "1,234,567".
fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// "1234000" → "12,34,000": the last three digits, then groups of two (lakh, crore).
fn group_indian(digits: &str) -> String {
    if digits.len() <= 3 {
        return digits.to_owned();
    }
    let (head, tail) = digits.split_at(digits.len() - 3);
    let mut out = String::new();
    for (i, digit) in head.chars().enumerate() {
        if i > 0 && (head.len() - i).is_multiple_of(2) {
            out.push(',');
        }
        out.push(digit);
    }
    out.push(',');
    out.push_str(tail);
    out
}

/// A figure as people write it: 30 → "30", 22.5 → "22.5", never "30.0" or "22.500000001".
pub(crate) fn decimal(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_day_month_year_in_words() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 29).expect("valid date");
        assert_eq!(long_date(date), "29 November 2026");
        let date = NaiveDate::from_ymd_opt(2027, 3, 3).expect("valid date");
        assert_eq!(long_date(date), "3 March 2027", "no leading zero");
    }

    #[test]
    fn typical_costs_name_what_is_paid_once_and_what_every_year() {
        assert_eq!(
            typical_cost(60_000, 45_000),
            "US$60,000 one-time; US$45,000 a year"
        );
        assert_eq!(typical_cost(2_000, 0), "US$2,000 one-time");
        assert_eq!(typical_cost(0, 24_000), "US$24,000 a year");
        assert_eq!(typical_cost(0, 0), "No direct cost");
    }

    #[test]
    fn durations_and_decimals_read_naturally() {
        assert_eq!(weeks(1), "1 week");
        assert_eq!(weeks(26), "26 weeks");
        assert_eq!(decimal(30.0), "30");
        assert_eq!(decimal(22.5), "22.5");
        assert_eq!(decimal(37.125), "37.13");
    }

    #[test]
    fn amounts_print_in_the_plans_currency_rounded_to_whole_units() {
        let usd = Money::new("USD");
        assert_eq!(usd.format(1_233_476.879), "US$1,233,477");
        assert_eq!(usd.format(-125_410.0), "\u{2212}US$125,410");
        assert_eq!(usd.format(-0.0), "US$0", "no minus on nothing");
        assert_eq!(usd.format(-0.4), "US$0");
        assert_eq!(usd.bare(805_600.0), "805,600");
        assert_eq!(usd.unit(), "US$");
        assert_eq!(Money::new("EUR").format(1_234_000.0), "€1,234,000");
        assert_eq!(Money::new("INR").format(1_234_000.0), "₹12,34,000");
        assert_eq!(Money::new("INR").format(123_456_789.0), "₹12,34,56,789");
        assert_eq!(Money::new("INR").format(999.0), "₹999");
        assert_eq!(Money::new("CHF").format(1_234_000.0), "CHF 1,234,000");
        assert_eq!(Money::new("CHF").unit(), "CHF");
        assert_eq!(Money::new("chf").code(), "CHF");
    }

    #[test]
    fn counts_credits_and_rates_round_for_display_only() {
        assert_eq!(count(1_119.49), "1,119");
        assert_eq!(count(38_977.93), "38,978");
        assert_eq!(count(-0.2), "0");
        assert_eq!(one_decimal(4.0), "4");
        assert_eq!(one_decimal(3.777_777), "3.8");
        assert_eq!(one_decimal(7.2), "7.2");
        assert_eq!(percent(0.8), "0.8%");
        assert_eq!(percent(46.75), "46.75%");
    }
}
