//! Plain-text number formatting for the CLI and the PDF, which have no locale of their own to
//! ask. (The UI formats with the user's locale through `Intl`.)

/// A whole number with comma thousands separators: 240000 → "240,000".
pub fn format_count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::format_count;

    #[test]
    fn groups_thousands() {
        assert_eq!(format_count(0), "0");
        assert_eq!(format_count(999), "999");
        assert_eq!(format_count(1_000), "1,000");
        assert_eq!(format_count(240_000), "240,000");
        assert_eq!(format_count(5_000_000), "5,000,000");
        assert_eq!(format_count(12_345_678_901), "12,345,678,901");
    }
}
