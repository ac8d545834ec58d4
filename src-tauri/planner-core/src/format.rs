//! Plain-text number formatting for the CLI and the PDF, which have no locale of their own to
//! ask. (The UI formats with the user's locale through `Intl`.)

/// A whole number with comma thousands separators: 240000 → "240,000".
pub fn format_count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A file name (without extension) made from a title: keeps letters in any script, digits,
/// spaces and dashes; drops what file systems or shells treat specially.
pub fn file_stem(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == ' ' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let stem = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let stem: String = stem.chars().take(80).collect();
    if stem.is_empty() {
        "Micro-credential plan".to_owned()
    } else {
        stem.trim_end().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::{file_stem, format_count};

    #[test]
    fn file_stems_keep_any_script_and_drop_path_characters() {
        assert_eq!(file_stem("Plan 2027/28: pilot"), "Plan 2027 28 pilot");
        assert_eq!(file_stem("Łódź — плана"), "Łódź плана");
        assert_eq!(file_stem("../../etc/passwd"), "etc passwd");
        assert_eq!(file_stem("***"), "Micro-credential plan");
    }

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
