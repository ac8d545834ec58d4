//! How figures read wherever the planner prints them without a locale of its own to ask: the CLI
//! and the PDF both format through here, so an amount, a count, a rate or a date reads the same
//! in both. (The window formats with the user's locale through `Intl`.) Every figure arrives
//! computed; these functions only round it for display.

mod date;
mod money;
mod number;
mod payback;

pub use date::{long_date, weeks, working_days};
pub use money::{Money, typical_cost, us_dollars};
pub use number::{MINUS, count, decimal, format_count, one_decimal, percent};
pub use payback::{payback_percentile, payback_range};

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
    use super::file_stem;

    #[test]
    fn file_stems_keep_any_script_and_drop_path_characters() {
        assert_eq!(file_stem("Plan 2027/28: pilot"), "Plan 2027 28 pilot");
        assert_eq!(file_stem("Łódź — плана"), "Łódź плана");
        assert_eq!(file_stem("../../etc/passwd"), "etc passwd");
        assert_eq!(file_stem("***"), "Micro-credential plan");
    }
}
