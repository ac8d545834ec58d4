//! How dates, amounts and durations read in the report. (Counts use
//! `planner_core::format_count`, shared with the CLI.)

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
}
