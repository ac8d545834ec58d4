//! Amounts of money: the plan's own currency, and the action library's US dollars.

use super::number::{MINUS, format_count, group_thousands};

/// How amounts in the plan's currency print, rounded to whole units: "US$1,234,000",
/// "€1,234,000", "₹12,34,000", "CHF 1,234,000"; a negative amount as "−US$125,410".
#[derive(Debug, Clone)]
pub struct Money {
    code: String,
    /// Printed before the digits; a bare ISO code is followed by a space.
    prefix: String,
    indian_grouping: bool,
}

impl Money {
    /// The formatter for an ISO 4217 code; the currency's symbol where it has a common one,
    /// else the code itself.
    pub fn new(code: &str) -> Self {
        let code = code.trim().to_ascii_uppercase();
        let prefix = match symbol(&code) {
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
    pub fn code(&self) -> &str {
        &self.code
    }

    /// What marks an amount as this currency: "US$", "€", "CHF".
    pub fn unit(&self) -> &str {
        self.prefix.trim_end()
    }

    /// The amount with its currency, rounded to whole units.
    pub fn format(&self, amount: f64) -> String {
        self.render(amount, true)
    }

    /// The amount without its currency, for table columns whose heading names it.
    pub fn bare(&self, amount: f64) -> String {
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

/// The symbols readers know without a second look; any other currency prints its code.
fn symbol(code: &str) -> Option<&'static str> {
    Some(match code {
        "USD" => "US$",
        "EUR" => "€",
        "GBP" => "£",
        "INR" => "₹",
        "JPY" => "¥",
        "CNY" => "CN¥",
        "CAD" => "CA$",
        "AUD" => "A$",
        "NZD" => "NZ$",
        "HKD" => "HK$",
        "MXN" => "MX$",
        "BRL" => "R$",
        "KRW" => "₩",
        "ILS" => "₪",
        "TWD" => "NT$",
        "VND" => "₫",
        "PHP" => "₱",
        _ => return None,
    })
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

/// 60000 → "US$60,000": the action library's costs are in US dollars whatever the plan's own
/// currency, and the prefix keeps them apart.
pub fn us_dollars(amount: u32) -> String {
    format!("US${}", format_count(u64::from(amount)))
}

/// A library action's typical cost: "US$60,000 one-time; US$45,000 a year", either part alone,
/// or "No direct cost".
pub fn typical_cost(one_time: u32, recurring: u32) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_print_in_the_plans_currency_rounded_to_whole_units() {
        let usd = Money::new("USD");
        assert_eq!(usd.format(1_233_476.879), "US$1,233,477");
        assert_eq!(usd.format(0.0), "US$0");
        assert_eq!(usd.format(999.5), "US$1,000");
        assert_eq!(usd.format(12_345_678_901.0), "US$12,345,678,901");
        assert_eq!(usd.bare(805_600.0), "805,600");
        assert_eq!(usd.unit(), "US$");
        assert_eq!(usd.code(), "USD");
        assert_eq!(Money::new("EUR").format(1_234_000.0), "€1,234,000");
        assert_eq!(Money::new("GBP").format(12.0), "£12");
    }

    #[test]
    fn negative_amounts_take_the_minus_sign_before_the_currency() {
        let usd = Money::new("USD");
        assert_eq!(usd.format(-125_410.0), "\u{2212}US$125,410");
        assert_eq!(usd.bare(-1_234.0), "\u{2212}1,234");
        assert_eq!(usd.format(-0.0), "US$0", "no minus on nothing");
        assert_eq!(
            usd.format(-0.4),
            "US$0",
            "what rounds to nothing is no debt"
        );
        assert_eq!(usd.format(f64::NAN), "US$0");
    }

    #[test]
    fn currencies_without_a_common_symbol_print_their_code() {
        assert_eq!(Money::new("CHF").format(1_234_000.0), "CHF 1,234,000");
        assert_eq!(Money::new("CHF").format(-5.0), "\u{2212}CHF 5");
        assert_eq!(Money::new("CHF").unit(), "CHF");
        assert_eq!(Money::new("chf").code(), "CHF", "codes read in capitals");
        assert_eq!(Money::new("").format(7.0), "7", "no currency, no prefix");
    }

    #[test]
    fn rupees_group_in_lakhs_and_crores() {
        assert_eq!(Money::new("INR").format(1_234_000.0), "₹12,34,000");
        assert_eq!(Money::new("INR").format(123_456_789.0), "₹12,34,56,789");
        assert_eq!(Money::new("INR").format(999.0), "₹999");
    }

    #[test]
    fn typical_costs_name_what_is_paid_once_and_what_every_year() {
        assert_eq!(us_dollars(60_000), "US$60,000");
        assert_eq!(
            typical_cost(60_000, 45_000),
            "US$60,000 one-time; US$45,000 a year"
        );
        assert_eq!(typical_cost(2_000, 0), "US$2,000 one-time");
        assert_eq!(typical_cost(0, 24_000), "US$24,000 a year");
        assert_eq!(typical_cost(0, 0), "No direct cost");
    }
}
