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

/// Working days (five to a week) as weeks and days: 15 → "3 weeks", 7 → "1 week 2 days",
/// 1 → "1 day".
pub fn working_days(days: u32) -> String {
    let (whole, rest) = (days / 5, days % 5);
    let rest_days = if rest == 1 {
        "1 day".to_owned()
    } else {
        format!("{rest} days")
    };
    match (whole, rest) {
        (_, 0) => weeks(u16::try_from(whole).unwrap_or(u16::MAX)),
        (0, _) => rest_days,
        _ => format!(
            "{} {rest_days}",
            weeks(u16::try_from(whole).unwrap_or(u16::MAX))
        ),
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

    #[test]
    fn working_days_read_as_weeks_and_days() {
        assert_eq!(working_days(15), "3 weeks");
        assert_eq!(working_days(7), "1 week 2 days");
        assert_eq!(working_days(1), "1 day");
        assert_eq!(working_days(0), "0 weeks");
        assert_eq!(working_days(26), "5 weeks 1 day");
    }
}
