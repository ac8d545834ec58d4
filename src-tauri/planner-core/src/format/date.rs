//! Dates and durations.

use chrono::NaiveDate;

/// 2026-11-29 → "29 November 2026": unambiguous to readers on both sides of the Atlantic.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// 1 → "1 week", 26 → "26 weeks".
pub fn weeks(n: u16) -> String {
    if n == 1 {
        "1 week".to_owned()
    } else {
        format!("{n} weeks")
    }
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
        let date = NaiveDate::from_ymd_opt(2028, 2, 29).expect("valid date");
        assert_eq!(long_date(date), "29 February 2028");
    }

    #[test]
    fn durations_count_weeks() {
        assert_eq!(weeks(1), "1 week");
        assert_eq!(weeks(26), "26 weeks");
        assert_eq!(weeks(0), "0 weeks");
    }
}
