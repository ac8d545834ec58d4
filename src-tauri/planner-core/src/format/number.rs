//! Counts, decimals and rates.

/// The typographic minus, which keeps a negative figure from reading as a hyphenated word.
pub const MINUS: char = '\u{2212}';

/// A whole number with comma thousands separators: 240000 → "240,000".
pub fn format_count(n: u64) -> String {
    group_thousands(&n.to_string())
}

/// A projected count as people read it: 1119.49 → "1,119", −3 → "−3". Rounded for display
/// only; what rounds to zero prints "0", never "−0".
pub fn count(value: f64) -> String {
    let rounded = if value.is_finite() {
        value.round()
    } else {
        0.0
    };
    let digits = format_count(rounded.abs() as u64);
    if rounded < 0.0 {
        format!("{MINUS}{digits}")
    } else {
        digits
    }
}

/// A figure as people write it, to two decimals at most: 30 → "30", 22.5 → "22.5", never
/// "30.0" or "22.500000001".
pub fn decimal(value: f64) -> String {
    trimmed(value, 2)
}

/// A figure to one decimal (credits, hours, rates per thousand): 4 → "4", 3.777… → "3.8".
pub fn one_decimal(value: f64) -> String {
    trimmed(value, 1)
}

/// A rate in percent: 0.8 → "0.8%", 46.75 → "46.75%".
pub fn percent(value: f64) -> String {
    format!("{}%", decimal(value))
}

/// `value` to `places` decimals without trailing zeros, and with the typographic minus.
fn trimmed(value: f64, places: i32) -> String {
    // Round half away from zero first, as people do (37.125 → 37.13); the formatter alone would
    // round the binary value to even.
    let scale = 10_f64.powi(places);
    let rounded = (value * scale).round() / scale;
    let text = format!("{rounded:.prec$}", prec = places as usize);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match text.strip_prefix('-') {
        // -0.001 shows as "-0.00" before trimming: a negative that rounds to nothing is nothing.
        Some("0") => "0".to_owned(),
        Some(magnitude) => format!("{MINUS}{magnitude}"),
        None => text.to_owned(),
    }
}

/// "1234567" → "1,234,567".
pub(super) fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_group_thousands_with_commas() {
        assert_eq!(format_count(0), "0");
        assert_eq!(format_count(999), "999");
        assert_eq!(format_count(1_000), "1,000");
        assert_eq!(format_count(240_000), "240,000");
        assert_eq!(format_count(5_000_000), "5,000,000");
        assert_eq!(format_count(12_345_678_901), "12,345,678,901");
    }

    #[test]
    fn projected_counts_round_for_display_only() {
        assert_eq!(count(1_119.49), "1,119");
        assert_eq!(count(38_977.93), "38,978");
        assert_eq!(count(0.0), "0");
        assert_eq!(count(-0.2), "0", "no negative zero");
        assert_eq!(count(-1_250.0), "\u{2212}1,250");
        assert_eq!(count(f64::NAN), "0");
    }

    #[test]
    fn decimals_drop_trailing_zeros() {
        assert_eq!(decimal(30.0), "30");
        assert_eq!(decimal(22.5), "22.5");
        assert_eq!(decimal(37.125), "37.13");
        assert_eq!(decimal(-2.5), "\u{2212}2.5");
        assert_eq!(decimal(-0.001), "0", "no negative zero");
        assert_eq!(one_decimal(4.0), "4");
        assert_eq!(one_decimal(3.777_777), "3.8");
        assert_eq!(one_decimal(7.2), "7.2");
        assert_eq!(one_decimal(-0.04), "0");
    }

    #[test]
    fn percentages_keep_up_to_two_decimals() {
        assert_eq!(percent(0.8), "0.8%");
        assert_eq!(percent(46.75), "46.75%");
        assert_eq!(percent(100.0), "100%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(12.3456), "12.35%");
    }
}
