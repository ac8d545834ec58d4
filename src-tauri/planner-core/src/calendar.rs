//! The institution's academic calendar: its term system and the day each term starts.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CalendarSystem {
    Semester,
    Quarter,
    Trimester,
}

impl CalendarSystem {
    /// How many terms a year of this system may have (a summer term is optional).
    pub fn term_counts(self) -> std::ops::RangeInclusive<usize> {
        match self {
            CalendarSystem::Semester => 2..=3,
            CalendarSystem::Quarter => 3..=4,
            CalendarSystem::Trimester => 3..=3,
        }
    }

    /// A typical northern-hemisphere year, as a starting point the dean edits.
    pub fn typical_terms(self) -> Vec<TermStart> {
        let term = |name: &str, month, day| TermStart {
            name: name.to_owned(),
            month,
            day,
        };
        match self {
            CalendarSystem::Semester => vec![term("Fall", 8, 26), term("Spring", 1, 13)],
            CalendarSystem::Quarter => vec![
                term("Autumn", 9, 23),
                term("Winter", 1, 6),
                term("Spring", 3, 31),
                term("Summer", 6, 23),
            ],
            CalendarSystem::Trimester => {
                vec![
                    term("First", 9, 2),
                    term("Second", 1, 6),
                    term("Third", 5, 4),
                ]
            }
        }
    }
}

/// The day a term starts each year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
pub struct TermStart {
    /// What the institution calls it ("Fall", "Michaelmas", "Semestre 1").
    pub name: String,
    /// 1–12.
    pub month: u8,
    /// 1–31, valid for the month (no 29 February: it is not there every year).
    pub day: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AcademicCalendar {
    pub system: CalendarSystem,
    /// In the order they fall in the academic year, starting with its first term.
    pub terms: Vec<TermStart>,
}

impl Default for AcademicCalendar {
    fn default() -> Self {
        AcademicCalendar {
            system: CalendarSystem::Semester,
            terms: CalendarSystem::Semester.typical_terms(),
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of month 1–12.
pub fn month_name(month: u8) -> &'static str {
    MONTHS
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// The days month 1–12 has in a common year.
pub fn days_in_month(month: u8) -> u8 {
    match month {
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
