//! The work plan's clock. Work is counted in working days, Monday to Friday, and a working week
//! is five of them; holidays are not modelled. Day 0 is the plan's start date, or the Monday
//! after it when the plan starts on a Saturday or Sunday. A task of `w` weeks starting on day
//! `s` works days `s` to `s + 5w - 1` and its successors may start on day `s + 5w` (plus their
//! lag); a milestone takes no days and falls on the day it starts.

use chrono::{Datelike, Days, NaiveDate};

/// The last date a schedule may reach: dates are written with four-digit years.
const LAST_DATE: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a valid date");

#[derive(Debug, Clone, Copy)]
pub(crate) struct WorkDays {
    /// The Monday of day 0's week.
    monday: NaiveDate,
    /// Day 0's place in that week: 0 for Monday to 4 for Friday.
    first: i64,
}

impl WorkDays {
    pub fn new(start: NaiveDate) -> Self {
        let weekday = i64::from(start.weekday().num_days_from_monday());
        let monday = start - Days::new(weekday as u64);
        if weekday >= 5 {
            WorkDays {
                monday: monday + Days::new(7),
                first: 0,
            }
        } else {
            WorkDays {
                monday,
                first: weekday,
            }
        }
    }

    /// The date of working day `day`; `None` past the year 9999.
    pub fn date(&self, day: i64) -> Option<NaiveDate> {
        let k = u64::try_from(day + self.first).ok()?;
        let days = (k / 5).checked_mul(7)? + k % 5;
        self.monday
            .checked_add_days(Days::new(days))
            .filter(|d| *d <= LAST_DATE)
    }

    /// The first working day on or after `date`; 0 when `date` is before the plan starts.
    pub fn first_on_or_after(&self, date: NaiveDate) -> i64 {
        let days = (date - self.monday).num_days();
        let (week, weekday) = (days.div_euclid(7), days.rem_euclid(7));
        let k = if weekday >= 5 {
            (week + 1) * 5
        } else {
            week * 5 + weekday
        };
        (k - self.first).max(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn working_days_skip_weekends_and_a_weekend_start_moves_to_monday() {
        // Wednesday 2 September 2026: day 2 is Friday the 4th, day 3 Monday the 7th.
        let wed = WorkDays::new(day(2026, 9, 2));
        assert_eq!(wed.date(0), Some(day(2026, 9, 2)));
        assert_eq!(wed.date(2), Some(day(2026, 9, 4)));
        assert_eq!(wed.date(3), Some(day(2026, 9, 7)), "the weekend is skipped");
        assert_eq!(wed.date(5), Some(day(2026, 9, 9)), "one week later");
        // Saturday 5 September 2026: work starts Monday the 7th.
        let sat = WorkDays::new(day(2026, 9, 5));
        assert_eq!(sat.date(0), Some(day(2026, 9, 7)));
        assert_eq!(sat.date(4), Some(day(2026, 9, 11)));
    }

    #[test]
    fn a_date_maps_to_the_first_working_day_on_or_after_it() {
        let wed = WorkDays::new(day(2026, 9, 2));
        assert_eq!(wed.first_on_or_after(day(2026, 9, 2)), 0);
        assert_eq!(
            wed.first_on_or_after(day(2026, 8, 1)),
            0,
            "before the start"
        );
        assert_eq!(wed.first_on_or_after(day(2026, 9, 4)), 2, "Friday");
        assert_eq!(
            wed.first_on_or_after(day(2026, 9, 5)),
            3,
            "Saturday → Monday"
        );
        assert_eq!(wed.first_on_or_after(day(2026, 9, 6)), 3, "Sunday → Monday");
        for n in [0, 1, 7, 99, 5_000] {
            let date = wed.date(n).expect("in range");
            assert_eq!(wed.first_on_or_after(date), n, "round trip of day {n}");
        }
        assert_eq!(wed.date(4_000_000), None, "past the year 9999");
    }
}
