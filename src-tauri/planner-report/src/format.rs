//! How dates read in the report. (Counts use `planner_core::format_count`, shared with the CLI.)

use chrono::NaiveDate;

/// 2026-11-29 → "29 November 2026": unambiguous to readers on both sides of the Atlantic.
pub(crate) fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
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
}
